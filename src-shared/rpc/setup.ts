/** First run (khởi tạo): the commune office and its first administrator. */
import { z } from 'zod';
import { officerSchema, passwordSchema, usernameSchema } from './officers';
import { row } from './row';
import { vnText } from './text';

const AGENCY_CODE_RE = /^[0-9A-Z][0-9A-Z.]{2,48}$/;

/**
 * What is wrong with a typed agency code (mã định danh cơ quan, e.g. 000.00.17.H56), said as
 * specifically as possible while it is typed; null when core will accept it.
 */
export function agencyCodeProblem(typed: string): string | null {
  const code = typed.trim();
  if (AGENCY_CODE_RE.test(code)) return null;
  const bad = [...code].find((c) => !/[0-9A-Za-z.]/.test(c));
  if (bad !== undefined) return `Ký tự "${bad === ' ' ? 'khoảng trắng' : bad}" không dùng được trong mã định danh cơ quan: chỉ gồm chữ in hoa, số và dấu chấm`;
  if (/[a-z]/.test(code)) return 'Mã định danh cơ quan viết bằng chữ in hoa';
  if (code.startsWith('.')) return 'Mã định danh cơ quan bắt đầu bằng chữ hoặc số, không bằng dấu chấm';
  return 'Mã định danh cơ quan dài từ 3 đến 49 ký tự';
}

export const officeInputSchema = z.strictObject({
  name: vnText(1, 200), // tên bộ phận, e.g. "Trung tâm Phục vụ hành chính công xã Tân Lập"
  governingBody: vnText(1, 200), // cơ quan chủ quản, e.g. "Ủy ban nhân dân xã Tân Lập"
  agencyCode: z
    .string()
    .trim()
    .regex(AGENCY_CODE_RE, 'Mã định danh cơ quan chỉ gồm chữ in hoa, số và dấu chấm'),
  province: vnText(1, 100),
  address: vnText(0, 300).optional(),
  phone: vnText(0, 20).optional(),
  /** Địa danh for the "…, ngày … tháng … năm …" line; derived from the governing body if absent. */
  place: vnText(0, 100).optional(),
});

export const officeSchema = officeInputSchema.extend({ place: z.string() });
export type Office = z.infer<typeof officeSchema>;

export const setupRows = {
  'setup.status': row({
    input: z.strictObject({}),
    // setupCodeRequired: the caller is on another machine, so first run needs the one-time code
    // the host printed on its console (a web page elsewhere must not be able to set up the office).
    output: z.object({ initialized: z.boolean(), setupCodeRequired: z.boolean() }),
    access: 'public',
  }),
  'setup.initialize': row({
    input: z.strictObject({
      setupCode: z.string().max(40).optional(),
      office: officeInputSchema,
      admin: z.strictObject({
        username: usernameSchema,
        password: passwordSchema,
        fullName: vnText(1, 200),
      }),
    }),
    output: z.object({ office: officeSchema, admin: officerSchema }),
    access: 'public',
  }),
  'office.get': row({
    input: z.strictObject({}),
    output: officeSchema,
    access: 'signedIn',
  }),
  /**
   * The office's details as printed on forms, corrected after setup by an administrator (audited).
   * The agency code is not among them: it begins every dossier code and names this office to the
   * province, so it is fixed at setup.
   */
  'office.update': row({
    input: officeInputSchema.omit({ agencyCode: true }),
    output: officeSchema,
    access: ['admin'],
  }),
} as const;
