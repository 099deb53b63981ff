/**
 * The test's side of a host started with `--clock`: it knows what the host's clock reads (the
 * host's clock and this mirror both start at the instant when the process is spawned) and moves
 * it over the IPC channel the host was spawned with — the only way to move it.
 */
import type { ChildProcess } from 'node:child_process';
import { RunningClock } from '../../src-shared/clock';

export interface HostClock {
  /** What the host's clock reads now (to within the milliseconds a process takes to start). */
  now(): Date;
  /** Moves the host's clock to `iso` and resolves once the host has moved it. */
  set(iso: string): Promise<void>;
}

/** Call right after spawn(): the host's clock reads `instant` at its process start. */
export function hostClockOf(child: ChildProcess, instant: string): HostClock {
  const mirror = new RunningClock(instant, () => performance.now());
  return {
    now: () => mirror.now(),
    set: (iso) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`host did not acknowledge the clock move to ${iso}`)), 15_000);
        const onMessage = (message: unknown) => {
          if (typeof message === 'object' && message !== null && 'clockMoved' in message) {
            clearTimeout(timer);
            child.off('message', onMessage);
            resolve();
          }
        };
        child.on('message', onMessage);
        mirror.set(iso);
        child.send({ clock: iso });
      }),
  };
}
