/** How the admin page writes times and rates: Vietnam time, Vietnamese conventions. */
import { formatDateTimeVi } from '@shared/domain/text';
import { vi } from '../i18n/vi';

export function when(instant: string | null | undefined): string {
  return instant ? formatDateTimeVi(instant) : vi.common.never;
}

export function percent(rate: number): string {
  return `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
}

/** Beyond this a counter's appointment dates are not trusted (ARCHITECTURE.md §6). */
export const LARGE_DRIFT_MS = 5 * 60_000;
