/**
 * The one place the hub's admin page reads the time: the browser's clock (tests set it to the
 * hub's instant), so default periods such as "this month" follow the same day as the hub.
 */
import dayjs, { type Dayjs } from 'dayjs';

export function nowDayjs(): Dayjs {
  return dayjs(new Date());
}
