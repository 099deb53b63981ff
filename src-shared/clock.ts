/**
 * The clock contract every host shares: core and hub read the time only through a `Clock`, so a
 * test (or a demonstration) can start a host at a chosen instant and move it.
 *
 * Pure: `RunningClock` is given its monotonic source (performance.now in the hosts) rather than
 * reading one, and the wall clock is read only in the hosts' own clock modules
 * (src-main/core/clock.ts, src-server/clock.ts).
 */
import { z } from 'zod';

export interface Clock {
  now(): Date;
}

/** An instant with an explicit offset, e.g. 2026-11-17T09:00:00+07:00 or …Z. */
export const clockInstantSchema = z.iso.datetime({ offset: true });

/**
 * What a test harness sends to a host over its IPC channel to move that host's clock. Only a
 * parent process holds that channel: nothing on the network can reach it.
 */
export const clockMessageSchema = z.strictObject({ clock: clockInstantSchema });
export type ClockMessage = z.infer<typeof clockMessageSchema>;

/**
 * A clock set to a chosen instant that then runs with real elapsed time. Elapsed time comes from
 * a monotonic source, so neither a change of the machine's clock nor libfaketime's moved wall
 * clock makes it jump; only `set` moves it.
 */
export class RunningClock implements Clock {
  private startMs: number;
  private startTick: number;

  /**
   * @param startTick the monotonic reading at which the clock read `instant` (default: now). A
   *   host passes 0, the start of its process, so the parent that spawned it with `--clock`
   *   and noted the instant then agrees with it to within the time a process takes to start.
   */
  constructor(
    instant: string,
    private readonly monotonicMs: () => number,
    startTick: number = monotonicMs(),
  ) {
    this.startMs = parseInstant(instant);
    this.startTick = startTick;
  }

  now(): Date {
    return new Date(this.startMs + Math.floor(this.monotonicMs() - this.startTick));
  }

  /** From now on the clock reads `instant`, and runs on from there. */
  set(instant: string): void {
    this.startMs = parseInstant(instant);
    this.startTick = this.monotonicMs();
  }
}

function parseInstant(instant: string): number {
  const parsed = clockInstantSchema.safeParse(instant);
  if (!parsed.success) {
    throw new Error(`Thời điểm không hợp lệ cho đồng hồ: "${instant}" (ví dụ đúng: 2026-11-17T09:00:00+07:00).`);
  }
  return Date.parse(parsed.data);
}

/** The parent-process channel a host listens on (Node's `process` when spawned with 'ipc'). */
export interface ClockChannel {
  send?(message: unknown): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/**
 * Moves `clock` on every `{ clock: iso }` message from the parent and answers
 * `{ clockMoved: iso }` once the move is in effect; other messages are ignored.
 */
export function listenForClockMoves(clock: RunningClock, channel: ClockChannel): void {
  channel.on('message', (message) => {
    const parsed = clockMessageSchema.safeParse(message);
    if (!parsed.success) return;
    clock.set(parsed.data.clock);
    channel.send?.({ clockMoved: clock.now().toISOString() });
  });
}
