/** dayjs values of antd pickers ↔ the contract's 'yyyy-mm-dd' calendar dates. */
import dayjs, { type Dayjs } from 'dayjs';
import { vnParts } from '@shared/domain/vn-time';
import { nowDayjs } from './clock';

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
  return nowDayjs().format('YYYY-MM-DD');
}

/** 'dd/MM/yyyy HH:mm' in Vietnam, whatever the browser's own time zone. */
export function formatDueVi(iso: string): string {
  const p = vnParts(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** A share (0–1) as Vietnamese percent: 0.875 → "87,5%". */
export function formatPercentVi(ratio: number): string {
  return new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}
