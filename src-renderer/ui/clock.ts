/**
 * The one place the counter's UI reads the time. It is the PC's clock, the same one core reads
 * on that PC; tests set the browser's clock to the host's instant (tests/support/counter.ts), so
 * the UI's "today" and core's agree on any day the tests run.
 */
import dayjs, { type Dayjs } from 'dayjs';

export function now(): Date {
  return new Date();
}

/** Now as a dayjs value, for antd pickers and ranges. */
export function nowDayjs(): Dayjs {
  return dayjs(now());
}
