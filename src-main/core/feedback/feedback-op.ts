/**
 * The sync ops of a feedback, written in the transaction of the change they describe (the outbox
 * carries them to the hub). What leaves the commune, and what does not: src-shared/sync/feedback-op.ts.
 */
import { eq, inArray } from 'drizzle-orm';
import type { FeedbackAnswered, FeedbackReceived } from '@shared/sync/feedback-op';
import type { CounterDb, DbExecutor } from '../db/open';
import { feedback, office, outbox, syncMeta } from '../db/schema';
import { enqueueOp } from '../outbox/outbox';

type Row = typeof feedback.$inferSelect;

function received(tx: DbExecutor, r: Row): FeedbackReceived {
  const agency = tx.select({ code: office.agencyCode }).from(office).where(eq(office.id, 1)).get();
  if (!agency) throw new Error('feedback before the office was set up');
  return { id: r.id, agencyCode: agency.code, channel: r.channel, content: r.content, receivedAt: r.receivedAt, dueAt: r.dueAt };
}

export function enqueueFeedbackReceived(tx: DbExecutor, r: Row): void {
  enqueueOp(tx, { opType: 'feedback.receive', entityId: r.id, payload: received(tx, r), at: r.receivedAt });
}

export function enqueueFeedbackAnswered(tx: DbExecutor, r: Row): void {
  if (!r.answer || !r.answeredAt) throw new Error(`feedback ${r.id} has no answer`);
  const payload: FeedbackAnswered = { ...received(tx, r), answer: r.answer, answeredAt: r.answeredAt };
  enqueueOp(tx, { opType: 'feedback.answer', entityId: r.id, payload, at: r.answeredAt });
}

const BACKFILLED_KEY = 'feedback_ops_backfilled';

/**
 * Feedback kept before the counter wrote feedback ops never had one: queue its receipt (and its
 * answer) once, so the province gets every feedback, not only those received after the upgrade.
 * Runs at start-up; after the first time it is one key lookup. A backup restored from before then
 * has no mark and is caught up the same way (the hub keeps each feedback once, so a resend adds nothing).
 */
export function backfillFeedbackOps(db: CounterDb): void {
  // A core opened at an earlier migration (the upgrade tests step through them) has no feedback yet.
  if (!db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feedback'").get()) return;
  db.transaction((tx) => {
    if (tx.select().from(syncMeta).where(eq(syncMeta.key, BACKFILLED_KEY)).get()) return;
    const queued = new Set(
      tx
        .select({ id: outbox.entityId })
        .from(outbox)
        .where(inArray(outbox.opType, ['feedback.receive', 'feedback.answer']))
        .all()
        .map((r) => r.id),
    );
    for (const row of tx.select().from(feedback).orderBy(feedback.receivedAt).all()) {
      if (queued.has(row.id)) continue;
      enqueueFeedbackReceived(tx, row);
      if (row.answeredAt) enqueueFeedbackAnswered(tx, row);
    }
    tx.insert(syncMeta).values({ key: BACKFILLED_KEY, value: true }).run();
  });
}
