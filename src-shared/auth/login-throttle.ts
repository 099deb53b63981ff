/**
 * Sign-in throttling, the same rule at the counter and at the province hub's admin login. After 5 failed attempts for one username (or from one
 * caller) within 15 minutes, further attempts are refused without checking the password, for a
 * delay that doubles with each further failure (1, 2, 4 … up to 60 minutes). A success clears
 * the username's record.
 *
 * Kept in memory, on purpose: the counter is one process on one PC, so memory sees every attempt;
 * (the hub is one process per province too);
 * restarting the app needs the PC itself (someone at the keyboard can already reach the data);
 * and a persisted lock-out would let anyone on the LAN keep an officer locked out across
 * restarts. The durable record of attempts is the audit log, where every refusal is written.
 */
import type { Clock } from '../clock';
import { AppError } from '../errors';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const BASE_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 60 * 60_000;

interface Record {
  /** Failure instants (ms) inside the window, oldest first. */
  failures: number[];
  /** Failures since the last success or the last quiet spell: it sets the lock's length. */
  streak: number;
  lastFailure: number;
  lockedUntil: number;
}

export class LoginThrottle {
  private readonly records = new Map<string, Record>();

  constructor(private readonly clock: Clock) {}

  /** Throws RATE_LIMITED when any of the keys (username, caller) is locked right now. */
  check(keys: string[]): void {
    const now = this.clock.now().getTime();
    const until = Math.max(0, ...keys.map((k) => this.records.get(k)?.lockedUntil ?? 0));
    if (until > now) {
      const seconds = Math.ceil((until - now) / 1000);
      throw new AppError(
        'RATE_LIMITED',
        `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút hoặc liên hệ quản trị viên.`,
        { retryAfterSeconds: seconds },
      );
    }
  }

  fail(keys: string[]): void {
    const now = this.clock.now().getTime();
    for (const key of keys) {
      let rec = this.records.get(key);
      // A quiet spell as long as the window after the last failure or lock starts afresh.
      if (!rec || now - Math.max(rec.lastFailure, rec.lockedUntil) >= WINDOW_MS) rec = { failures: [], streak: 0, lastFailure: 0, lockedUntil: 0 };
      rec.failures = [...rec.failures.filter((t) => now - t < WINDOW_MS), now];
      rec.streak += 1;
      rec.lastFailure = now;
      if (rec.failures.length >= MAX_FAILURES || rec.streak > MAX_FAILURES) {
        rec.lockedUntil = now + Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (rec.streak - MAX_FAILURES));
      }
      this.records.set(key, rec);
    }
    this.prune(now);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.records.delete(key);
  }

  /** Forgets records with no recent failure and no lock, so random usernames cannot grow memory forever. */
  private prune(now: number): void {
    if (this.records.size < 10_000) return;
    for (const [key, rec] of this.records) {
      if (now - Math.max(rec.lastFailure, rec.lockedUntil) >= WINDOW_MS) this.records.delete(key);
    }
  }
}
