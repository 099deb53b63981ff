/**
 * Admin API authentication: HTTP Basic over TLS (the reverse proxy terminates TLS in production)
 * against admin_user, whose passwords are scrypt-hashed. Unknown users cost the same scrypt work
 * as known ones, so response time does not reveal which usernames exist.
 */
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { LoginThrottle } from '@shared/auth/login-throttle';
import { AppError } from '@shared/errors';
import { adminUser } from '../db/schema';
import type { HubDb } from '../db/types';
import { HubError, unauthenticated } from '../errors';
import { hashPassword, verifyPassword } from './passwords';

let decoyHash: Promise<string> | undefined;

/**
 * Repeated wrong admin passwords are throttled with the counter's rule (5 in 15 minutes per
 * username and address together, 20 per address whatever the username, then 1, 2, 4… minutes),
 * one throttle per hub database: a stranger's wrong guesses never lock an administrator out of
 * the province's own office.
 */
const throttles = new WeakMap<object, LoginThrottle>();
function throttleFor(db: HubDb): LoginThrottle {
  let throttle = throttles.get(db);
  if (!throttle) {
    throttle = new LoginThrottle({ now: () => new Date() });
    throttles.set(db, throttle);
  }
  return throttle;
}

export async function authenticateAdmin(db: HubDb, request: FastifyRequest): Promise<string> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(header.trim()) : null;
  if (!match) throw unauthenticated('Cần đăng nhập quản trị (HTTP Basic).');
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon > 0 ? decoded.slice(0, colon) : '';
  const password = colon > 0 ? decoded.slice(colon + 1) : '';
  const throttle = throttleFor(db);
  const attempt = { username, address: request.ip };
  try {
    throttle.check(attempt);
  } catch (err) {
    throw new HubError(429, 'rate_limited', (err as AppError).message, (err as AppError).details);
  }
  const [row] = username ? await db.select().from(adminUser).where(eq(adminUser.username, username)) : [];
  decoyHash ??= hashPassword('decoy');
  const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash));
  if (!row || !ok) {
    throttle.fail(attempt);
    request.log.warn({ admin: username }, 'admin login failed');
    throw unauthenticated('Tên đăng nhập hoặc mật khẩu quản trị không đúng.');
  }
  throttle.succeed(attempt);
  request.log = request.log.child({ admin: username });
  return username;
}
