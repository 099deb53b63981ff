/**
 * Admin API authentication: HTTP Basic over TLS (the reverse proxy terminates TLS in production)
 * against admin_user, whose passwords are scrypt-hashed. Unknown users cost the same scrypt work
 * as known ones, so response time does not reveal which usernames exist.
 *
 * One verification per request, shared by the rate limiter (a verified administrator gets a
 * budget of their own, auth/rate-limit-key.ts) and the route; credentials that verified are
 * remembered for two minutes by a hash, so the admin page's bursts of requests cost one scrypt.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { LoginThrottle } from '@shared/auth/login-throttle';
import type { Clock } from '@shared/clock';
import { AppError } from '@shared/errors';
import { adminUser } from '../db/schema';
import type { HubDb } from '../db/types';
import { HubError, unauthenticated } from '../errors';
import { hashPassword, verifyPassword } from './passwords';

let decoyHash: Promise<string> | undefined;

/** How long verified credentials are trusted without a new scrypt (a changed password waits this long). */
const VERIFIED_TTL_MS = 2 * 60_000;

interface PerDatabase {
  /**
   * Repeated wrong admin passwords are throttled with the counter's rule (5 in 15 minutes per
   * username and address together, 20 per address whatever the username, then 1, 2, 4…
   * minutes): a stranger's wrong guesses never lock an administrator out of the province's office.
   */
  throttle: LoginThrottle;
  verified: Map<string, { username: string; until: number }>;
}
const perDatabase = new WeakMap<object, PerDatabase>();
function stateOf(db: HubDb, clock: Clock): PerDatabase {
  let s = perDatabase.get(db);
  if (!s) perDatabase.set(db, (s = { throttle: new LoginThrottle(clock), verified: new Map() }));
  return s;
}

export type AdminVerification = { ok: true; username: string } | { ok: false; error: HubError };

const verifications = new WeakMap<FastifyRequest, Promise<AdminVerification>>();

/** Verifies the request's Basic credentials once, whoever asks first (the limiter or the route). */
export function verifyAdmin(db: HubDb, request: FastifyRequest, clock: Clock): Promise<AdminVerification> {
  let v = verifications.get(request);
  if (!v) verifications.set(request, (v = verifyOnce(db, request, clock)));
  return v;
}

async function verifyOnce(db: HubDb, request: FastifyRequest, clock: Clock): Promise<AdminVerification> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(header.trim()) : null;
  if (!match) return { ok: false, error: unauthenticated('Cần đăng nhập quản trị (HTTP Basic).') };
  const state = stateOf(db, clock);
  const remembered = createHash('sha256').update(`basic:${match[1]}`).digest('hex');
  const known = state.verified.get(remembered);
  if (known && known.until > performance.now()) return { ok: true, username: known.username };

  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon > 0 ? decoded.slice(0, colon) : '';
  const password = colon > 0 ? decoded.slice(colon + 1) : '';
  const attempt = { username, address: request.ip };
  try {
    state.throttle.check(attempt);
  } catch (err) {
    return { ok: false, error: new HubError(429, 'rate_limited', (err as AppError).message, (err as AppError).details) };
  }
  const [row] = username ? await db.select().from(adminUser).where(eq(adminUser.username, username)) : [];
  decoyHash ??= hashPassword('decoy');
  const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash));
  if (!row || !ok) {
    state.throttle.fail(attempt);
    request.log.warn({ admin: username }, 'admin login failed');
    return { ok: false, error: unauthenticated('Tên đăng nhập hoặc mật khẩu quản trị không đúng.') };
  }
  state.throttle.succeed(attempt);
  if (state.verified.size > 1_000) state.verified.clear();
  state.verified.set(remembered, { username, until: performance.now() + VERIFIED_TTL_MS });
  return { ok: true, username };
}

export async function authenticateAdmin(db: HubDb, request: FastifyRequest, clock: Clock): Promise<string> {
  const verified = await verifyAdmin(db, request, clock);
  if (!verified.ok) throw verified.error;
  request.log = request.log.child({ admin: verified.username });
  return verified.username;
}
