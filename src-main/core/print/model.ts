/**
 * The print view model (PrintContext): everything a printed form may show, built by the caller
 * from committed data (the dossier row, its timeline, the office settings). Printing reads ONLY
 * this object: never UI state, never the database, never the clock. `printedAt` is an input, so
 * re-rendering the same context gives byte-identical PDFs (the archived SHA-256 stays valid).
 *
 * Times are UTC ISO-8601 instants; they are printed in Asia/Ho_Chi_Minh (UTC+7, no DST).
 */
import { z } from 'zod';
import { dossierSchema } from '../../../src-shared/dossier';
import { lookupKeySchema } from '../../../src-shared/sync/lookup-key';

const instant = z.string().datetime({ offset: true });
const text = (max: number) => z.string().max(max);
const nonEmpty = (max: number) => z.string().min(1).max(max);

/** Every printable form. 'mau01'…'mau07' follow TT 03/2025/TT-VPCP Phụ lục I numbering. */
export const FORM_IDS = [
  'mau01',
  'mau02',
  'mau03',
  'mau04',
  'mau05',
  'mau06',
  'mau07',
  'ticket',
  'report_ii06a',
] as const;
export type FormId = (typeof FORM_IDS)[number];
export const formIdSchema = z.enum(FORM_IDS);

/** The commune office printing the form (cơ quan chủ quản + bộ phận một cửa). */
export const printOfficeSchema = z.object({
  /** Tên cơ quan chủ quản, natural case: "Ủy ban nhân dân xã Hòa An" (uppercased in the header). */
  governingBody: nonEmpty(300),
  /** Tên đơn vị ban hành / bộ phận một cửa: "Trung tâm Phục vụ hành chính công xã Hòa An". */
  name: nonEmpty(300),
  /** Địa danh for the date line: "Hòa An" → "Hòa An, ngày 05 tháng 02 năm 2026". */
  place: nonEmpty(100),
  /** Mã định danh điện tử cơ quan (DOMAIN.md §3.2). */
  agencyCode: nonEmpty(50),
  /** Province hub base URL; when set, QR codes carry `<hubUrl>/tra-cuu/<code>` (Mẫu 01: `?k=<key>`). */
  hubUrl: z.string().url().max(300).optional(),
  /** Counter phone, printed where citizens are told whom to call (Mẫu 02). */
  phone: text(30).optional(),
});
export type PrintOffice = z.infer<typeof printOfficeSchema>;

/** The procedure (thủ tục hành chính) version the dossier was received under. */
export const printProcedureSchema = z.object({
  code: nonEmpty(60),
  name: nonEmpty(500),
  /** Lĩnh vực, e.g. "Chứng thực". */
  field: nonEmpty(200),
  /** Thời hạn giải quyết as published, e.g. "Trong ngày làm việc (sau 15 giờ: ngày làm việc tiếp theo)". */
  deadlineText: text(300).optional(),
  /** Cơ quan chủ trì giải quyết when it is not the receiving office. */
  resolvingAgency: text(300).optional(),
});
export type PrintProcedure = z.infer<typeof printProcedureSchema>;

/** The officer who prints (người tiếp nhận / người hướng dẫn). */
export const printOfficerSchema = z.object({
  fullName: nonEmpty(200),
  phone: text(30).optional(),
});
export type PrintOfficer = z.infer<typeof printOfficerSchema>;

/** Signer of letters that need the head of an agency (Mẫu 04, Mẫu 05): title + name. */
export const printSignerSchema = z.object({
  /** Signer's authority line, e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" or "CHỦ TỊCH". */
  title: nonEmpty(200),
  fullName: nonEmpty(200),
});
export type PrintSigner = z.infer<typeof printSignerSchema>;

/** Outcome of one hand-over step on the Phiếu kiểm soát (Trước hạn / Đúng hạn / Quá hạn). */
export const STEP_OUTCOMES = ['early', 'on_time', 'late'] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

/**
 * One hand-over row of Mẫu 06 (giao, nhận hồ sơ), mapped by the caller from the dossier timeline.
 * The outcome is computed by the deadline engine, not here: printing never judges lateness.
 */
export const handoverEventSchema = z.object({
  at: instant,
  fromUnit: nonEmpty(300),
  fromPerson: text(200).optional(),
  toUnit: nonEmpty(300),
  toPerson: text(200).optional(),
  outcome: z.enum(STEP_OUTCOMES).optional(),
  note: text(1000).optional(),
});
export type HandoverEvent = z.infer<typeof handoverEventSchema>;

/** Mẫu 02: the complete list of what is missing (hướng dẫn một lần, đầy đủ). */
export const supplementSchema = z.object({
  items: z
    .array(
      z.object({
        name: nonEmpty(500),
        originals: z.number().int().min(0).max(1000),
        certifiedCopies: z.number().int().min(0).max(1000),
        photocopies: z.number().int().min(0).max(1000),
      }),
    )
    .min(1),
  reason: nonEmpty(2000),
  /** Whom to call while completing the dossier; defaults to the officer and office phone. */
  contactName: text(200).optional(),
  contactPhone: text(30).optional(),
});
export type Supplement = z.infer<typeof supplementSchema>;

/** Mẫu 03: refusal at the counter. */
export const refusalSchema = z.object({ reason: nonEmpty(2000) });

/** Mẫu 04: apology for a late result and the new date (hẹn lại / gia hạn, at most once). */
export const apologySchema = z.object({
  /** The agency that caused the delay and signs the letter. Defaults to the governing body. */
  agencyName: text(300).optional(),
  reason: nonEmpty(2000),
  newDueAt: instant,
  signer: printSignerSchema,
});

/** Mẫu 05: stop processing (dừng giải quyết), e.g. after the citizen withdraws. */
export const stopSchema = z.object({
  agencyName: text(300).optional(),
  reason: nonEmpty(2000),
  /** When the citizen asked to withdraw, if that is why processing stops. */
  requestedAt: instant.optional(),
  signer: printSignerSchema,
});

/** One line of Sổ theo dõi hồ sơ (Mẫu 07): a dossier plus the register-only columns. */
export const registerRowSchema = z.object({
  dossier: dossierSchema,
  /** Số lượng hồ sơ (bộ); one set unless the caller says otherwise. */
  sets: z.number().int().min(1).max(1000).optional(),
  resolvingAgency: text(300).optional(),
  transferredAt: instant.optional(),
  resultReceivedAt: instant.optional(),
  /** Người nhận kết quả, as recorded at the return. */
  collectedBy: text(200).optional(),
  note: text(1000).optional(),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

/** Mẫu 07: a date range (inclusive local dates) and its rows, already sorted by the caller. */
export const registerSchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  book: text(50).optional(),
  rows: z.array(registerRowSchema),
});

const count = z.number().int().min(0);

/** One line of Biểu số II.06a: a field (lĩnh vực) and its figures, columns (4)–(6), (8)–(10), (12)–(13). */
export const reportRowSchema = z.object({
  field: nonEmpty(300),
  receivedOnline: count, // (4) Trực tuyến
  receivedDirect: count, // (5) Trực tiếp, dịch vụ bưu chính
  carriedOver: count, // (6) Từ kỳ trước
  resolvedEarly: count, // (8) Trước hạn
  resolvedOnTime: count, // (9) Đúng hạn
  resolvedLate: count, // (10) Quá hạn
  pendingInTime: count, // (12) Trong hạn
  pendingLate: count, // (13) Quá hạn
});
export type ReportRow = z.infer<typeof reportRowSchema>;

/** Biểu số II.06a/VPCP/KSTT for one period (DOMAIN.md §9.1). */
export const reportSchema = z.object({
  /** Kỳ báo cáo label, e.g. "Quý III năm 2026". */
  periodLabel: nonEmpty(100),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reportingUnit: nonEmpty(300),
  receivingUnit: nonEmpty(300),
  rows: z.array(reportRowSchema),
  signer: printSignerSchema.optional(),
});
export type ReportData = z.infer<typeof reportSchema>;

export const printContextSchema = z.object({
  /** The "printed at" instant: date line, PDF metadata. Supplied, never read from the clock. */
  printedAt: instant,
  office: printOfficeSchema,
  /** The dossier the form is about; every form except Mẫu 07 and Biểu II.06a needs it. */
  dossier: dossierSchema.optional(),
  /** Mẫu 01 only: the receipt's key for the public lookup, carried in its QR (src-shared/sync/lookup-key.ts). */
  lookupKey: lookupKeySchema.optional(),
  /** The procedure version the dossier was received under; needed with `dossier`. */
  procedure: printProcedureSchema.optional(),
  officer: printOfficerSchema,
  /** Hand-over rows for Mẫu 06, oldest first. */
  events: z.array(handoverEventSchema).optional(),
  /** Số, ký hiệu văn bản (the part before "/"), e.g. "15" → "Số: 15/HDHS". Dots when absent. */
  docNumber: text(30).optional(),
  /** Vào Sổ theo dõi hồ sơ: Quyển số, Số thứ tự (Mẫu 01). */
  registerEntry: z.object({ book: text(50), seq: z.number().int().min(1) }).optional(),
  /** Số lượng hồ sơ (bộ) for Mẫu 01; one set unless stated. */
  sets: z.number().int().min(1).max(1000).optional(),
  supplement: supplementSchema.optional(),
  refusal: refusalSchema.optional(),
  apology: apologySchema.optional(),
  stop: stopSchema.optional(),
  register: registerSchema.optional(),
  report: reportSchema.optional(),
});
export type PrintContext = z.infer<typeof printContextSchema>;
