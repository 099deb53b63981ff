/**
 * The report periods of Biểu II.06a (DOMAIN.md §9.1): month, quarter, 6 and 9 months and the
 * year, counted from the start of the current year as the province's periodic reports are.
 */
import type { Dayjs } from 'dayjs';

export const PRESETS = ['month', 'quarter', 'half', 'nine', 'year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
export type Range = [Dayjs, Dayjs];

export function presetRange(preset: Exclude<Preset, 'custom'>, today: Dayjs): Range {
  const year = today.startOf('year');
  switch (preset) {
    case 'month':
      return [today.startOf('month'), today.endOf('month')];
    case 'quarter': {
      const start = year.add(Math.floor(today.month() / 3) * 3, 'month');
      return [start, start.add(2, 'month').endOf('month')];
    }
    case 'half':
      return [year, year.add(5, 'month').endOf('month')];
    case 'nine':
      return [year, year.add(8, 'month').endOf('month')];
    case 'year':
      return [year, today.endOf('year')];
  }
}
