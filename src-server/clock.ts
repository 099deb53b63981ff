/**
 * The one place the hub reads the machine's time. `npm run province -- serve --clock ISO` starts
 * it at a chosen instant (tests, training) and lets only the parent process move it, over IPC.
 * Column defaults (`defaultNow()`) stay the database's own clock: they are bookkeeping, never
 * read back as a legal date.
 */
import { listenForClockMoves, RunningClock, type Clock } from '@shared/clock';

export type { Clock } from '@shared/clock';

export const systemClock: Clock = { now: () => new Date() };

/** The hub's clock for a `--clock` value (the instant this process started at); the system's when absent. */
export function hostClock(instant: string | undefined): Clock {
  // Tick 0 is this process's start: `--clock` names the instant the process started at.
  return instant === undefined ? systemClock : new RunningClock(instant, () => performance.now(), 0);
}

/** Lets the parent process move a started clock over its IPC channel; never over HTTP. */
export function acceptClockMoves(clock: Clock): void {
  if (!(clock instanceof RunningClock) || !process.send) return;
  listenForClockMoves(clock, process as Parameters<typeof listenForClockMoves>[1]);
  process.channel?.unref();
}
