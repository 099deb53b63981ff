/** dayjs values of antd pickers ↔ the contract's 'yyyy-mm-dd' calendar dates. */
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_PLACEHOLDER = 'dd/mm/yyyy';

export function toYmd(d: Dayjs | null | undefined): string | undefined {
  return d ? d.format('YYYY-MM-DD') : undefined;
}

export function fromYmd(ymd: string | null | undefined): Dayjs | undefined {
  return ymd ? dayjs(ymd, 'YYYY-MM-DD') : undefined;
}

/** Vietnam's calendar date today (the counter PCs run in Vietnam; the browser's zone is theirs). */
export function todayYmd(): string {
  return dayjs().format('YYYY-MM-DD');
}
