/** The audit log (nhật ký thao tác): who did what, when; hash-chained, read by administrators. */
import { z } from 'zod';
import { tokenSchema } from './common';
import { row } from './row';
import { vnText } from './text';

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  officerId: z.string().nullable(),
  officerName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.unknown(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditRows = {
  /** Newest first, a page at a time; `action` ending in "." matches a family ("dossier."). */
  'audit.list': row({
    input: z.strictObject({
      action: vnText(1, 60).optional(),
      officerId: tokenSchema(60).optional(),
      before: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ items: z.array(auditEntrySchema), nextCursor: z.number().nullable() }),
    access: ['admin'],
  }),
  /** Walks the hash chain: null when intact, else the first broken row. */
  'audit.verify': row({
    input: z.strictObject({}),
    output: z.object({ ok: z.boolean(), rows: z.number(), broken: z.object({ seq: z.number(), problem: z.string() }).nullable() }),
    access: ['admin'],
  }),
} as const;
