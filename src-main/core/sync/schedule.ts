/**
 * When the next sync pass runs (ARCHITECTURE.md §6 "When"). Pure: the engine passes its state,
 * the time and a random source, and gets back one wake-up. Kept apart from the timers so every
 * rule can be tested without waiting.
 *
 * - after a local commit, debounced, so a burst of receipts goes up as one pass;
 * - while the hub is unreachable, a cheap health probe, backing off up to a minute;
 * - while work is pending or the last pass failed, retries with exponential backoff and jitter,
 *   capped at 5 minutes, so 600 counters coming back online do not stampede the hub;
 * - when idle, a poll every ~15 minutes so province status changes come down during the day;
 * - a nightly pass between 22:00 and 05:00 (Vietnam time) at an offset fixed per commune.
 */

export const DEBOUNCE_MS = 2_000;
export const RETRY_BASE_MS = 5_000;
export const RETRY_CAP_MS = 5 * 60_000;
export const PROBE_BASE_MS = 10_000;
export const PROBE_CAP_MS = 60_000;
export const IDLE_POLL_MS = 15 * 60_000;
const VN_OFFSET_MS = 7 * 3_600_000; // Asia/Ho_Chi_Minh has no daylight saving time
const NIGHT_START_HOUR = 22;
export const NIGHT_WINDOW_MS = 7 * 3_600_000; // 22:00 → 05:00

export type Random = () => number;

export interface ScheduleState {
  enrolled: boolean;
  revoked: boolean;
  pending: number;
  /** Consecutive failed passes; 0 after a clean one. */
  failures: number;
  /** The last failure was the network (hub unreachable), not the hub answering an error. */
  offline: boolean;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** The newest local commit not yet covered by a pass. */
  localChangeAt: number | null;
  agencyCode: string | null;
}

export type WakeReason = 'debounce' | 'probe' | 'retry' | 'poll' | 'nightly';
export interface Wake {
  at: number;
  reason: WakeReason;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries spread out. */
export function backoffDelay(failures: number, random: Random, base = RETRY_BASE_MS, cap = RETRY_CAP_MS): number {
  const exp = Math.min(cap, base * 2 ** Math.max(0, Math.min(30, failures - 1)));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** FNV-1a: a stable spread of communes over the night window, the same on every start. */
export function agencyHash(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    h ^= code.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The first nightly slot strictly after `nowMs` for this commune. */
export function nextNightly(nowMs: number, agencyCode: string): number {
  const offset = (agencyHash(agencyCode) % (NIGHT_WINDOW_MS / 60_000)) * 60_000;
  const vnMidnight = Math.floor((nowMs + VN_OFFSET_MS) / 86_400_000) * 86_400_000 - VN_OFFSET_MS;
  for (let day = -1; day <= 1; day++) {
    const slot = vnMidnight + day * 86_400_000 + NIGHT_START_HOUR * 3_600_000 + offset;
    if (slot > nowMs) return slot;
  }
  return vnMidnight + 2 * 86_400_000 + NIGHT_START_HOUR * 3_600_000 + offset;
}

/**
 * `nowMs` and every instant in the state are on a monotonic clock, so a device clock set back by
 * days cannot stall the timers; `wallNowMs` (the device clock) only places the nightly slot.
 */
export function planNextWake(s: ScheduleState, nowMs: number, random: Random, wallNowMs = nowMs): Wake | null {
  if (!s.enrolled || s.revoked) return null;
  const last = s.lastAttemptAt ?? nowMs;
  const candidates: Wake[] = [];
  if (s.offline) {
    candidates.push({ at: last + backoffDelay(s.failures, random, PROBE_BASE_MS, PROBE_CAP_MS), reason: 'probe' });
  } else {
    if (s.localChangeAt !== null) candidates.push({ at: s.localChangeAt + DEBOUNCE_MS, reason: 'debounce' });
    // A fresh local change is the debounce's to send; the retry timer is for work left behind.
    if (s.failures > 0 || (s.pending > 0 && s.localChangeAt === null)) {
      candidates.push({ at: last + backoffDelay(Math.max(1, s.failures), random), reason: 'retry' });
    }
    const base = s.lastSuccessAt ?? last;
    candidates.push({ at: base + Math.round(IDLE_POLL_MS * (0.9 + random() * 0.2)), reason: 'poll' });
  }
  if (s.agencyCode) candidates.push({ at: nowMs + (nextNightly(wallNowMs, s.agencyCode) - wallNowMs), reason: 'nightly' });
  candidates.sort((a, b) => a.at - b.at);
  const next = candidates[0]!;
  return { at: Math.max(next.at, nowMs), reason: next.reason };
}
