/**
 * Bearer-token authentication of an enrolled counter. The token is looked up by its hash; a
 * revoked device is refused like an unknown one. The request logger is re-bound to the device id
 * and commune code so every later log line says who it was (never the token).
 */
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { commune, device } from '../db/schema';
import type { HubDb } from '../db/types';
import { HubError, unauthenticated } from '../errors';
import { sha256Hex } from './secrets';

export interface AuthedDevice {
  id: string;
  communeCode: string;
  communeName: string;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_\-]{16,200})$/.exec(header.trim());
  return match?.[1];
}

export async function authenticateDevice(db: HubDb, request: FastifyRequest): Promise<AuthedDevice> {
  const token = bearerToken(request);
  if (!token) throw unauthenticated('Thiếu mã truy cập của thiết bị (Authorization: Bearer).');
  const [row] = await db
    .select({ id: device.id, revoked: device.revoked, communeCode: device.communeCode, communeName: commune.name })
    .from(device)
    .innerJoin(commune, eq(commune.code, device.communeCode))
    .where(eq(device.tokenHash, sha256Hex(token)));
  if (!row) throw unauthenticated('Mã truy cập của thiết bị không hợp lệ; hãy đăng ký lại thiết bị.');
  if (row.revoked) {
    throw new HubError(401, 'device_revoked', 'Thiết bị đã bị thu hồi quyền đồng bộ; liên hệ quản trị tỉnh.');
  }
  request.log = request.log.child({ deviceId: row.id, communeCode: row.communeCode });
  return { id: row.id, communeCode: row.communeCode, communeName: row.communeName };
}
