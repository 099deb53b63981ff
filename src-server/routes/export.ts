/** GET /v1/export/dvcqg?since=<cursor>&limit= — national-portal records since a cursor (admin). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authenticateAdmin } from '../auth/admin-auth';
import type { Clock } from '../clock';
import type { HubDb } from '../db/types';
import { badRequest } from '../errors';
import { readDvcqgExport } from '../export/dvcqg-feed';

const exportQuerySchema = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function registerExportRoutes(app: FastifyInstance, db: HubDb, clock: Clock): void {
  app.get('/v1/export/dvcqg', async (request) => {
    await authenticateAdmin(db, request, clock);
    const parsed = exportQuerySchema.safeParse(request.query);
    if (!parsed.success) throw badRequest(parsed.error, 'Tham số xuất dữ liệu không hợp lệ.');
    return readDvcqgExport(db, parsed.data.since, parsed.data.limit);
  });
}
