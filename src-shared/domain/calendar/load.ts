/**
 * The one entry point that turns calendar JSON (the seed file, an admin import, a hub download)
 * into a validated WorkingCalendar. The caller reads the file; this module never does I/O.
 */
import { DomainError } from '../errors';
import { workingCalendarSchema, type WorkingCalendar, type CalendarYearStatus } from './types';

export class CalendarInvalidError extends DomainError {
  constructor(issues: string[]) {
    super('CALENDAR_INVALID', `Dữ liệu lịch làm việc không hợp lệ: ${issues.slice(0, 5).join('; ')}`, { issues });
  }
}

/** Validate parsed JSON; throws CalendarInvalidError listing the first problems found. */
export function loadCalendar(json: unknown): WorkingCalendar {
  const parsed = workingCalendarSchema.safeParse(json);
  if (!parsed.success) {
    throw new CalendarInvalidError(parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`));
  }
  return parsed.data;
}

/**
 * A copy of the calendar with one year's status changed (the administrator confirming a year
 * against the official notice). Returns a new object so per-calendar caches stay correct.
 */
export function withYearStatus(
  calendar: WorkingCalendar,
  year: number,
  status: CalendarYearStatus,
  confirmedBy?: string,
  confirmedAt?: string,
): WorkingCalendar {
  if (!calendar.years.some((y) => y.year === year)) {
    throw new DomainError('CALENDAR_MISSING', `Chưa có lịch làm việc năm ${year}.`, { year });
  }
  return {
    ...calendar,
    years: calendar.years.map((y) =>
      y.year === year
        ? { ...y, status, ...(confirmedBy ? { confirmedBy } : {}), ...(confirmedAt ? { confirmedAt } : {}) }
        : y,
    ),
  };
}
