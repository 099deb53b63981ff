/**
 * Opens the hub database: PostgreSQL when a URL is given (production), otherwise embedded PGlite
 * in a data folder (a small province, a trial, tests). Both get the same drizzle schema and the
 * same migrations from migrations/province, applied at open by the matching migrator.
 */
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { HubDatabase, HubDb } from './types';
import * as schema from './schema';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations/province', import.meta.url));

export type OpenOptions =
  | { kind: 'postgresql'; url: string; poolSize?: number }
  /** `dataDir` undefined = in memory (tests). `client` lets a test share one PGlite instance. */
  | { kind: 'pglite'; dataDir?: string; client?: PGlite };

export async function openDatabase(options: OpenOptions): Promise<HubDatabase> {
  if (options.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema });
    try {
      await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return { db: db as unknown as HubDb, kind: 'postgresql', close: () => pool.end() };
  }
  const client = options.client ?? (await PGlite.create(options.dataDir));
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as HubDb,
    kind: 'pglite',
    // A shared client belongs to whoever created it.
    close: async () => {
      if (!options.client) await client.close();
    },
  };
}
