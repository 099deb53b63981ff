/** Report periods are Vietnamese calendar days; the database stores UTC instants. */
import { MS_PER_DAY, vnInstant, vnParts } from '@shared/domain/vn-time';

export function vnDayStartIso(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(vnInstant(y, m, d)).toISOString();
}

/** [start of `from`, start of the day after `to`) as UTC ISO strings. */
export function periodBounds(from: string, to: string): { start: string; end: string } {
  return { start: vnDayStartIso(from), end: new Date(new Date(vnDayStartIso(to)).getTime() + MS_PER_DAY).toISOString() };
}

export function periodLabel(from: string, to: string): string {
  const f = from.split('-').reverse().join('/');
  const t = to.split('-').reverse().join('/');
  return `Từ ngày ${f} đến ngày ${t}`;
}

/** First instant of the Vietnamese month `offset` months from the one containing `now`. */
export function monthStart(now: Date, offset = 0): { iso: string; key: string } {
  const p = vnParts(now);
  const index = p.year * 12 + (p.month - 1) + offset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { iso: new Date(vnInstant(year, month, 1)).toISOString(), key: `${year}-${String(month).padStart(2, '0')}` };
}

export function dayStart(now: Date, offsetDays = 0): string {
  const p = vnParts(now);
  return new Date(vnInstant(p.year, p.month, p.day) + offsetDays * MS_PER_DAY).toISOString();
}
