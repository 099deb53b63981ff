/** Table-driven deadline cases against the pure engine (the cases live in deadline-cases.ts). */
import { describe, expect, it } from 'vitest';
import { computeDue } from '@shared/domain/deadline';
import { at, DEADLINE_CASES as cases } from './deadline-cases';
import { confirmedCalendar } from './fixtures';

describe('computeDue — DOMAIN.md §4.5 / §5.3 table', () => {
  it('has at least 40 hand-worked cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', (c) => {
    const result = computeDue({
      receivedAt: at(c.received),
      amount: c.amount,
      unit: c.unit,
      cutoff15: c.cutoff15 ?? false,
      calendar: confirmedCalendar,
    });
    expect(result.dueAt).toBe(at(c.due));
    expect(result.provisional).toBe(c.provisional ?? false);
  });
});
