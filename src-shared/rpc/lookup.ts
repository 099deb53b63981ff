/**
 * The receipt lookup kiosk (issue #18, item 4): a citizen scans the QR of the Mẫu 01 receipt, or
 * types the dossier code and the last four digits of the phone declared at the counter, and sees
 * the status and the appointment, from the counter's own database (offline). Only what the
 * receipt itself shows: code, procedure, dates, status — never a name, ID number, phone or
 * address. A wrong key, wrong digits, a code that does not exist and a code locked after too
 * many wrong digits all get the same answer (NOT_FOUND), so the kiosk says nothing about which
 * codes exist.
 */
import { z } from 'zod';
import { lookupKeySchema } from '../sync/lookup-key';
import { row } from './row';

export const lookupCodeSchema = z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9][A-Za-z0-9.\-]*$/, 'Mã hồ sơ không hợp lệ');
export const phoneLast4Schema = z.string().trim().regex(/^\d{4}$/, 'Nhập đủ 4 chữ số cuối của số điện thoại');

export const lookupResultSchema = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string(),
  /** The appointment the citizen holds: a new one after Mẫu 04 (xin lỗi, hẹn lại), else the receipt's. */
  appointmentAt: z.string(),
  returnedAt: z.string().nullable(),
});
export type LookupResult = z.infer<typeof lookupResultSchema>;

export const lookupRows = {
  'lookup.dossier': row({
    input: z.union([
      z.strictObject({ code: lookupCodeSchema, key: lookupKeySchema }),
      z.strictObject({ code: lookupCodeSchema, phoneLast4: phoneLast4Schema }),
    ]),
    output: lookupResultSchema,
    access: { device: ['lookup'] },
  }),
} as const;
