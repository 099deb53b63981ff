/**
 * The one place core reads the machine's time, so tests (and the trusted-time guard) can control
 * it. Hosts choose the clock: the system's, or with `--clock ISO` one that starts at that instant
 * and runs on (tests, training demonstrations), movable only by the parent process over IPC.
 */
import { listenForClockMoves, RunningClock, type Clock } from '@shared/clock';

export type { Clock } from '@shared/clock';
export { RunningClock } from '@shared/clock';

export const systemClock: Clock = { now: () => new Date() };

/** The host's clock for a `--clock` value (the instant this process started at); the system's when absent. */
export function hostClock(instant: string | undefined): Clock {
  // Tick 0 is this process's start: `--clock` names the instant the process started at.
  return instant === undefined ? systemClock : new RunningClock(instant, () => performance.now(), 0);
}

/**
 * Lets the parent process move a started clock over the IPC channel it spawned this host with.
 * Without such a channel (any ordinary start), or on the system clock, nothing listens; the HTTP
 * side never offers a way to move the clock.
 */
export function acceptClockMoves(clock: Clock): void {
  if (!(clock instanceof RunningClock) || !process.send) return;
  listenForClockMoves(clock, process as Parameters<typeof listenForClockMoves>[1]);
  // The channel alone must not keep a host alive once its server has closed.
  process.channel?.unref();
}
