/** Invariants of the deadline engine, checked with fast-check under fixed seeds (reproducible). */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { computeDue, type DeadlineUnit } from '@shared/domain/deadline';
import { dayInfo } from '@shared/domain/calendar/day-index';
import type { WorkingCalendar } from '@shared/domain/calendar/types';
import { toEpochMs, vnInstant, vnLocalMinutes, ymdOfDayNumber, isoWeekdayOfDay } from '@shared/domain/vn-time';
import { confirmedCalendar } from './fixtures';

const START = vnInstant(2025, 1, 1);
const END = vnInstant(2026, 11, 1); // leaves room for long deadlines inside the confirmed years

const receiptArb = fc.integer({ min: 0, max: Math.floor((END - START) / 60_000) }).map((m) => new Date(START + m * 60_000));
const ruleArb = fc.oneof(
  fc.record({ unit: fc.constant<DeadlineUnit>('working_hours'), amount: fc.integer({ min: 1, max: 40 }), cutoff15: fc.boolean() }),
  fc.record({ unit: fc.constant<DeadlineUnit>('working_days'), amount: fc.integer({ min: 1, max: 20 }), cutoff15: fc.boolean() }),
  fc.record({ unit: fc.constant<DeadlineUnit>('days'), amount: fc.integer({ min: 1, max: 30 }), cutoff15: fc.boolean() }),
  fc.record({ unit: fc.constant<DeadlineUnit>('months'), amount: fc.integer({ min: 1, max: 1 }), cutoff15: fc.boolean() }),
  fc.record({ unit: fc.constant<DeadlineUnit>('same_day'), amount: fc.constant(0), cutoff15: fc.boolean() }),
);

function dueMinutes(calendar: WorkingCalendar, receivedAt: Date, rule: { unit: DeadlineUnit; amount: number; cutoff15: boolean }) {
  return vnLocalMinutes(toEpochMs(computeDue({ receivedAt, calendar, ...rule }).dueAt));
}

describe('deadline invariants', () => {
  it('the due always lies inside a working session or exactly at its end', () => {
    fc.assert(
      fc.property(receiptArb, ruleArb, (receivedAt, rule) => {
        const t = dueMinutes(confirmedCalendar, receivedAt, rule);
        const day = Math.floor(t / 1440);
        const m = t - day * 1440;
        return dayInfo(confirmedCalendar, day).sessions.some(([s, e]) => m > s && m <= e);
      }),
      { seed: 20261122, numRuns: 2000 },
    );
  });

  it('a later receipt never gives an earlier due', () => {
    fc.assert(
      fc.property(receiptArb, fc.integer({ min: 0, max: 7 * 1440 }), ruleArb, (receivedAt, laterBy, rule) => {
        const later = new Date(receivedAt.getTime() + laterBy * 60_000);
        return dueMinutes(confirmedCalendar, later, rule) >= dueMinutes(confirmedCalendar, receivedAt, rule);
      }),
      { seed: 424242, numRuns: 1500 },
    );
  });

  it('adding a holiday never makes a due earlier', () => {
    const firstDay2026 = Math.floor(vnLocalMinutes(vnInstant(2026, 1, 1)) / 1440);
    const weekdayArb = fc
      .integer({ min: 0, max: 330 })
      .map((i) => firstDay2026 + i)
      .filter((d) => isoWeekdayOfDay(d) <= 5 && dayInfo(confirmedCalendar, d).sessions.length > 0);
    const receipt2026 = fc
      .integer({ min: 0, max: 300 * 1440 })
      .map((m) => new Date(vnInstant(2026, 1, 1) + m * 60_000));
    fc.assert(
      fc.property(receipt2026, ruleArb, weekdayArb, (receivedAt, rule, extraDay) => {
        const withHoliday: WorkingCalendar = {
          ...confirmedCalendar,
          years: confirmedCalendar.years.map((y) =>
            y.year === 2026
              ? { ...y, holidays: [...y.holidays, { date: ymdOfDayNumber(extraDay), name: 'Ngày nghỉ thêm', kind: 'le_tet' as const }] }
              : y,
          ),
        };
        return dueMinutes(withHoliday, receivedAt, rule) >= dueMinutes(confirmedCalendar, receivedAt, rule);
      }),
      { seed: 777, numRuns: 800 },
    );
  });
});
