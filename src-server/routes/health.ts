/** GET /v1/health: liveness plus which database the hub runs on. */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '@shared/sync/protocol';
import type { DatabaseKind, HubDb } from '../db/types';

export function registerHealthRoutes(app: FastifyInstance, db: HubDb, kind: DatabaseKind, version: string): void {
  app.get('/v1/health', async (): Promise<HealthResponse> => {
    await db.execute(sql`select 1`); // a hub that cannot reach its database is not healthy
    return { ok: true, version, database: kind };
  });
}
