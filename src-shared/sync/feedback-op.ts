/**
 * A citizen's phản ánh, kiến nghị as it travels to the province (issue #18, item 6), in two ops:
 * `feedback.receive` when it comes in (kiosk or desk) and `feedback.answer` when the commune
 * answers it. The hub keeps each feedback once per id and only from its own commune.
 *
 * What leaves the commune is what the province needs to oversee how feedback is handled: when it
 * came, how (kiosk or desk), what the citizen raised, the date the commune promised, and the
 * commune's answer and when it was given. What stays at the commune: the citizen's name and phone
 * (the commune needs them to reply; the province does not) and which officer recorded or answered
 * it (that is in the commune's own audit log).
 *
 * The answer op carries the whole record, not only the answer: an answer whose receipt the hub has
 * not stored (the receipt rejected, or feedback received before this version sent any op) is still
 * stored whole, and nothing waits on anything.
 */
import { z } from 'zod';

const instant = z.string().datetime({ offset: true });

export const FEEDBACK_OP_CONTENT_MAX = 2000;
export const FEEDBACK_OP_ANSWER_MAX = 4000;

export const feedbackReceivedSchema = z.object({
  id: z.uuid(),
  agencyCode: z.string().min(1).max(50),
  channel: z.enum(['kiosk', 'counter']),
  content: z.string().min(1).max(FEEDBACK_OP_CONTENT_MAX),
  receivedAt: instant,
  dueAt: instant,
});
export type FeedbackReceived = z.infer<typeof feedbackReceivedSchema>;

export const feedbackAnsweredSchema = feedbackReceivedSchema.extend({
  answer: z.string().min(1).max(FEEDBACK_OP_ANSWER_MAX),
  answeredAt: instant,
});
export type FeedbackAnswered = z.infer<typeof feedbackAnsweredSchema>;
