/** The working calendar and the deadline engine (lịch làm việc, thời hạn giải quyết). */
import { z } from 'zod';
import { workingCalendarSchema } from '../domain/calendar/types';
import { DEADLINE_UNITS } from '../domain/deadline';
import { instantSchema, tokenSchema } from './common';
import { row } from './row';
import { vnMultilineText } from './text';

const byProcedure = z.strictObject({ procedureCode: tokenSchema(60), receivedAt: instantSchema });
const byRule = z.strictObject({
  amount: z.number().min(0).max(10_000),
  unit: z.enum(DEADLINE_UNITS),
  cutoff15: z.boolean().optional(),
  receivedAt: instantSchema,
});

export const dueResultSchema = z.object({
  dueAt: z.string(),
  provisional: z.boolean(),
  explanation: z.array(z.string()),
  /** "HH giờ mm phút, ngày dd tháng MM năm yyyy", as printed on the appointment slip. */
  dueText: z.string(),
  /**
   * Years between receipt and due that the calendar did not hold at all: core drafted them from
   * the statute for this computation, so the due is provisional until the administrator enters
   * and confirms those years.
   */
  yearsWithoutCalendar: z.array(z.number().int()),
});

export const calendarRows = {
  'calendar.computeDue': row({
    input: z.union([byProcedure, byRule]),
    output: dueResultSchema,
    access: 'signedIn',
  }),
  'calendar.get': row({
    input: z.strictObject({}),
    output: workingCalendarSchema,
    access: 'signedIn',
  }),
  /** An administrator confirms a drafted year (e.g. after the government's Tết notice). */
  'calendar.confirmYear': row({
    input: z.strictObject({ year: z.number().int().min(2000).max(2199) }),
    output: workingCalendarSchema,
    access: ['admin'],
  }),
  /** Adds a draft year computed from the lunar calendar (Tết, Giỗ Tổ) for the admin to review. */
  'calendar.draftYear': row({
    input: z.strictObject({ year: z.number().int().min(2000).max(2199) }),
    output: workingCalendarSchema,
    access: ['admin'],
  }),
  'calendar.save': row({
    input: z.strictObject({ calendar: z.unknown(), note: vnMultilineText(0, 500).optional() }),
    output: workingCalendarSchema,
    access: ['admin'],
  }),
} as const;
