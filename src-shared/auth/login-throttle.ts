/**
 * Sign-in throttling, the same rule at the counter (sign-in and unlock) and at the province hub's
 * admin login. Two counters, never one per username alone:
 *
 * - per (username, caller address): after 5 failures within 15 minutes that pair is refused for
 *   1 minute, then 2, 4… up to 60. Guessing one officer's password from one desk is slowed, and
 *   nobody at another desk can lock that officer out: the officer's own address is a different
 *   pair. (A lock per username, as before, let 5 requests from anyone lock the administrator out.)
 * - per caller address, whatever the usernames: after 20 failures within 15 minutes the address is
 *   refused the same way, so spraying one password over many usernames is slowed too.
 *
 * A success clears its pair only; the address keeps its count, so a sprayer who finds one account
 * is not given a fresh budget for the rest.
 *
 * Kept in memory, on purpose: the counter is one process on one PC and the hub one process per
 * province, so memory sees every attempt; a persisted lock-out would outlive a restart the
 * officer needs; and the durable record of attempts is the audit log (or the hub's log).
 */
import type { Clock } from '../clock';
import { AppError } from '../errors';

export interface Attempt {
  username: string;
  /** The caller's address as the host saw it ('local' for this PC's own window). */
  address: string;
}

interface Limit {
  maxFailures: number;
  windowMs: number;
}

export const PAIR_LIMIT: Limit = { maxFailures: 5, windowMs: 15 * 60_000 };
export const ADDRESS_LIMIT: Limit = { maxFailures: 20, windowMs: 15 * 60_000 };
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

const pairKey = (a: Attempt) => `pair:${a.address}\u0000${a.username}`;
const addressKey = (a: Attempt) => `address:${a.address}`;

/** Above this many records the oldest are forgotten, locks and all: memory beats precision there. */
const HARD_CAP = 50_000;

export class LoginThrottle {
  private readonly records = new Map<string, Record>();
  private nextPrune = 10_000;

  constructor(private readonly clock: Clock) {}

  /** Throws RATE_LIMITED while this pair, or this address, is locked. */
  check(attempt: Attempt): void {
    const now = this.clock.now().getTime();
    const pairUntil = this.records.get(pairKey(attempt))?.lockedUntil ?? 0;
    const addressUntil = this.records.get(addressKey(attempt))?.lockedUntil ?? 0;
    const until = Math.max(pairUntil, addressUntil);
    if (until <= now) return;
    const seconds = Math.ceil((until - now) / 1000);
    const minutes = Math.ceil(seconds / 60);
    const message =
      addressUntil > now && addressUntil >= pairUntil
        ? `Máy này đã đăng nhập sai quá nhiều lần với nhiều tài khoản. Vui lòng thử lại sau ${minutes} phút hoặc liên hệ quản trị viên.`
        : `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút hoặc liên hệ quản trị viên.`;
    throw new AppError('RATE_LIMITED', message, { retryAfterSeconds: seconds });
  }

  fail(attempt: Attempt): void {
    const now = this.clock.now().getTime();
    this.record(pairKey(attempt), PAIR_LIMIT, now);
    this.record(addressKey(attempt), ADDRESS_LIMIT, now);
    this.prune(now);
  }

  succeed(attempt: Attempt): void {
    this.records.delete(pairKey(attempt));
  }

  private record(key: string, limit: Limit, now: number): void {
    let rec = this.records.get(key);
    // A quiet spell as long as the window after the last failure or lock starts afresh.
    if (!rec || now - Math.max(rec.lastFailure, rec.lockedUntil) >= limit.windowMs) {
      rec = { failures: [], streak: 0, lastFailure: 0, lockedUntil: 0 };
    }
    rec.failures = [...rec.failures.filter((t) => now - t < limit.windowMs), now];
    rec.streak += 1;
    rec.lastFailure = now;
    if (rec.failures.length >= limit.maxFailures || rec.streak > limit.maxFailures) {
      rec.lockedUntil = now + Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (rec.streak - limit.maxFailures));
    }
    this.records.set(key, rec);
  }

  /**
   * Forgets records with no recent failure and no lock, so random usernames cannot grow memory
   * forever; a sweep runs each time the map has grown by a thousand, not at every failure.
   */
  private prune(now: number): void {
    if (this.records.size < this.nextPrune) return;
    for (const [key, rec] of this.records) {
      if (now - Math.max(rec.lastFailure, rec.lockedUntil) >= ADDRESS_LIMIT.windowMs) this.records.delete(key);
    }
    for (const key of this.records.keys()) {
      if (this.records.size <= HARD_CAP) break;
      this.records.delete(key);
    }
    this.nextPrune = Math.max(10_000, this.records.size + 1_000);
  }
}
