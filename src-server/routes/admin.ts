/**
 * The province's admin API (HTTP Basic, admin_user): one route per row of its contract
 * (src-shared/hub-admin/api.ts) and one handler per row here, typed from that row, so a row
 * without a handler fails the build. Path parameters and inputs (the query of a GET, the body of
 * a POST) are parsed with the row's zod schemas before the handler runs.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { adminApi, type AdminApi, type AdminCallName } from '@shared/hub-admin/api';
import type { AdminRow } from '@shared/hub-admin/row';
import { createCommune, issueEnrollmentCode, revokeDevice } from '../admin/communes';
import { listDevices } from '../admin/devices';
import { searchDossiers } from '../admin/dossier-search';
import { importOfflineBundle } from '../admin/offline-bundles';
import { onTimeRates } from '../admin/on-time';
import { satisfactionByCommune } from '../admin/satisfaction';
import { feedbackByCommune, feedbackOfCommune } from '../admin/feedback';
import { publish } from '../admin/publications';
import { rejectedOps } from '../admin/rejected-ops';
import { communeStats } from '../admin/stats';
import { recordStatusChange } from '../admin/status';
import { authenticateAdmin } from '../auth/admin-auth';
import { papersOfDossier } from '../files/papers';
import type { Clock } from '../clock';
import type { HubDb } from '../db/types';
import { badRequest } from '../errors';
import { addAnchor, listAnchors, removeAnchor, verifyAgainstTrustList } from '../signing/trust-list';

export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(parsed.error);
  return parsed.data;
}

interface Call<N extends AdminCallName> {
  params: z.output<AdminApi[N]['params']>;
  input: z.output<AdminApi[N]['input']>;
  /** The body exactly as received (a signed bundle is verified over it). */
  body: unknown;
  log: FastifyBaseLogger;
}

type AdminHandlers = { [N in AdminCallName]: (call: Call<N>) => Promise<z.input<AdminApi[N]['output']>> };

function handlers(db: HubDb, clock: Clock): AdminHandlers {
  return {
    'stats.communes': async () => ({ communes: await communeStats(db) }),
    'communes.create': async ({ input }) => {
      const created = await createCommune(db, input);
      return { code: created.code, name: created.name };
    },
    'communes.enrollmentCode': async ({ params, input, log }) => {
      const issued = await issueEnrollmentCode(db, params.code, clock.now(), input.ttlHours);
      log.info({ communeCode: params.code }, 'enrollment code issued');
      return { code: issued.code, communeCode: issued.communeCode, expiresAt: issued.expiresAt.toISOString() };
    },
    'communes.devices': async ({ params }) => ({ devices: await listDevices(db, params.code) }),
    'devices.revoke': async ({ params, log }) => {
      await revokeDevice(db, params.id);
      log.info({ deviceId: params.id }, 'device revoked');
      return { ok: true };
    },
    'dossiers.search': ({ input }) => searchDossiers(db, input),
    'dossiers.papers': async ({ params }) => ({ papers: await papersOfDossier(db, params.id) }),
    'dossiers.recordStatus': async ({ params, input }) => {
      const changed = await recordStatusChange(db, params.id, input, clock.now());
      return { dossier: changed.dossier, event: changed.event, seq: changed.seq };
    },
    'reports.onTime': async ({ input }) => ({ communes: await onTimeRates(db, input) }),
    'reports.satisfaction': async ({ input }) => ({ communes: await satisfactionByCommune(db, input) }),
    'reports.feedback': async ({ input }) => ({ communes: await feedbackByCommune(db, input, clock.now()) }),
    'communes.feedback': async ({ params, input }) => ({ items: await feedbackOfCommune(db, params.code, input, clock.now()) }),
    'rejectedOps.list': ({ input }) => rejectedOps(db, input),
    'offlineBundles.import': ({ body, log }) => importOfflineBundle(db, body, log, clock.now()),
    'publications.create': ({ input }) => publish(db, input, clock.now()),
    'signatures.trustList': () => listAnchors(db),
    'signatures.addAnchor': async ({ input, log }) => {
      const anchor = await addAnchor(db, input.certificate);
      log.info({ sha256: anchor.sha256 }, 'trust anchor added');
      return anchor;
    },
    'signatures.removeAnchor': async ({ params, log }) => {
      const done = await removeAnchor(db, params.sha256);
      log.info({ sha256: params.sha256 }, 'trust anchor removed');
      return done;
    },
    'signatures.verify': ({ input }) => verifyAgainstTrustList(db, input.pdf, clock.now()),
  };
}

export function registerAdminRoutes(app: FastifyInstance, db: HubDb, clock: Clock): void {
  const table = handlers(db, clock);
  app.register(async (admin) => {
    admin.addHook('preHandler', async (request) => {
      await authenticateAdmin(db, request, clock);
    });
    for (const name of Object.keys(adminApi) as AdminCallName[]) {
      const row: AdminRow = adminApi[name];
      // Each handler is typed by its own row above; here the row's schemas have just parsed its call.
      const handler = table[name] as (call: { params: unknown; input: unknown; body: unknown; log: FastifyBaseLogger }) => Promise<unknown>;
      admin.route({
        method: row.method,
        url: row.path,
        ...(row.bodyLimit ? { bodyLimit: row.bodyLimit } : {}),
        handler: async (request, reply) => {
          const params = parse(row.params, request.params);
          const input = parse(row.input, row.method === 'GET' ? request.query : (request.body ?? {}));
          const output = await handler({ params, input, body: request.body, log: request.log });
          reply.status(row.status ?? 200);
          return output;
        },
      });
    }
  });
}
