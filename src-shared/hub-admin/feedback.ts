/**
 * The province's view of citizens' phản ánh, kiến nghị (issue #18, item 6): what the communes
 * pushed (src-shared/sync/feedback-op.ts), graded against the hub's clock. The hub knows only what
 * has reached it: an answer still in a commune's outbox shows here as open until it arrives.
 */
import { z } from 'zod';

export const FEEDBACK_STATUSES = ['answered_on_time', 'answered_late', 'open', 'overdue'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** How long the list's content summary is, in characters. */
export const FEEDBACK_SUMMARY_CHARS = 160;

/** Received in the period, per commune; every commune appears, with zeros when none came in. */
export const feedbackCommuneRowSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  received: z.number(),
  answered: z.number(),
  answeredOnTime: z.number(),
  /** Not answered and past its due date, as of the hub's now. */
  overdueOpen: z.number(),
});
export type FeedbackCommuneRow = z.infer<typeof feedbackCommuneRowSchema>;

export const feedbackItemRowSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  channel: z.enum(['kiosk', 'counter']),
  /** The content's first characters (the whole content when short). */
  summary: z.string(),
  dueAt: z.string(),
  answeredAt: z.string().nullable(),
  status: z.enum(FEEDBACK_STATUSES),
});
export type FeedbackItemRow = z.infer<typeof feedbackItemRowSchema>;
