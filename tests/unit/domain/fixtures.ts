/** Shared fixtures for the domain tests: the shipped calendar seed, with years confirmed as needed. */
import calendarSeed from '../../../assets/seed/calendar-vn.json';
import { loadCalendar, withYearStatus } from '@shared/domain/calendar/load';
import type { WorkingCalendar } from '@shared/domain/calendar/types';

/** The seed exactly as shipped (every year draft). */
export const seedCalendar: WorkingCalendar = loadCalendar(calendarSeed);

/** 2025 and 2026 confirmed by the administrator; 2027 still a draft; 2028+ missing. */
export const confirmedCalendar: WorkingCalendar = withYearStatus(
  withYearStatus(seedCalendar, 2025, 'confirmed'),
  2026,
  'confirmed',
);

/** Vietnamese wall-clock time as an ISO string with +07:00 ("2026-11-20 15:30" → …). */
export function vn(date: string, time = '00:00'): string {
  return `${date}T${time}:00+07:00`;
}
