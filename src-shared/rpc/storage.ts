/**
 * The disk that holds the data folder (ổ đĩa dữ liệu): how much room is left, so the app warns
 * before a full disk refuses a receipt, a print or a backup.
 */
import { z } from 'zod';
import { row } from './row';

export const STORAGE_LEVELS = ['ok', 'low', 'critical'] as const;

export const storageStatusSchema = z.object({
  freeBytes: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  /** low: plan a clean-up; critical: receipts, prints or backups may soon be refused. */
  level: z.enum(STORAGE_LEVELS),
});
export type StorageStatus = z.infer<typeof storageStatusSchema>;

export const storageRows = {
  'storage.status': row({ input: z.strictObject({}), output: storageStatusSchema, access: 'signedIn', passive: true }),
} as const;
