/**
 * A fetch that misbehaves on purpose, deterministically (seeded): requests dropped before they
 * leave, responses lost after the hub committed, requests sent twice at once, delays, and old
 * pushes replayed later out of order. Wraps the real fetch, so the hub sees real HTTP.
 */
import { isFetchFailure } from '@shared/errors';
import type { FetchLike } from '../../src-main/core/sync/hub-client';

export type Fault = 'none' | 'drop_request' | 'lose_response' | 'duplicate' | 'delay' | 'replay_later';
const FAULTS: Fault[] = ['drop_request', 'lose_response', 'duplicate', 'delay', 'replay_later'];

/** mulberry32: a tiny seeded PRNG, so a failing scenario replays exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultStats {
  requests: number;
  faults: Record<Fault, number>;
}

export class FaultyTransport {
  /** Probability that a request gets a fault; 0 for the final convergence pass. */
  faultRate = 0.35;
  readonly stats: FaultStats = { requests: 0, faults: { none: 0, drop_request: 0, lose_response: 0, duplicate: 0, delay: 0, replay_later: 0 } };
  private readonly replays: { url: string; init: RequestInit }[] = [];
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  readonly fetch: FetchLike = async (url, init) => {
    this.stats.requests += 1;
    await this.maybeReplay();
    const fault = this.random() < this.faultRate ? FAULTS[Math.floor(this.random() * FAULTS.length)]! : 'none';
    this.stats.faults[fault] += 1;
    const send = () => fetch(url, { ...init, signal: undefined });
    switch (fault) {
      case 'drop_request':
        throw new TypeError('fetch failed (simulated: request dropped)');
      case 'lose_response': {
        const res = await send();
        await res.text(); // the hub has answered, and committed
        throw new TypeError('fetch failed (simulated: response lost)');
      }
      case 'duplicate': {
        const [a, b] = await Promise.all([send(), send()]);
        await a.text();
        return b;
      }
      case 'delay':
        await new Promise((r) => setTimeout(r, Math.floor(this.random() * 25)));
        return send();
      case 'replay_later':
        if (init.method === 'POST') this.replays.push({ url, init });
        return send();
      default:
        return send();
    }
  };

  /** Sends a stored old push again, between later requests: the hub sees it out of order. */
  private async maybeReplay(): Promise<void> {
    if (this.replays.length === 0 || this.random() > 0.5) return;
    const old = this.replays.splice(Math.floor(this.random() * this.replays.length), 1)[0]!;
    try {
      const res = await fetch(old.url, { ...old.init, signal: undefined });
      await res.text();
    } catch (err) {
      if (!isFetchFailure(err)) throw err; // the hub may be down: a lost replay is just another dropped request
    }
  }
}
