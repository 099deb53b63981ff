/** Backups (sao lưu) and restore (khôi phục), for administrators. */
import { z } from 'zod';
import { tokenSchema } from './common';
import { row } from './row';

export const backupFileSchema = z.object({
  name: z.string(),
  kind: z.enum(['daily', 'weekly', 'manual', 'pre-restore', 'pre-migration']),
  sizeBytes: z.number(),
  createdAt: z.string(),
});
export type BackupFileInfo = z.infer<typeof backupFileSchema>;

export const backupRows = {
  'backup.list': row({
    input: z.strictObject({}),
    output: z.object({ items: z.array(backupFileSchema) }),
    access: ['admin'],
  }),
  /** A verified copy now, kept beside the automatic daily/weekly ones. */
  'backup.create': row({
    input: z.strictObject({}),
    output: backupFileSchema,
    access: ['admin'],
  }),
  /**
   * Stages a restore of one listed backup; it takes effect when the app restarts (every other
   * call is refused until then). The device epoch is renewed so sync tells reused seqs apart.
   */
  'backup.restore': row({
    input: z.strictObject({ name: tokenSchema(80) }),
    output: z.object({ restartRequired: z.literal(true), previousEpoch: z.string(), newEpoch: z.string() }),
    access: ['admin'],
  }),
} as const;
