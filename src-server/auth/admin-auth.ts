/**
 * Admin API authentication: HTTP Basic over TLS (the reverse proxy terminates TLS in production)
 * against admin_user, whose passwords are scrypt-hashed. Unknown users cost the same scrypt work
 * as known ones, so response time does not reveal which usernames exist.
 */
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { adminUser } from '../db/schema';
import type { HubDb } from '../db/types';
import { unauthenticated } from '../errors';
import { hashPassword, verifyPassword } from './passwords';

let decoyHash: Promise<string> | undefined;

export async function authenticateAdmin(db: HubDb, request: FastifyRequest): Promise<string> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(header.trim()) : null;
  if (!match) throw unauthenticated('Cần đăng nhập quản trị (HTTP Basic).');
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon > 0 ? decoded.slice(0, colon) : '';
  const password = colon > 0 ? decoded.slice(colon + 1) : '';
  const [row] = username ? await db.select().from(adminUser).where(eq(adminUser.username, username)) : [];
  decoyHash ??= hashPassword('decoy');
  const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash));
  if (!row || !ok) throw unauthenticated('Tên đăng nhập hoặc mật khẩu quản trị không đúng.');
  request.log = request.log.child({ admin: username });
  return username;
}
