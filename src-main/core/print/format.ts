/**
 * What only printed forms write: the place-and-date line, two-digit counts, upper-cased header
 * names and the dots left for handwriting. Dates, times and money are written by the shared
 * Vietnamese text rules (src-shared/domain/text.ts), as on screen.
 */
import { formatDateLineVi } from '@shared/domain/text';

/** The italic place-and-date line: "Hòa An, ngày 05 tháng 02 năm 2026". */
export function formatPlaceDate(place: string, iso: string): string {
  return `${place}, ${formatDateLineVi(iso)}`;
}

/** Counts on forms are written with two digits ("01 bộ", "02 bản") as in the official samples. */
export function formatCount(n: number): string {
  return String(n).padStart(2, '0');
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
