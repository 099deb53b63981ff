/** When sync passes run: debounce, backoff with jitter, offline probes, polls and the nightly slot. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEBOUNCE_MS,
  IDLE_POLL_MS,
  NIGHT_WINDOW_MS,
  PROBE_CAP_MS,
  RETRY_CAP_MS,
  backoffDelay,
  nextNightly,
  planNextWake,
  type ScheduleState,
} from '../../../src-main/core/sync/schedule';

const NOW = Date.parse('2026-11-23T09:00:00+07:00');
const base: ScheduleState = {
  enrolled: true,
  revoked: false,
  pending: 0,
  failures: 0,
  offline: false,
  lastAttemptAt: NOW - 60_000,
  lastSuccessAt: NOW - 60_000,
  localChangeAt: null,
  agencyCode: '000.00.17.H56',
};
const half = () => 0.5;

describe('the sync schedule', () => {
  it('does nothing for a counter that is not enrolled or was revoked', () => {
    expect(planNextWake({ ...base, enrolled: false }, NOW, half)).toBeNull();
    expect(planNextWake({ ...base, revoked: true }, NOW, half)).toBeNull();
  });

  it('pushes a receipt about two seconds after it was committed', () => {
    expect(planNextWake({ ...base, pending: 2, localChangeAt: NOW }, NOW, half)).toEqual({ at: NOW + DEBOUNCE_MS, reason: 'debounce' });
  });

  it('keeps its timers on the monotonic clock, so a device clock set back three days does not stall a push', () => {
    const mono = 5_000;
    const state = { ...base, pending: 2, lastAttemptAt: 0, lastSuccessAt: 0, localChangeAt: mono };
    expect(planNextWake(state, mono, half, NOW - 3 * 86_400_000)).toEqual({ at: mono + DEBOUNCE_MS, reason: 'debounce' });
    const wall = nextNightly(NOW, base.agencyCode!) - 60_000; // one minute before this commune's slot
    expect(planNextWake({ ...base, lastAttemptAt: mono, lastSuccessAt: mono }, mono, () => 0, wall)).toEqual({ at: mono + 60_000, reason: 'nightly' });
  });

  it('probes the hub cheaply while offline, never waiting more than a minute', () => {
    const wake = planNextWake({ ...base, offline: true, failures: 12, pending: 5, localChangeAt: NOW, lastAttemptAt: NOW }, NOW, () => 1);
    expect(wake).toEqual({ at: NOW + PROBE_CAP_MS, reason: 'probe' });
  });

  it('retries pending work with exponential backoff capped at five minutes, spread by jitter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (failures, r) => {
        const d = backoffDelay(failures, () => r);
        expect(d).toBeGreaterThan(0);
        expect(d).toBeLessThanOrEqual(RETRY_CAP_MS);
        expect(d).toBeGreaterThanOrEqual(Math.min(RETRY_CAP_MS, 5_000 * 2 ** (failures - 1)) / 2 - 1);
      }),
      { seed: 20261122, numRuns: 200 },
    );
    expect([1, 2, 3, 4].map((f) => backoffDelay(f, () => 0))).toEqual([2_500, 5_000, 10_000, 20_000]);
    const wake = planNextWake({ ...base, pending: 3, failures: 2, lastAttemptAt: NOW }, NOW, () => 0);
    expect(wake).toEqual({ at: NOW + 5_000, reason: 'retry' });
  });

  it('polls for province changes about every fifteen minutes when idle', () => {
    const wake = planNextWake({ ...base, lastSuccessAt: NOW }, NOW, half)!;
    expect(wake).toEqual({ at: NOW + IDLE_POLL_MS, reason: 'poll' });
  });

  it('places each commune at a fixed minute of the 22:00–05:00 window, the same every night', () => {
    const codes = ['000.00.17.H56', '000.00.18.H56', '000.21.14.H56', 'H56.01'];
    const slots = codes.map((c) => nextNightly(NOW, c));
    for (const slot of slots) {
      const vnHour = new Date(slot + 7 * 3_600_000).getUTCHours();
      expect(vnHour >= 22 || vnHour < 5).toBe(true);
      expect(slot).toBeGreaterThan(NOW);
      expect(slot - NOW).toBeLessThan(24 * 3_600_000);
    }
    expect(new Set(slots).size).toBe(codes.length);
    const tomorrow = nextNightly(slots[0]! + 1, codes[0]!);
    expect(tomorrow - slots[0]!).toBe(86_400_000);
    const windowStart = Date.parse('2026-11-23T22:00:00+07:00');
    expect(slots[0]! - windowStart).toBeLessThan(NIGHT_WINDOW_MS);
  });
});
