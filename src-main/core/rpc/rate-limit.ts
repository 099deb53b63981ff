/**
 * Rate limits on the rows anyone on the LAN can reach without an officer's session: the public
 * rows and the paired devices' rows (a kiosk, the lookup and the board are touch screens in the
 * waiting room, and their network port is within reach of anyone with a laptop). Counted per
 * (address, row) in a sliding minute, in memory: the host is one process, and a restart that
 * forgets the counts costs nothing an attacker can use (pairing and sign-in keep their own
 * throttles).
 *
 * Callers on this PC itself (its Electron window, the CLI, tests' in-process calls) are not
 * limited: they are the office's own machine.
 */
import { AppError } from '@shared/errors';

export interface RateLimits {
  /** Calls per minute per address to one public row. */
  publicPerMinute: number;
  /** Calls per minute per address to one device row. */
  devicePerMinute: number;
}

/**
 * A kiosk answers a tap or a scan with one or two calls, the board one per search keystroke
 * (debounced by the page): 120 a minute is far above a person's pace and far below a flood.
 * Public rows (first run, sign-in, pairing) are called a few times a day.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { publicPerMinute: 30, devicePerMinute: 120 };

const WINDOW_MS = 60_000;
/** Above this many keys the oldest are dropped: memory beats precision under a flood of addresses. */
const MAX_KEYS = 20_000;

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  /** `now` in milliseconds of a monotonic clock (performance.now()), not the wall clock, which may jump. */
  constructor(
    private readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts the call; throws RATE_LIMITED past the row's limit. */
  take(kind: 'public' | 'device', address: string, row: string): void {
    const limit = kind === 'public' ? this.limits.publicPerMinute : this.limits.devicePerMinute;
    const now = this.now();
    const key = `${address}\u0000${row}`;
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      const retryAfterSeconds = Math.max(1, Math.ceil((WINDOW_MS - (now - recent[0]!)) / 1000));
      throw new AppError('RATE_LIMITED', `Thiết bị này gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${retryAfterSeconds} giây.`, { retryAfterSeconds });
    }
    recent.push(now);
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > MAX_KEYS) {
      const oldest = this.hits.keys().next().value;
      if (oldest !== undefined) this.hits.delete(oldest);
    }
  }
}
