/**
 * Per-year lookup table of working days, built once per calendar object and cached, so the
 * deadline engine answers "which sessions does this day have?" with an array access instead of
 * scanning holiday lists (goal: p95 < 0.2 ms per computeDue).
 */
import { DomainError } from '../errors';
import { daysFromCivil, isoWeekdayOfDay, dayNumberOfYmd, civilFromDays } from '../vn-time';
import { weekdayNameVi } from '../text';
import {
  minutesOfHhmm,
  WEEKDAY_KEYS,
  type CalendarYearStatus,
  type Session,
  type WorkingCalendar,
} from './types';

/** The calendar has no data at all for a year the computation needs: refuse rather than guess. */
export class CalendarMissingError extends DomainError {
  readonly year: number;
  constructor(year: number) {
    super(
      'CALENDAR_MISSING',
      `Chưa có lịch làm việc năm ${year}. Quản trị viên cần nhập và xác nhận lịch nghỉ lễ, tết năm ${year} trước khi tính ngày hẹn trả.`,
      { year },
    );
    this.year = year;
  }
}

export interface DayInfo {
  dayNumber: number;
  /** Sessions as [startMinute, endMinute) of the day, sorted; empty when the office is closed. */
  sessions: readonly (readonly [number, number])[];
  /** Why the day is closed: holiday name, or the weekday name for a weekly rest day. */
  closedReason: string | null;
  /** Name of the make-up working day when a rest day is worked (ngày làm bù). */
  makeupName: string | null;
  status: CalendarYearStatus;
}

interface YearTable {
  firstDay: number;
  days: DayInfo[];
}

type SessionMinutes = readonly (readonly [number, number])[];

const cache = new WeakMap<WorkingCalendar, Map<number, YearTable>>();

function toMinutes(sessions: readonly Session[]): SessionMinutes {
  return sessions.map((s) => [minutesOfHhmm(s.start), minutesOfHhmm(s.end)] as const);
}

function buildYear(calendar: WorkingCalendar, year: number): YearTable {
  const data = calendar.years.find((y) => y.year === year);
  if (!data) throw new CalendarMissingError(year);
  const weekly = WEEKDAY_KEYS.map((k) => toMinutes(calendar.weeklySessions[k]));
  const holidays = new Map(data.holidays.map((h) => [dayNumberOfYmd(h.date), h.name]));
  const makeups = new Map(data.makeupWorkdays.map((m) => [dayNumberOfYmd(m.date), m]));
  const firstDay = daysFromCivil(year, 1, 1);
  const lastDay = daysFromCivil(year, 12, 31);
  const days: DayInfo[] = [];
  for (let d = firstDay; d <= lastDay; d++) {
    const weekday = isoWeekdayOfDay(d);
    const holiday = holidays.get(d);
    const makeup = makeups.get(d);
    let sessions: SessionMinutes = weekly[weekday - 1]!;
    let closedReason: string | null = null;
    let makeupName: string | null = null;
    if (holiday !== undefined) {
      sessions = [];
      closedReason = holiday;
    } else if (makeup) {
      sessions = toMinutes(calendar.weeklySessions[makeup.sessionsOf]);
      makeupName = makeup.name;
    } else if (sessions.length === 0) {
      closedReason = weekdayNameVi(weekday);
    }
    days.push({ dayNumber: d, sessions, closedReason, makeupName, status: data.status });
  }
  return { firstDay, days };
}

/** The DayInfo of a day number; throws CalendarMissingError when its year has no calendar. */
export function dayInfo(calendar: WorkingCalendar, dayNumber: number): DayInfo {
  let years = cache.get(calendar);
  if (!years) {
    years = new Map();
    cache.set(calendar, years);
  }
  // Guess the year arithmetically, then correct at the edges; avoids a Date per lookup.
  let year = 1970 + Math.floor(dayNumber / 365.2425);
  if (dayNumber < daysFromCivil(year, 1, 1)) year--;
  else if (dayNumber > daysFromCivil(year, 12, 31)) year++;
  let table = years.get(year);
  if (!table) {
    table = buildYear(calendar, year);
    years.set(year, table);
  }
  return table.days[dayNumber - table.firstDay]!;
}

/** Calendar year of a day number (shared helper for messages). */
export function yearOfDay(dayNumber: number): number {
  return civilFromDays(dayNumber).year;
}
