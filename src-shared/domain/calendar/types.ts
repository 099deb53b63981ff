/**
 * The working calendar of a commune office (lịch làm việc): weekly office sessions, public
 * holidays, compensatory days off (nghỉ bù), swapped days (hoán đổi) and make-up working Saturdays
 * (làm bù), with a per-year status. Holidays are data, never code (DOMAIN §0, §5.4): the seed ships
 * every year as 'draft' and the commune administrator confirms it against the official notice.
 */
import { z } from 'zod';
import { parseYmd } from '../vn-time';

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Giờ phải có dạng HH:mm');
const ymd = z.string().refine((s) => parseYmd(s) !== null, 'Ngày phải có dạng yyyy-mm-dd hợp lệ');
const nfcText = z.string().min(1).transform((s) => s.normalize('NFC'));

export function minutesOfHhmm(s: string): number {
  return Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
}

/** One office session (buổi làm việc), e.g. 07:00–11:30; the lunch break is the gap between two. */
export const sessionSchema = z
  .object({ start: hhmm, end: hhmm })
  .refine((s) => minutesOfHhmm(s.start) < minutesOfHhmm(s.end), 'Giờ bắt đầu phải trước giờ kết thúc');
export type Session = z.infer<typeof sessionSchema>;

const daySessionsSchema = z.array(sessionSchema).superRefine((sessions, ctx) => {
  for (let i = 1; i < sessions.length; i++) {
    if (minutesOfHhmm(sessions[i]!.start) < minutesOfHhmm(sessions[i - 1]!.end)) {
      ctx.addIssue({ code: 'custom', message: 'Các buổi làm việc phải theo thứ tự và không chồng nhau' });
    }
  }
});

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** Sessions per weekday; an empty list is a weekly rest day. */
export const weeklySessionsSchema = z.object({
  mon: daySessionsSchema,
  tue: daySessionsSchema,
  wed: daySessionsSchema,
  thu: daySessionsSchema,
  fri: daySessionsSchema,
  sat: daySessionsSchema,
  sun: daySessionsSchema,
});
export type WeeklySessions = z.infer<typeof weeklySessionsSchema>;

/** Typical commune hours (DOMAIN §4.5 [C][R32]): mornings 07:00–11:30, afternoons 13:30–17:00, Mon–Fri. */
export const DEFAULT_WEEKLY_SESSIONS: WeeklySessions = {
  mon: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
  tue: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
  wed: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
  thu: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
  fri: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
  sat: [],
  sun: [],
};

/**
 * le_tet: the holiday itself (Điều 112 BLLĐ, NQ 28/2026); nghi_bu: compensatory day off for a
 * holiday on a weekly rest day (Điều 111 khoản 3); hoan_doi: working day swapped against a làm-bù
 * Saturday by the government's yearly notice.
 */
export const HOLIDAY_KINDS = ['le_tet', 'nghi_bu', 'hoan_doi'] as const;
export const holidaySchema = z.object({
  date: ymd,
  name: nfcText,
  kind: z.enum(HOLIDAY_KINDS),
  legalRef: z.string().optional(),
});
export type Holiday = z.infer<typeof holidaySchema>;

/** A rest day turned into a working day (ngày làm bù); it works the sessions of `sessionsOf`. */
export const makeupWorkdaySchema = z.object({
  date: ymd,
  replacesDate: ymd.optional(),
  name: nfcText,
  sessionsOf: z.enum(WEEKDAY_KEYS).default('mon'),
  legalRef: z.string().optional(),
});
export type MakeupWorkday = z.infer<typeof makeupWorkdaySchema>;

export const CALENDAR_YEAR_STATUSES = ['draft', 'confirmed'] as const;
export type CalendarYearStatus = (typeof CALENDAR_YEAR_STATUSES)[number];

export const calendarYearSchema = z
  .object({
    year: z.number().int().min(1900).max(2199),
    status: z.enum(CALENDAR_YEAR_STATUSES),
    holidays: z.array(holidaySchema),
    makeupWorkdays: z.array(makeupWorkdaySchema).default([]),
    sources: z.array(z.string()).default([]),
    notes: z.array(z.string()).default([]),
    confirmedBy: z.string().optional(),
    confirmedAt: z.string().optional(),
  })
  .superRefine((y, ctx) => {
    const seen = new Set<string>();
    for (const d of [...y.holidays.map((h) => h.date), ...y.makeupWorkdays.map((m) => m.date)]) {
      if (!d.startsWith(`${y.year}-`)) {
        ctx.addIssue({ code: 'custom', message: `Ngày ${d} không thuộc năm ${y.year}` });
      }
      if (seen.has(d)) {
        ctx.addIssue({ code: 'custom', message: `Ngày ${d} được khai báo hai lần trong năm ${y.year}` });
      }
      seen.add(d);
    }
  });
export type CalendarYear = z.infer<typeof calendarYearSchema>;

/** The whole calendar the deadline engine reads. Years missing from `years` are unknown. */
export const workingCalendarSchema = z
  .object({
    version: z.string().optional(),
    publishedAt: z.string().optional(),
    source: z.string().optional(),
    timeZone: z.literal('Asia/Ho_Chi_Minh').default('Asia/Ho_Chi_Minh'),
    weeklySessions: weeklySessionsSchema,
    years: z.array(calendarYearSchema),
  })
  .superRefine((c, ctx) => {
    const years = c.years.map((y) => y.year);
    if (new Set(years).size !== years.length) {
      ctx.addIssue({ code: 'custom', message: 'Mỗi năm chỉ được khai báo một lần' });
    }
  });
export type WorkingCalendar = z.infer<typeof workingCalendarSchema>;
/** The JSON shape before defaults are applied (what the seed file and the hub send). */
export type WorkingCalendarInput = z.input<typeof workingCalendarSchema>;
