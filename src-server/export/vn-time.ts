/** DVCQG timestamps: yyyyMMddHHmmss in Asia/Ho_Chi_Minh (DOMAIN.md §6.5), from UTC instants. */

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export const DVCQG_TIME_PATTERN = /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])[0-5]\d[0-5]\d$/;

export function toDvcqgTime(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Thời điểm không hợp lệ: ${String(instant)}`);
  const parts = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}${parts.month}${parts.day}${parts.hour}${parts.minute}${parts.second}`;
}

/** Empty string for "not yet", as the portal expects for optional dates. */
export function toDvcqgTimeOrEmpty(instant: string | null | undefined): string {
  return instant ? toDvcqgTime(instant) : '';
}
