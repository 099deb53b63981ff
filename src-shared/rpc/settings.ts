/** Settings an office can change (cài đặt). */
import { z } from 'zod';
import { compilePattern, DEFAULT_DOSSIER_CODE_PATTERN, DossierCodeError, patternLeadsWithAgency } from '../domain/dossier-code';
import { row } from './row';
import { vnText } from './text';

function isValidPattern(pattern: string): boolean {
  try {
    compilePattern(pattern);
    return true;
  } catch (err) {
    if (!(err instanceof DossierCodeError)) throw err;
    return false;
  }
}

export const settingsSchema = z.object({
  /**
   * Minutes of inactivity before the screen locks (khóa màn hình); 0 disables the idle lock. Held
   * by core: a reload finds the lock where it was.
   */
  idleLockMinutes: z.number().int().min(0).max(240),
  /** Hours after sign-in when a session ends whatever happens (a working day plus overtime). */
  sessionMaxHours: z.number().int().min(1).max(24),
  /** Dossier code pattern (mã hồ sơ), e.g. {agency}-{yyMMdd}-{seq:4}; agree it with the province. */
  dossierCodePattern: z
    .string()
    .min(5)
    .max(60)
    .regex(/^[\x20-\x7E]+$/, 'Mẫu mã hồ sơ chỉ gồm chữ không dấu, số và ký hiệu')
    .refine(isValidPattern, 'Mẫu mã hồ sơ phải có đúng một {agency}, một ngày ({yyMMdd}) và một {seq:N}')
    // The province accepts a code only under its commune's identifier, written first (DOMAIN §3.1).
    .refine((p) => !isValidPattern(p) || patternLeadsWithAgency(p), 'Mẫu mã hồ sơ phải bắt đầu bằng {agency} rồi đến một dấu ngăn cách như "-"'),
  /** The printer chosen in Cài đặt (tên máy in của hệ điều hành); null = the system default. */
  printer: vnText(1, 200).nullable(),
  /** Who signs Mẫu 04 / Mẫu 05 by default (chức danh, họ tên). */
  signerTitle: vnText(0, 200),
  signerName: vnText(0, 200),
  /**
   * Bandwidth cap for sending scanned papers to the province, in kbit/s; 0 = no cap. A commune's
   * ADSL is shared with everything else the office does.
   */
  uploadLimitKbps: z.number().int().min(0).max(1_000_000),
  /**
   * Days to answer a citizen's phản ánh, kiến nghị (issue #18). The commune's own rule: no legal
   * period for commune-level feedback is in the project's sourced law (DOMAIN.md), so it is set
   * here by the commune, not presented as the law's.
   */
  feedbackAnswerDays: z.number().int().min(1).max(90),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 10,
  sessionMaxHours: 12,
  dossierCodePattern: DEFAULT_DOSSIER_CODE_PATTERN,
  printer: null,
  signerTitle: 'CHỦ TỊCH',
  signerName: '',
  uploadLimitKbps: 0,
  feedbackAnswerDays: 15,
};

export const settingsRows = {
  'settings.get': row({
    input: z.strictObject({}),
    output: settingsSchema,
    access: 'signedIn',
  }),
  'settings.update': row({
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
    access: ['admin'],
  }),
} as const;
