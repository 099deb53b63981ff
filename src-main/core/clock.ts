/** The one place core reads time, so tests (and the trusted-time guard) can control it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
