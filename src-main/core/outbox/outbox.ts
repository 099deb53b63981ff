/**
 * The outbox. Writing: called inside the transaction of the change it describes, so a change and
 * its sync op commit together or not at all (ARCHITECTURE.md §6). Reading and answering: the push
 * takes pending rows in seq order and records the hub's per-op answers; a row ends `applied`,
 * `duplicate` (applied earlier, its first answer was lost) or `rejected` with the hub's reason.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Dossier, DossierEvent } from '@shared/dossier';
import type { Op, OpType } from '@shared/sync/protocol';
import type { FeedbackAnswered, FeedbackReceived } from '@shared/sync/feedback-op';
import type { RatingAnswer } from '@shared/sync/rating-op';
import type { DbExecutor } from '../db/open';
import { jsonColumn, preparedPerConnection } from '../db/prepared';
import { outbox, syncMeta } from '../db/schema';
import { newId } from '../ids';

export const DEVICE_EPOCH_KEY = 'device_epoch';

/** Every change writes outbox ops: their statements are prepared once per connection. */
const statements = preparedPerConnection((c) => ({
  epoch: c.prepare<[string], string>('SELECT value FROM sync_meta WHERE key = ?').pluck(),
  insert: c.prepare('INSERT INTO outbox (op_id, device_epoch, op_type, entity_id, payload, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  anyPending: c.prepare<[], number>("SELECT 1 FROM outbox WHERE state = 'pending' LIMIT 1").pluck(),
  pendingCount: c.prepare<[], number>("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck(),
}));

/** The epoch of this database's life; renewed when a backup is restored. */
export function deviceEpoch(db: DbExecutor): string {
  const stored = statements(db).epoch.get(DEVICE_EPOCH_KEY);
  if (stored !== undefined) return JSON.parse(stored) as string;
  const epoch = newId();
  db.insert(syncMeta).values({ key: DEVICE_EPOCH_KEY, value: epoch }).onConflictDoNothing().run();
  return (db.select().from(syncMeta).where(eq(syncMeta.key, DEVICE_EPOCH_KEY)).get()!.value as string);
}

/** Returns the new op's id (the idempotency key the hub will answer by). */
export function enqueueOp(
  db: DbExecutor,
  op: { opType: OpType; entityId: string; payload: Dossier | DossierEvent | RatingAnswer | FeedbackReceived | FeedbackAnswered; at: string },
): string {
  const opId = newId();
  statements(db).insert.run(opId, deviceEpoch(db), op.opType, op.entityId, jsonColumn(op.payload), op.at, 'pending');
  return opId;
}

/** An outbox row as the push reads it. */
export type OutboxRow = typeof outbox.$inferSelect;

export const ANSWERED_STATES = ['applied', 'duplicate', 'rejected'] as const;

/** The next pending rows in seq order: the order the hub must see them in. */
export function pendingRows(db: DbExecutor, limit: number): OutboxRow[] {
  return db.select().from(outbox).where(eq(outbox.state, 'pending')).orderBy(asc(outbox.seq)).limit(limit).all();
}

export function toWireOp(row: OutboxRow): Op {
  return {
    opId: row.opId,
    seq: row.seq,
    deviceEpoch: row.deviceEpoch,
    opType: row.opType,
    entityId: row.entityId,
    payload: row.payload,
    createdAt: row.createdAt,
  } as Op;
}

/**
 * Splits the head of the queue into one request: at most `maxOps` ops and `maxBytes` of JSON.
 * A single op larger than the limit can never be sent; it is returned apart so the caller rejects
 * it locally with a reason instead of blocking everything behind it.
 */
export function planBatch(rows: OutboxRow[], maxOps: number, maxBytes: number): { ops: Op[]; oversize: OutboxRow | null } {
  const ENVELOPE_BYTES = 512; // deviceId, epoch, clientTime, pending, brackets
  const ops: Op[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const row of rows) {
    const op = toWireOp(row);
    const size = Buffer.byteLength(JSON.stringify(op)) + 1;
    if (size + ENVELOPE_BYTES > maxBytes) return ops.length ? { ops, oversize: null } : { ops, oversize: row };
    if (ops.length >= maxOps || bytes + size > maxBytes) break;
    ops.push(op);
    bytes += size;
  }
  return { ops, oversize: null };
}

export function markSent(db: DbExecutor, seqs: number[]): void {
  if (seqs.length) db.update(outbox).set({ attempts: sql`${outbox.attempts} + 1` }).where(inArray(outbox.seq, seqs)).run();
}

/** Records the hub's final answer for one op. Only pending rows move: a late duplicate answer changes nothing. */
export function markAnswered(
  db: DbExecutor,
  opId: string,
  answer: { state: (typeof ANSWERED_STATES)[number]; code?: string | null; reason?: string | null; at: string },
): void {
  db.update(outbox)
    .set({ state: answer.state, resultCode: answer.code ?? null, lastError: answer.reason ?? null, answeredAt: answer.at })
    .where(and(eq(outbox.opId, opId), eq(outbox.state, 'pending')))
    .run();
}

/**
 * The same final answer for many ops at once (the usual `applied` of a whole batch), by seq: with
 * an op_id IN list SQLite walks the state index over every pending row instead.
 */
export function markAnsweredMany(
  db: DbExecutor,
  seqs: number[],
  answer: { state: 'applied' | 'duplicate'; at: string },
): void {
  if (seqs.length === 0) return;
  db.update(outbox)
    .set({ state: answer.state, resultCode: null, lastError: null, answeredAt: answer.at })
    .where(and(inArray(outbox.seq, seqs), eq(outbox.state, 'pending')))
    .run();
}

/** A transient answer: the op stays pending, its reason is kept for the status screen. */
export function markRetry(db: DbExecutor, opId: string, reason: string): void {
  db.update(outbox).set({ lastError: reason }).where(and(eq(outbox.opId, opId), eq(outbox.state, 'pending'))).run();
}

/** How many ops wait, read from the (state, seq) index alone. */
export function pendingCount(db: DbExecutor): number {
  return statements(db).pendingCount.get() ?? 0;
}

/** Whether anything waits at all: one index probe (every local change asks, right after its commit). */
export function hasPending(db: DbExecutor): boolean {
  return statements(db).anyPending.get() !== undefined;
}

export function pendingSummary(db: DbExecutor): { pending: number; oldestPendingAt: string | null } {
  const row = db
    .select({ n: sql<number>`count(*)`, oldest: sql<string | null>`min(${outbox.createdAt})` })
    .from(outbox)
    .where(eq(outbox.state, 'pending'))
    .get();
  return { pending: row?.n ?? 0, oldestPendingAt: row?.oldest ?? null };
}

/** Rejected ops the officer has not resubmitted yet, newest first. */
export function rejectedRows(db: DbExecutor, limit = 200): OutboxRow[] {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.state, 'rejected'), isNull(outbox.resubmittedAs)))
    .orderBy(desc(outbox.seq))
    .limit(limit)
    .all();
}
