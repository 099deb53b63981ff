/**
 * The rating tablet of one counter (issue #18, item 3) and the reports on the service at the
 * counters (item 8). After a dossier is received or returned at a counter, core opens one rating
 * for that event; the tablet bound to that counter hears only "a rating is open" with the dossier
 * code and the procedure's name (nothing personal) and the citizen answers it once.
 */
import { z } from 'zod';
import { EVALUATION_SHEET, RATING_COMMENT_MAX, SATISFACTION_LEVELS } from '../domain/satisfaction';
import { tokenSchema, ymdSchema } from './common';
import { counterNoSchema } from './devices';
import { row } from './row';
import { vnMultilineText } from './text';

export const RATED_EVENTS = ['received', 'returned'] as const;
export type RatedEvent = (typeof RATED_EVENTS)[number];

export const levelSchema = z.enum(SATISFACTION_LEVELS);

/** What the tablet is told: enough to say what is being rated, nothing about the citizen. */
export const openRatingSchema = z.object({
  id: z.string(),
  counterNo: counterNoSchema,
  event: z.enum(RATED_EVENTS),
  dossierCode: z.string(),
  procedureName: z.string(),
  openedAt: z.string(),
});
export type OpenRating = z.infer<typeof openRatingSchema>;

const criterionNo = z.number().int().min(1).max(EVALUATION_SHEET.criteria.length);

const submitInput = z.strictObject({
  id: tokenSchema(64),
  level: levelSchema,
  /** The criteria the citizen chose to answer, each with a level. */
  criteria: z
    .array(z.strictObject({ no: criterionNo, level: levelSchema }))
    .max(EVALUATION_SHEET.criteria.length)
    .refine((c) => new Set(c.map((x) => x.no)).size === c.length, { message: 'Mỗi tiêu chí chỉ đánh giá một lần' })
    .default([]),
  comment: vnMultilineText(0, RATING_COMMENT_MAX).default(''),
});

const levelCounts = z.object({ very_satisfied: z.number().int(), satisfied: z.number().int(), dissatisfied: z.number().int() });
const durations = z.object({ count: z.number().int(), medianMs: z.number().nullable(), meanMs: z.number().nullable() });
const serviceLine = z.object({
  key: z.string(),
  name: z.string(),
  /** Taken → called. */
  waiting: durations,
  /** Called → served (the next number called, or skipped). */
  service: durations,
});
const ratingLine = z.object({ key: z.string(), name: z.string(), counts: levelCounts, total: z.number().int(), satisfiedPercent: z.number().nullable() });

export const serviceReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  tickets: z.object({ taken: z.number().int(), served: z.number().int(), skipped: z.number().int(), waiting: z.number().int() }),
  waiting: durations,
  service: durations,
  byField: z.array(serviceLine),
  byOfficer: z.array(serviceLine),
  /** Tickets taken per hour of Vietnam's day (0–23), over the period. */
  perHour: z.array(z.object({ hour: z.number().int(), tickets: z.number().int() })),
  ratings: z.object({ counts: levelCounts, total: z.number().int(), satisfiedPercent: z.number().nullable() }),
  ratingsByOfficer: z.array(ratingLine),
  ratingsByField: z.array(ratingLine),
});
export type ServiceReport = z.infer<typeof serviceReportSchema>;

export const ratingRows = {
  /** The rating open at the tablet's counter, if any (after a reload or a missed event). */
  'ratings.pending': row({ input: z.strictObject({}), output: z.object({ open: openRatingSchema.nullable() }), access: { device: ['rating'] }, passive: true }),
  /** The citizen's answer; a second answer to the same event is refused. */
  'ratings.submit': row({ input: submitInput, output: z.object({ id: z.string(), submittedAt: z.string() }), access: { device: ['rating'] } }),
  /** Today's ratings for Tổng quan. */
  'ratings.today': row({
    input: z.strictObject({}),
    output: z.object({ counts: levelCounts, total: z.number().int(), satisfiedPercent: z.number().nullable() }),
    access: 'signedIn',
    passive: true,
  }),
  /** Waiting and service times, tickets per hour, ratings per level, officer and field. */
  'ratings.serviceReport': row({
    input: z
      .strictObject({ from: ymdSchema, to: ymdSchema })
      .refine((p) => p.from <= p.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc', path: ['to'] }),
    output: serviceReportSchema,
    access: ['leader', 'admin'],
  }),
} as const;
