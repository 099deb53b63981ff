/**
 * Admin API authentication: HTTP Basic over TLS (the reverse proxy terminates TLS in production)
 * against admin_user, whose passwords are scrypt-hashed. Unknown users cost the same scrypt work
 * as known ones, so response time does not reveal which usernames exist.
 */
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

/**
 * Repeated wrong admin passwords are throttled with the counter's rule (5 in 15 minutes per
 * username or per address, then 1, 2, 4… minutes), one throttle per hub database.
 */
const throttles = new WeakMap<object, LoginThrottle>();
function throttleFor(db: HubDb, clock: Clock): LoginThrottle {
  let throttle = throttles.get(db);
  if (!throttle) {
    throttle = new LoginThrottle(clock);
    throttles.set(db, throttle);
  }
  return throttle;
}

export async function authenticateAdmin(db: HubDb, request: FastifyRequest, clock: Clock): Promise<string> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(header.trim()) : null;
  if (!match) throw unauthenticated('Cần đăng nhập quản trị (HTTP Basic).');
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon > 0 ? decoded.slice(0, colon) : '';
  const password = colon > 0 ? decoded.slice(colon + 1) : '';
  const throttle = throttleFor(db, clock);
  const keys = [`user:${username}`, `ip:${request.ip}`];
  try {
    throttle.check(keys);
  } catch (err) {
    throw new HubError(429, 'rate_limited', (err as AppError).message, (err as AppError).details);
  }
  const [row] = username ? await db.select().from(adminUser).where(eq(adminUser.username, username)) : [];
  decoyHash ??= hashPassword('decoy');
  const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash));
  if (!row || !ok) {
    throttle.fail(keys);
    request.log.warn({ admin: username }, 'admin login failed');
    throw unauthenticated('Tên đăng nhập hoặc mật khẩu quản trị không đúng.');
  }
  throttle.succeed([`user:${username}`]);
  request.log = request.log.child({ admin: username });
  return username;
}
