/**
 * Ký số at the province (HTTP Basic admin): the province's trust list, and checking any signed
 * PDF against it with the counters' own verifier.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authenticateAdmin } from '../auth/admin-auth';
import type { Clock } from '../clock';
import type { HubDb } from '../db/types';
import { addAnchor, addAnchorInputSchema, listAnchors, removeAnchor, verifyAgainstTrustList, verifyInputSchema } from '../signing/trust-list';
import { parse } from './admin';

/** A signed scan is larger than a push batch. */
const VERIFY_BODY_LIMIT = 24 * 1_048_576;
const anchorParams = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export function registerSignatureRoutes(app: FastifyInstance, db: HubDb, clock: Clock): void {
  app.register(async (admin) => {
    admin.addHook('preHandler', async (request) => {
      await authenticateAdmin(db, request, clock);
    });

    admin.get('/v1/admin/signatures/trust-list', async () => listAnchors(db));

    admin.post('/v1/admin/signatures/trust-list', async (request, reply) => {
      const anchor = await addAnchor(db, parse(addAnchorInputSchema, request.body).certificate);
      request.log.info({ sha256: anchor.sha256 }, 'trust anchor added');
      reply.status(201);
      return anchor;
    });

    admin.post('/v1/admin/signatures/trust-list/:sha256/remove', async (request) => {
      const { sha256 } = parse(anchorParams, request.params);
      const done = await removeAnchor(db, sha256);
      request.log.info({ sha256 }, 'trust anchor removed');
      return done;
    });

    admin.post('/v1/admin/signatures/verify', { bodyLimit: VERIFY_BODY_LIMIT }, async (request) =>
      verifyAgainstTrustList(db, parse(verifyInputSchema, request.body).pdf, clock.now()),
    );
  });
}
