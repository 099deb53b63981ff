/**
 * Whose budget a request spends (issue #14: the limiter keyed on any Bearer string, verified or
 * not, so a made-up token per request lifted the limit for enrollment guessing and lookup
 * enumeration). Only a verified identity gets its own budget:
 * - a Bearer token that is an enrolled, unrevoked device's → `device:<id>` (a commune's desks
 *   behind one NAT address must not share one budget);
 * - HTTP Basic credentials of an administrator → `admin:<username>` (verified once per request,
 *   shared with the route, and throttled: wrong guesses never buy a budget either);
 * - anything else, a made-up token included → `ip:<address>`.
 *
 * Verified devices are remembered for a minute by the token's hash: the limiter runs before every
 * route. Raw secrets are never kept.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import { runNamed, type NamedStatement } from '../db/named-statement';
import type { HubDb } from '../db/types';
import { verifyAdmin } from './admin-auth';
import { bearerToken } from './device-auth';
import { sha256Hex } from './secrets';

const DEVICE_TTL_MS = 60_000;
const MAX_REMEMBERED = 10_000;

const LIVE_DEVICE: NamedStatement = { text: 'SELECT id FROM device WHERE token_hash = $1 AND NOT revoked' };

/** hash → (key, until) with a size cap: a flood of made-up tokens must not grow memory. */
class Remembered {
  private readonly entries = new Map<string, { key: string; until: number }>();
  get(hash: string): string | null {
    const e = this.entries.get(hash);
    if (!e) return null;
    if (e.until < performance.now()) {
      this.entries.delete(hash);
      return null;
    }
    return e.key;
  }
  set(hash: string, key: string, ttlMs: number): void {
    if (this.entries.size >= MAX_REMEMBERED) this.entries.clear();
    this.entries.set(hash, { key, until: performance.now() + ttlMs });
  }
}

export function rateLimitKeyFor(db: HubDb, clock: Clock): (request: FastifyRequest) => Promise<string> {
  const devices = new Remembered();
  return async (request) => {
    const anonymous = `ip:${request.ip}`;
    const token = bearerToken(request);
    if (token) {
      const hash = sha256Hex(token);
      const known = devices.get(hash);
      if (known) return known;
      const [row] = await runNamed<{ id: string }>(db, LIVE_DEVICE, [hash]);
      if (!row) return anonymous;
      devices.set(hash, `device:${row.id}`, DEVICE_TTL_MS);
      return `device:${row.id}`;
    }
    const header = request.headers.authorization;
    if (typeof header === 'string' && /^Basic\s/i.test(header.trim())) {
      const admin = await verifyAdmin(db, request, clock);
      return admin.ok ? `admin:${admin.username}` : anonymous;
    }
    return anonymous;
  };
}
