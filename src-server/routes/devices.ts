/** POST /v1/devices/enroll: a counter trades a one-time code for its device token. */
import type { FastifyInstance } from 'fastify';
import { enrollRequestSchema, type EnrollResponse } from '@shared/sync/protocol';
import { enrollDevice } from '../admin/enroll';
import type { Clock } from '../clock';
import type { HubDb } from '../db/types';
import { badRequest } from '../errors';

export function registerDeviceRoutes(app: FastifyInstance, db: HubDb, clock: Clock): void {
  app.post('/v1/devices/enroll', async (request, reply): Promise<EnrollResponse> => {
    const parsed = enrollRequestSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(parsed.error, 'Thông tin đăng ký thiết bị không hợp lệ.');
    const now = clock.now();
    const enrolled = await enrollDevice(db, parsed.data, now);
    request.log.info({ deviceId: enrolled.deviceId, communeCode: enrolled.commune.code }, 'device enrolled');
    reply.status(201);
    return { ...enrolled, serverTime: now.toISOString() };
  });
}
