/**
 * Typed access to sync_meta: what this counter knows about its hub (URL, device id, commune), its
 * last exchanges and its clock. Every value is parsed on the way out, so a damaged row reads as
 * "absent" instead of crashing the engine.
 *
 * The device token is not here: it is a secret, kept by the host's secret store (core/secrets/),
 * out of the database file and its backups.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbExecutor } from '../db/open';
import { preparedPerConnection } from '../db/prepared';
import { syncMeta } from '../db/schema';

const enrollmentSchema = z.object({
  hubUrl: z.string(),
  deviceId: z.uuid(),
  communeCode: z.string(),
  communeName: z.string(),
  enrolledAt: z.string(),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

const clockSchema = z.object({
  /** Hub clock minus device clock, estimated at the midpoint of the request. */
  offsetMs: z.number(),
  /** The hub's time at the last exchange: the device clock must never read earlier than this. */
  serverTime: z.string(),
  measuredAt: z.string(),
});
export type ClockReading = z.infer<typeof clockSchema>;

const overrideSchema = z.object({ reason: z.string(), officerId: z.string(), officerName: z.string(), at: z.string() });
export type ClockOverride = z.infer<typeof overrideSchema>;

const errorSchema = z.object({ code: z.string(), message: z.string(), at: z.string() });
export type SyncErrorInfo = z.infer<typeof errorSchema>;

const publicationSchema = z.object({ version: z.string(), publishedAt: z.string(), data: z.unknown() });

/** A province change the counter could not apply (bad publication, unknown dossier): kept, not dropped. */
const unappliedSchema = z.array(z.object({ scope: z.string(), seq: z.number(), kind: z.string(), reason: z.string(), at: z.string() }));
export type Unapplied = z.infer<typeof unappliedSchema>[number];

const KEYS = {
  enrollment: { key: 'enrollment', schema: enrollmentSchema },
  clock: { key: 'clock', schema: clockSchema },
  clockOverride: { key: 'clock_override', schema: overrideSchema },
  lastSuccessAt: { key: 'last_success_at', schema: z.string() },
  lastError: { key: 'last_error', schema: errorSchema },
  revoked: { key: 'revoked', schema: z.boolean() },
  agencies: { key: 'agencies', schema: publicationSchema },
  unapplied: { key: 'unapplied_changes', schema: unappliedSchema },
  /** Set by migration 0008: the legal due dates of older dossiers still need core's repair (dossiers/repair-legal-due.ts). */
  legalDueRepairPending: { key: 'legal_due_repair_pending', schema: z.string() },
} as const;
type Keys = typeof KEYS;
export type MetaKey = keyof Keys;
export type MetaValue<K extends MetaKey> = z.infer<Keys[K]['schema']>;

/** The scheduler reads its state after every local change: one prepared statement. */
const storedValue = preparedPerConnection((c) => c.prepare<[string], string>('SELECT value FROM sync_meta WHERE key = ?').pluck());

export function readMeta<K extends MetaKey>(db: DbExecutor, name: K): MetaValue<K> | null {
  const { key, schema } = KEYS[name];
  const stored = storedValue(db).get(key);
  if (stored === undefined) return null;
  const parsed = schema.safeParse(JSON.parse(stored));
  return parsed.success ? (parsed.data as MetaValue<K>) : null;
}

export function writeMeta<K extends MetaKey>(db: DbExecutor, name: K, value: MetaValue<K>): void {
  const { key } = KEYS[name];
  db.insert(syncMeta).values({ key, value }).onConflictDoUpdate({ target: syncMeta.key, set: { value } }).run();
}

export function deleteMeta(db: DbExecutor, name: MetaKey): void {
  db.delete(syncMeta).where(eq(syncMeta.key, KEYS[name].key)).run();
}

/** Keeps the newest entries only: the list is for the administrator's eyes, not an archive. */
export function recordUnapplied(db: DbExecutor, entry: Unapplied): void {
  const list = readMeta(db, 'unapplied') ?? [];
  writeMeta(db, 'unapplied', [...list, entry].slice(-200));
}
