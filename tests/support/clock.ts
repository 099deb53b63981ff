/**
 * Test clocks. No test depends on the day it runs: in-process cores and hubs get one of these,
 * and hosts started as processes get `--clock` (web-host.ts, hub-process.ts).
 */
import { RunningClock, type Clock } from '../../src-shared/clock';

/**
 * The instant a test starts at unless it needs another: Tuesday 17 November 2026, 09:00 in
 * Vietnam. A working day in a year whose calendar the app ships, inside the morning session,
 * a week clear of the 24/11 holiday, and before the 15:00 rule, so "received today, due today"
 * and "due within three days" hold whatever the machine's date is.
 */
export const TEST_INSTANT = '2026-11-17T09:00:00+07:00';

/** A clock the test moves by hand and that never moves by itself. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(iso: string) {
    this.ms = new Date(iso).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(iso: string): void {
    this.ms = new Date(iso).getTime();
  }
}

/**
 * A clock that starts at `iso` and runs with real elapsed time, for tests that wait on real
 * timers (sync backoff, servers) but must not read the machine's date.
 */
export function runningClock(iso: string = TEST_INSTANT): RunningClock {
  return new RunningClock(iso, () => performance.now());
}

