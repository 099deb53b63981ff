/**
 * Sync with the province hub (đồng bộ với hệ thống tỉnh): enrollment, status, "Đồng bộ ngay",
 * rejected ops and their resubmission, and the administrator's override of an untrusted clock.
 */
import { z } from 'zod';
import { OP_REJECT_CODES } from '../sync/protocol';
import { row } from './row';
import { vnMultilineText, vnText } from './text';

export const SYNC_STATES = ['not_enrolled', 'idle', 'syncing', 'offline', 'error', 'revoked'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const rejectedOpSchema = z.object({
  opId: z.string(),
  seq: z.number().int(),
  opType: z.string(),
  entityId: z.string(),
  /** The dossier's code when the op is a dossier snapshot, for the officer to find it. */
  dossierCode: z.string().nullable(),
  code: z.enum(OP_REJECT_CODES).or(z.literal('too_large')).nullable(),
  reason: z.string(),
  at: z.string(),
});
export type RejectedOp = z.infer<typeof rejectedOpSchema>;

export const clockOverrideSchema = z.object({
  reason: z.string(),
  officerName: z.string(),
  at: z.string(),
});

/** Files on their way to the hub (Đồng bộ): waiting after deduplication, bytes of this pass, the file in flight. */
export const fileSyncStatusSchema = z.object({
  waiting: z.number().int(),
  bytesSent: z.number().int(),
  bytesTotal: z.number().int(),
  current: z.object({ itemName: z.string(), dossierCode: z.string(), bytesSent: z.number().int(), size: z.number().int() }).nullable(),
});
export type FileSyncStatus = z.infer<typeof fileSyncStatusSchema>;

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  hubUrl: z.string().nullable(),
  communeCode: z.string().nullable(),
  pending: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string(), at: z.string() }).nullable(),
  rejected: z.array(rejectedOpSchema),
  clockOffsetMs: z.number().nullable(),
  /** Vietnamese, loud: the device clock cannot be trusted for appointment dates. */
  clockWarning: z.string().nullable(),
  clockOverride: clockOverrideSchema.nullable(),
  state: z.enum(SYNC_STATES),
  files: fileSyncStatusSchema,
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/**
 * Appointment dates (Mẫu 01) are computed from the device clock; while that clock is untrusted
 * they must not be printed, unless an administrator overrode the block (audited).
 */
export function printingBlockedByClock(status: Pick<SyncStatus, 'clockWarning' | 'clockOverride'>): boolean {
  return status.clockWarning !== null && status.clockOverride === null;
}

const hubUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(300)
  .transform((u) => u.replace(/\/+$/, ''));

export const syncRows = {
  /** Exchanges the province's one-time code for this device's token. */
  'sync.enroll': row({
    input: z.strictObject({ hubUrl: hubUrlSchema, code: vnText(1, 64) }),
    output: syncStatusSchema,
    access: ['admin'],
  }),
  // Polled by the sync indicator: not a sign that someone is at the desk.
  'sync.status': row({ input: z.strictObject({}), output: syncStatusSchema, access: 'signedIn', passive: true }),
  /** "Đồng bộ ngay": one full pass (push, then pull), answered with the status after it. */
  'sync.now': row({ input: z.strictObject({}), output: syncStatusSchema, access: 'signedIn' }),
  'sync.rejected': row({
    input: z.strictObject({}),
    output: z.object({ items: z.array(rejectedOpSchema) }),
    access: ['admin'],
  }),
  /** Sends the dossier's current data again as a new op, after the officer fixed it. */
  'sync.resubmit': row({
    input: z.strictObject({ opId: z.string().uuid() }),
    output: z.object({ newOpId: z.string() }),
    access: ['admin'],
  }),
  /** Allows printing appointment dates despite an untrusted clock, until the clock is trusted again. */
  'sync.overrideClock': row({
    input: z.strictObject({ reason: vnMultilineText(10, 500) }),
    output: syncStatusSchema,
    access: ['admin'],
  }),
} as const;
