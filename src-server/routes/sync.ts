/** POST /v1/sync/push and GET /v1/sync/pull, for enrolled counters (Bearer device token). */
import type { FastifyInstance } from 'fastify';
import {
  MAX_PUSH_BYTES,
  communeScope,
  pullQuerySchema,
  pushRequestSchema,
  type PullResponse,
  type PushResponse,
} from '@shared/sync/protocol';
import { authenticateDevice } from '../auth/device-auth';
import type { Clock } from '../clock';
import type { HubDb } from '../db/types';
import { badRequest, forbidden } from '../errors';
import { recordActivity } from '../sync/device-activity';
import { readFeed } from '../sync/pull';
import { applyBatch } from '../sync/push';

export function registerSyncRoutes(app: FastifyInstance, db: HubDb, clock: Clock, pushLimit: { max: number; timeWindow: number }): void {
  app.post('/v1/sync/push', { bodyLimit: MAX_PUSH_BYTES, config: { rateLimit: pushLimit } }, async (request): Promise<PushResponse> => {
    const device = await authenticateDevice(db, request);
    const parsed = pushRequestSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(parsed.error, 'Lô đồng bộ không hợp lệ; không thao tác nào được ghi.');
    const push = parsed.data;
    if (push.deviceId !== device.id) {
      throw forbidden('Mã thiết bị trong lô đồng bộ không khớp với mã truy cập.');
    }
    const now = clock.now();
    const activity = { kind: 'push', clientTime: push.clientTime, pending: push.pending } as const;
    const results = await applyBatch(db, device, push.ops, request.log, now, activity);
    request.log.info(
      { ops: push.ops.length, applied: results.filter((r) => r.result === 'applied').length },
      'push handled',
    );
    return { results, serverTime: now.toISOString() };
  });

  app.get('/v1/sync/pull', async (request): Promise<PullResponse> => {
    const device = await authenticateDevice(db, request);
    const parsed = pullQuerySchema.safeParse(request.query);
    if (!parsed.success) throw badRequest(parsed.error, 'Tham số lấy dữ liệu không hợp lệ.');
    const query = parsed.data;
    if (query.scope !== 'province' && query.scope !== communeScope(device.communeCode)) {
      throw forbidden('Thiết bị chỉ được lấy dữ liệu chung của tỉnh và dữ liệu của xã mình.');
    }
    const page = await readFeed(db, query);
    const now = clock.now();
    await recordActivity(db, device.id, { kind: 'pull', clientTime: query.clientTime }, now);
    return { ...page, serverTime: now.toISOString() };
  });
}
