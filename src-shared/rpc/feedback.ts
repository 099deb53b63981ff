/**
 * Phản ánh, kiến nghị (issue #18, item 6): a citizen writes one at the kiosk (name and phone
 * optional) or an officer records one heard at the desk; each is tracked to an answer by its due
 * date (the commune's answer period, Cài đặt), answered by an officer (audited), synced to the
 * province and counted in the reports: received, answered on time, answered late, still open.
 */
import { z } from 'zod';
import { tokenSchema, ymdSchema } from './common';
import { row } from './row';
import { vnMultilineText, vnText } from './text';

export const FEEDBACK_CONTENT_MAX = 2000;

const optionalName = vnText(0, 80).transform((s) => s || undefined).optional();
const optionalPhone = z
  .string()
  .trim()
  .regex(/^(\+?[\d .-]{8,15})?$/, 'Số điện thoại không hợp lệ')
  .transform((s) => s || undefined)
  .optional();

const feedbackInput = z.strictObject({
  content: vnMultilineText(5, FEEDBACK_CONTENT_MAX),
  citizenName: optionalName,
  citizenPhone: optionalPhone,
});

export const feedbackSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  channel: z.enum(['kiosk', 'counter']),
  recordedByName: z.string().nullable(),
  citizenName: z.string().nullable(),
  citizenPhone: z.string().nullable(),
  content: z.string(),
  dueAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const feedbackSummarySchema = z.object({
  received: z.number().int(),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  openInTime: z.number().int(),
  openOverdue: z.number().int(),
});
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;

export const feedbackRows = {
  /** The kiosk's form: what the citizen sees back is only the date by which it will be answered. */
  'feedback.submit': row({
    input: feedbackInput,
    output: z.object({ receivedAt: z.string(), dueAt: z.string() }),
    access: { device: ['kiosk'] },
  }),
  'feedback.record': row({ input: feedbackInput, output: feedbackSchema, access: 'signedIn' }),
  'feedback.list': row({
    input: z.strictObject({ state: z.enum(['open', 'answered', 'all']).default('open') }),
    output: z.object({ items: z.array(feedbackSchema), answerDays: z.number().int() }),
    access: 'signedIn',
  }),
  'feedback.answer': row({
    input: z.strictObject({ id: tokenSchema(64), answer: vnMultilineText(5, 4000) }),
    output: feedbackSchema,
    access: 'signedIn',
  }),
  /** Feedback received from `from` to `to` (Vietnam's calendar days, inclusive), graded as of now. */
  'feedback.summary': row({
    input: z.strictObject({ from: ymdSchema, to: ymdSchema }),
    output: feedbackSummarySchema,
    access: 'signedIn',
  }),
} as const;
