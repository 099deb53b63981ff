/**
 * DVCQG timestamps: yyyyMMddHHmmss in Asia/Ho_Chi_Minh (DOMAIN.md §6.5), from UTC instants, by the
 * shared Vietnam wall-clock rules (src-shared/domain/vn-time.ts: UTC+7, no daylight saving).
 */
import { formatYmd, vnParts, type InstantInput } from '@shared/domain/vn-time';

export const DVCQG_TIME_PATTERN = /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])[0-5]\d[0-5]\d$/;

const two = (n: number) => String(n).padStart(2, '0');

/** Throws InvalidDateError for something that is not an instant. */
export function toDvcqgTime(instant: InstantInput): string {
  const p = vnParts(instant);
  return `${formatYmd(p).replaceAll('-', '')}${two(p.hour)}${two(p.minute)}${two(p.second)}`;
}

/** Empty string for "not yet", as the portal expects for optional dates. */
export function toDvcqgTimeOrEmpty(instant: string | null | undefined): string {
  return instant ? toDvcqgTime(instant) : '';
}
