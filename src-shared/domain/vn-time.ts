/**
 * Wall-clock time in Vietnam (Asia/Ho_Chi_Minh). Vietnam has used UTC+7 without daylight saving
 * since 1975, so a fixed offset is exact for every date this app handles and we avoid depending on
 * the host's time-zone database (Windows counter PCs are often set to the wrong zone).
 *
 * Internally we use integer "day numbers" (days since 1970-01-01 on the Vietnamese calendar) and
 * plain arithmetic — no Date objects in hot paths.
 */
import { InvalidDateError } from './errors';

export const VN_OFFSET_MINUTES = 7 * 60;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
const VN_OFFSET_MS = VN_OFFSET_MINUTES * MS_PER_MINUTE;

/** A point in time as the domain accepts it: a Date or an ISO-8601 string. */
export type InstantInput = Date | string;

/** ISO weekday: 1 = Monday (thứ Hai) … 7 = Sunday (Chủ nhật). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export interface VnDateTimeParts extends CivilDate {
  hour: number;
  minute: number;
  second: number;
  weekday: IsoWeekday;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** 1970-01-01 was a Thursday. */
export function isoWeekdayOfDay(dayNumber: number): IsoWeekday {
  return ((((dayNumber % 7) + 7 + 3) % 7) + 1) as IsoWeekday;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** 'yyyy-mm-dd' for a calendar date. */
export function formatYmd(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** Parse a strict 'yyyy-mm-dd' calendar date; null when malformed or impossible (31/02). */
export function parseYmd(s: string): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Day number of a 'yyyy-mm-dd' string; throws InvalidDateError when malformed. */
export function dayNumberOfYmd(s: string): number {
  const d = parseYmd(s);
  if (!d) throw new InvalidDateError(s);
  return daysFromCivil(d.year, d.month, d.day);
}

export function ymdOfDayNumber(dayNumber: number): string {
  return formatYmd(civilFromDays(dayNumber));
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Epoch milliseconds of a Date or an ISO-8601 string. A string without an offset is read as
 * Vietnamese wall-clock time, never as the host's local time (which differs between PCs);
 * a bare date means 00:00 in Vietnam.
 */
export function toEpochMs(input: InstantInput): number {
  if (input instanceof Date) {
    const t = input.getTime();
    if (Number.isNaN(t)) throw new InvalidDateError(input);
    return t;
  }
  const m = ISO_RE.exec(input.trim());
  if (!m) throw new InvalidDateError(input);
  const [, ys, mos, ds, hs, mins, ss, frac, off] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = hs === undefined ? 0 : Number(hs);
  const minute = mins === undefined ? 0 : Number(mins);
  const second = ss === undefined ? 0 : Number(ss);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw new InvalidDateError(input);
  }
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = VN_OFFSET_MINUTES;
  if (off !== undefined && off.toUpperCase() !== 'Z') {
    const digits = off.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  } else if (off !== undefined) {
    offsetMinutes = 0;
  }
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    ms
  );
}

/** Day number (Vietnamese calendar) on which an instant falls. */
export function vnDayNumber(epochMs: number): number {
  return Math.floor((epochMs + VN_OFFSET_MS) / MS_PER_DAY);
}

/** Minutes since 1970-01-01 00:00 Vietnamese wall clock (floored to the whole minute). */
export function vnLocalMinutes(epochMs: number): number {
  return Math.floor((epochMs + VN_OFFSET_MS) / MS_PER_MINUTE);
}

/** Inverse of vnLocalMinutes. */
export function epochMsOfVnLocalMinutes(localMinutes: number): number {
  return localMinutes * MS_PER_MINUTE - VN_OFFSET_MS;
}

/** The instant of a Vietnamese wall-clock time. */
export function vnInstant(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return epochMsOfVnLocalMinutes(daysFromCivil(year, month, day) * 1440 + hour * 60 + minute);
}

export function vnParts(input: InstantInput): VnDateTimeParts {
  const local = toEpochMs(input) + VN_OFFSET_MS;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const msOfDay = local - dayNumber * MS_PER_DAY;
  const civil = civilFromDays(dayNumber);
  return {
    ...civil,
    hour: Math.floor(msOfDay / 3_600_000),
    minute: Math.floor(msOfDay / 60_000) % 60,
    second: Math.floor(msOfDay / 1000) % 60,
    weekday: isoWeekdayOfDay(dayNumber),
  };
}

/** ISO-8601 with the Vietnamese offset, e.g. '2026-11-23T17:00:00+07:00'. */
export function toVnIso(input: InstantInput): string {
  const p = vnParts(input);
  return `${formatYmd(p)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`;
}

/** Calendar date in Vietnam of an instant, 'yyyy-mm-dd'. */
export function vnYmd(input: InstantInput): string {
  return ymdOfDayNumber(vnDayNumber(toEpochMs(input)));
}
