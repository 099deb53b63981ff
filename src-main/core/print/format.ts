/**
 * Text formatting for printed forms: Vietnam local time, the NĐ 30/2020 date line, the
 * appointment-time wording of Mẫu 01, money and counts. Pure functions over plain values.
 */

/** Vietnam has used UTC+7 without daylight saving since 1975, so a fixed offset is exact. */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface LocalParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
}

/** Wall-clock parts in Asia/Ho_Chi_Minh for a UTC ISO instant. */
export function vnParts(iso: string): LocalParts {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant: ${iso}`);
  const d = new Date(ms + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** Parts of a calendar date "yyyy-mm-dd" (already local; no time zone involved). */
export function dateParts(date: string): Pick<LocalParts, 'year' | 'month' | 'day'> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Invalid date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "ngày 05 tháng 02 năm 2026" / "ngày 15 tháng 3 năm 2026": NĐ 30/2020 pads days below 10 and
 * months 1–2 only (so that "tháng 01/02" cannot be altered into 11/12 by hand).
 */
export function formatDateWords(p: Pick<LocalParts, 'year' | 'month' | 'day'>): string {
  const month = p.month <= 2 ? pad2(p.month) : String(p.month);
  return `ngày ${pad2(p.day)} tháng ${month} năm ${p.year}`;
}

/** The italic place-and-date line: "Hòa An, ngày 05 tháng 02 năm 2026". */
export function formatPlaceDate(place: string, iso: string): string {
  return `${place}, ${formatDateWords(vnParts(iso))}`;
}

/**
 * Receipt and appointment times as Mẫu 01 prints them: "HH giờ mm phút, ngày dd tháng MM năm yyyy"
 * (DOMAIN.md §2.3, §4.5). Unlike the date line, day and month are always two digits here: the
 * source template's pattern is dd/MM.
 */
export function formatDueTime(iso: string): string {
  const p = vnParts(iso);
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút, ngày ${pad2(p.day)} tháng ${pad2(p.month)} năm ${p.year}`;
}

/** "05/02/2026" for dense tables (Sổ theo dõi, ticket). */
export function formatShortDate(iso: string): string {
  const p = vnParts(iso);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "09:15 05/02/2026" for dense tables. */
export function formatShortDateTime(iso: string): string {
  const p = vnParts(iso);
  return `${pad2(p.hour)}:${pad2(p.minute)} ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "05/02/2026" for a local calendar date "2026-02-05". */
export function formatCalendarDate(date: string): string {
  const p = dateParts(date);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** Money in đồng with Vietnamese digit grouping: 1234567 → "1.234.567 đồng". */
export function formatMoney(amount: number): string {
  const digits = String(Math.trunc(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${digits} đồng`;
}

/** Counts on forms are written with two digits ("01 bộ", "02 bản") as in the official samples. */
export function formatCount(n: number): string {
  return pad2(n);
}

/** Vietnamese-aware uppercase for header names ("Ủy ban nhân dân xã" → "ỦY BAN NHÂN DÂN XÃ"). */
export function upperVi(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi-VN');
}

/** Placeholder dots where the official form leaves a blank to fill by hand. */
export const BLANK = '……………';

/** The value, or the hand-fill dots when it is missing or empty. */
export function orBlank(value: string | undefined | null): string {
  return value && value.trim() !== '' ? value : BLANK;
}
