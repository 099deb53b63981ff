/**
 * A citizen's feedback pushed by a counter ('feedback.receive', 'feedback.answer'), on the op-by-op
 * path (push.ts sends batches holding one there). Kept once per id and only from its own commune.
 *
 * Order: the counter writes the receipt before the answer, and push.ts applies a device's ops in
 * seq order, so the receipt normally comes first. The answer op carries the whole record, so an
 * answer whose receipt is not here (rejected, or written before the counter sent feedback at all)
 * stores the feedback whole; a receipt arriving after its answer then changes nothing. Nothing is
 * ever deferred, so nothing can block the counter's queue.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { OpEnvelope } from '@shared/sync/protocol';
import { feedbackAnsweredSchema, feedbackReceivedSchema, type FeedbackAnswered, type FeedbackReceived } from '@shared/sync/feedback-op';
import type { AuthedDevice } from '../auth/device-auth';
import { communeFeedback } from '../db/schema';
import type { HubTx } from '../db/types';
import { invalidPayload } from './decide-op';
import { OpRejection } from './rejection';

export async function applyFeedbackOp(tx: HubTx, device: AuthedDevice, op: OpEnvelope, now: Date): Promise<void> {
  const f = parsePayload(op);
  if (f.id !== op.entityId) throw new OpRejection('entity_mismatch', 'Mã thực thể của thao tác không khớp với mã phản ánh, kiến nghị trong dữ liệu.');
  await refuseForeign(tx, device, f);

  const answer = 'answer' in f ? { answer: f.answer, answeredAt: new Date(f.answeredAt) } : { answer: null, answeredAt: null };
  await tx
    .insert(communeFeedback)
    .values({
      id: f.id,
      communeCode: device.communeCode,
      channel: f.channel,
      content: f.content,
      receivedAt: new Date(f.receivedAt),
      dueAt: new Date(f.dueAt),
      ...answer,
      storedAt: now,
    })
    .onConflictDoNothing({ target: communeFeedback.id });
  // Already here from its receipt: the answer completes it, once (the counter answers only once).
  if (answer.answer !== null) {
    await tx
      .update(communeFeedback)
      .set(answer)
      .where(and(eq(communeFeedback.id, f.id), isNull(communeFeedback.answeredAt)));
  }
}

function parsePayload(op: OpEnvelope): FeedbackReceived | FeedbackAnswered {
  const parsed = op.opType === 'feedback.answer' ? feedbackAnsweredSchema.safeParse(op.payload) : feedbackReceivedSchema.safeParse(op.payload);
  if (!parsed.success) throw invalidPayload(parsed.error.issues);
  return parsed.data;
}

async function refuseForeign(tx: HubTx, device: AuthedDevice, f: FeedbackReceived): Promise<void> {
  const [stored] = await tx.select({ communeCode: communeFeedback.communeCode }).from(communeFeedback).where(eq(communeFeedback.id, f.id));
  if (f.agencyCode !== device.communeCode || (stored && stored.communeCode !== device.communeCode)) {
    throw new OpRejection('foreign_commune', `Phản ánh, kiến nghị này không thuộc ${device.communeName}; thiết bị chỉ được gửi phản ánh, kiến nghị của xã mình.`);
  }
}
