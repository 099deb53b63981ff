/** The database handle every hub module receives, whichever driver is underneath. */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

export type HubDb = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction (or savepoint) handle: the same query API as HubDb. */
export type HubTx = Parameters<Parameters<HubDb['transaction']>[0]>[0];
/** Anything that can run queries: the database or an open transaction. */
export type HubExecutor = HubDb | HubTx;

export type DatabaseKind = 'pglite' | 'postgresql';

export interface HubDatabase {
  db: HubDb;
  kind: DatabaseKind;
  close(): Promise<void>;
}
