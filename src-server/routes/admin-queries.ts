/**
 * Read-only admin API behind the admin page (HTTP Basic, admin_user): devices of a commune,
 * province-wide dossier search, on-time rates and rejected ops. Every query string is parsed with
 * zod before any database work.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCommuneInputSchema } from '../admin/communes';
import { listDevices } from '../admin/devices';
import { dossierSearchInputSchema, searchDossiers } from '../admin/dossier-search';
import { onTimeInputSchema, onTimeRates } from '../admin/on-time';
import { rejectedOps, rejectedOpsInputSchema } from '../admin/rejected-ops';
import { authenticateAdmin } from '../auth/admin-auth';
import type { Clock } from '../clock';
import type { HubDb } from '../db/types';
import { parse } from './admin';

const communeParams = z.object({ code: createCommuneInputSchema.shape.code });

export function registerAdminQueryRoutes(app: FastifyInstance, db: HubDb, clock: Clock): void {
  app.register(async (admin) => {
    admin.addHook('preHandler', async (request) => {
      await authenticateAdmin(db, request, clock);
    });

    admin.get('/v1/admin/communes/:code/devices', async (request) => {
      const { code } = parse(communeParams, request.params);
      return { devices: await listDevices(db, code) };
    });

    admin.get('/v1/admin/dossiers', async (request) => searchDossiers(db, parse(dossierSearchInputSchema, request.query)));

    admin.get('/v1/admin/reports/on-time', async (request) => ({
      communes: await onTimeRates(db, parse(onTimeInputSchema, request.query)),
    }));

    admin.get('/v1/admin/rejected-ops', async (request) => rejectedOps(db, parse(rejectedOpsInputSchema, request.query)));
  });
}
