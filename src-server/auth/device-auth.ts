/**
 * Bearer-token authentication of an enrolled counter. The token is looked up by its hash; a
 * revoked device is refused like an unknown one. The request logger is re-bound to the device id
 * and commune code so every later log line says who it was (never the token).
 */
import type { FastifyRequest } from 'fastify';
import { runNamed, type NamedStatement } from '../db/named-statement';
import type { HubDb } from '../db/types';
import { HubError, unauthenticated } from '../errors';
import { sha256Hex } from './secrets';

export interface AuthedDevice {
  id: string;
  communeCode: string;
  communeName: string;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  return bearerFromHeader(request.headers.authorization);
}

export function bearerFromHeader(header: string | string[] | null | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_\-]{16,200})$/.exec(header.trim());
  return match?.[1];
}

/**
 * A constant statement, not a drizzle select built per request: every push and pull starts here,
 * and building the query cost the hub more CPU than PostgreSQL spent answering it.
 */
const DEVICE_BY_TOKEN_HASH: NamedStatement = {
  // No name: a lookup by key, planned per run (db/named-statement.ts).
  text: `
    SELECT d.id, d.revoked, d.commune_code AS "communeCode", c.name AS "communeName"
    FROM device d JOIN commune c ON c.code = d.commune_code
    WHERE d.token_hash = $1`,
};

export async function authenticateDevice(db: HubDb, request: FastifyRequest): Promise<AuthedDevice> {
  const device = await authenticateDeviceToken(db, bearerToken(request));
  request.log = request.log.child({ deviceId: device.id, communeCode: device.communeCode });
  return device;
}

/** The token check alone, for requests that do not go through Fastify's request object (tus uploads). */
export async function authenticateDeviceToken(db: HubDb, token: string | undefined): Promise<AuthedDevice> {
  if (!token) throw unauthenticated('Thiếu mã truy cập của thiết bị (Authorization: Bearer).');
  const [row] = await runNamed<{ id: string; revoked: boolean; communeCode: string; communeName: string }>(
    db,
    DEVICE_BY_TOKEN_HASH,
    [sha256Hex(token)],
  );
  if (!row) throw unauthenticated('Mã truy cập của thiết bị không hợp lệ; hãy đăng ký lại thiết bị.');
  if (row.revoked) {
    throw new HubError(401, 'device_revoked', 'Thiết bị đã bị thu hồi quyền đồng bộ; liên hệ quản trị tỉnh.');
  }
  return { id: row.id, communeCode: row.communeCode, communeName: row.communeName };
}
