/**
 * Guessing a pairing code. Six digits are a million codes; a code lives 10 minutes and is used
 * once, and guesses are counted twice:
 * - per address: 5 wrong codes within 15 minutes and that address is refused for 15 minutes;
 * - over all addresses: 30 wrong codes within 15 minutes and every code still pending is voided
 *   (the administrator issues a new one), so many laptops together cannot search the space.
 * With both, a guesser's chance against one code stays below 30 in a million.
 * In memory on purpose, like the sign-in throttle: one process sees every attempt, and the
 * durable record is the audit log.
 */
import type { Clock } from '../clock';

export const PER_ADDRESS = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const OVERALL = { maxFailures: 30, windowMs: 15 * 60_000 };

export class PairingThrottle {
  private readonly byAddress = new Map<string, { failures: number[]; lockedUntil: number }>();
  private overall: number[] = [];

  constructor(private readonly clock: Clock) {}

  /** Seconds this address must wait, or 0. */
  waitSeconds(address: string): number {
    const until = this.byAddress.get(address)?.lockedUntil ?? 0;
    const now = this.clock.now().getTime();
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /** Counts a wrong code; answers whether the overall limit was just reached (void pending codes). */
  fail(address: string): { overallReached: boolean } {
    const now = this.clock.now().getTime();
    const rec = this.byAddress.get(address) ?? { failures: [], lockedUntil: 0 };
    rec.failures = [...rec.failures.filter((t) => now - t < PER_ADDRESS.windowMs), now];
    if (rec.failures.length >= PER_ADDRESS.maxFailures) {
      rec.lockedUntil = now + PER_ADDRESS.lockMs;
      rec.failures = [];
    }
    this.byAddress.set(address, rec);
    this.overall = [...this.overall.filter((t) => now - t < OVERALL.windowMs), now];
    if (this.overall.length >= OVERALL.maxFailures) {
      this.overall = [];
      return { overallReached: true };
    }
    return { overallReached: false };
  }
}
