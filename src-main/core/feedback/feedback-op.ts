/**
 * The sync ops of a feedback, written in the transaction of the change they describe (the outbox
 * carries them to the hub). What leaves the commune, and what does not: src-shared/sync/feedback-op.ts.
 */
import { eq } from 'drizzle-orm';
import type { FeedbackAnswered, FeedbackReceived } from '@shared/sync/feedback-op';
import type { DbExecutor } from '../db/open';
import { office, type feedback } from '../db/schema';
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
