/**
 * `PUT /v1/admin/offline-bundles/files/:sha256` (admin, raw bytes as application/octet-stream):
 * one file of an imported offline bundle's folder (admin/offline-bundle-files.ts). Outside the
 * admin contract's JSON rows, like the papers' download: its body is a stream, not a document.
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sha256HexSchema } from '@shared/sync/files';
import { OFFLINE_BUNDLE_FILES_PATH } from '@shared/sync/offline-bundle';
import { takeBundleFile } from '../admin/offline-bundle-files';
import { authenticateAdmin } from '../auth/admin-auth';
import type { Clock } from '../clock';
import type { HubDb } from '../db/types';
import { badRequest } from '../errors';
import type { PaperStore } from '../files/paper-store';

export function registerOfflineBundleFileRoutes(
  app: FastifyInstance,
  db: HubDb,
  clock: Clock,
  options: { store: PaperStore; stagingDir: string; limit: { max: number; timeWindow: number } },
): void {
  app.register(async (scope) => {
    // The body reaches the handler as the request's stream: a file is hashed as it arrives.
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    scope.put(`${OFFLINE_BUNDLE_FILES_PATH}/:sha256`, { config: { rateLimit: options.limit } }, async (request) => {
      const body = request.body as Readable;
      await authenticateAdmin(db, request, clock);
      const sha256 = sha256HexSchema.safeParse((request.params as { sha256?: unknown }).sha256);
      if (!sha256.success) throw badRequest(sha256.error, 'Mã tệp không hợp lệ.');
      const taken = await takeBundleFile(db, options.store, options.stagingDir, sha256.data, body, clock.now());
      request.log.info({ sha256: taken.sha256, size: taken.size, stored: taken.stored }, 'offline bundle file taken');
      return taken;
    });
  });
}
