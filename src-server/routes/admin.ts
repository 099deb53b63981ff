/**
 * The province's admin API (HTTP Basic, admin_user): communes, enrollment codes, devices, stats,
 * status changes of dossiers, and publication of catalogs/calendars/agency lists.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCommune, createCommuneInputSchema, issueEnrollmentCode, revokeDevice } from '../admin/communes';
import { importOfflineBundle } from '../admin/offline-bundles';
import { publicationInputSchema, publish } from '../admin/publications';
import { communeStats } from '../admin/stats';
import { recordStatusChange, statusChangeInputSchema } from '../admin/status';
import { authenticateAdmin } from '../auth/admin-auth';
import type { Clock } from '../clock';
import type { HubDb } from '../db/types';
import { badRequest } from '../errors';

/** Catalogs and calendars are bigger than a push batch. */
const PUBLICATION_BODY_LIMIT = 16 * 1_048_576;

const uuidParams = z.object({ id: z.uuid() });
const communeParams = z.object({ code: createCommuneInputSchema.shape.code });
const enrollmentCodeInput = z.object({ ttlHours: z.number().int().min(1).max(24 * 30).optional() }).default({});

export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(parsed.error);
  return parsed.data;
}

export function registerAdminRoutes(app: FastifyInstance, db: HubDb, clock: Clock): void {
  app.register(async (admin) => {
    admin.addHook('preHandler', async (request) => {
      await authenticateAdmin(db, request, clock);
    });

    admin.get('/v1/admin/stats', async () => ({ communes: await communeStats(db) }));

    admin.post('/v1/admin/communes', async (request, reply) => {
      const created = await createCommune(db, parse(createCommuneInputSchema, request.body));
      reply.status(201);
      return { code: created.code, name: created.name };
    });

    admin.post('/v1/admin/communes/:code/enrollment-codes', async (request, reply) => {
      const { code } = parse(communeParams, request.params);
      const { ttlHours } = parse(enrollmentCodeInput, request.body ?? {});
      const issued = await issueEnrollmentCode(db, code, clock.now(), ttlHours);
      request.log.info({ communeCode: code }, 'enrollment code issued');
      reply.status(201);
      return { code: issued.code, communeCode: issued.communeCode, expiresAt: issued.expiresAt.toISOString() };
    });

    admin.post('/v1/admin/devices/:id/revoke', async (request) => {
      const { id } = parse(uuidParams, request.params);
      await revokeDevice(db, id);
      request.log.info({ deviceId: id }, 'device revoked');
      return { ok: true };
    });

    admin.post('/v1/admin/dossiers/:id/status', async (request) => {
      const { id } = parse(uuidParams, request.params);
      const changed = await recordStatusChange(db, id, parse(statusChangeInputSchema, request.body), clock.now());
      return { dossier: changed.dossier, event: changed.event, seq: changed.seq };
    });

    // A USB bundle can hold weeks of work: allow a larger body than a push.
    admin.post('/v1/admin/offline-bundles', { bodyLimit: 64 * 1024 * 1024 }, async (request) =>
      importOfflineBundle(db, request.body, request.log, clock.now()),
    );

    admin.post('/v1/admin/publications', { bodyLimit: PUBLICATION_BODY_LIMIT }, async (request, reply) => {
      const published = await publish(db, parse(publicationInputSchema, request.body), clock.now());
      reply.status(201);
      return published;
    });
  });
}
