/**
 * Hot statements as named prepared statements: PostgreSQL parses and plans them once per pooled
 * connection instead of on every call.
 *
 * Why: a push runs the same two large CTE statements (sync/apply-batch.ts) hundreds of times a
 * minute. A profile of the PostgreSQL backend during the sync bench put parsing, analysing and
 * planning them at ~16% of its CPU — as much as the rows' JSON input. drizzle's `execute(sql)`
 * always sends an unnamed statement; its session's `prepareQuery` takes a name, which
 * node-postgres turns into Parse-once-per-connection. PGlite ignores the name and runs the text,
 * so both backends execute exactly the same SQL.
 *
 * The text must be constant (no interpolated values; everything goes through $n parameters):
 * node-postgres refuses a name reused with a different text on the same connection.
 *
 * Only statements whose plan cannot go wrong get a name. After five runs PostgreSQL may keep one
 * generic plan, chosen from the table statistics of that moment; on a table that grows fast
 * between two ANALYZEs (a fresh hub taking its first pushes) an index lookup planned when the
 * table was empty stays a sequential scan — measured: a 0.5 ms read became 16 ms on average. An
 * INSERT … ON CONFLICT has no such choice; a lookup does, so lookups leave `name` out and are
 * planned on every run with their actual values.
 */
import type { HubExecutor } from './types';

export interface NamedStatement {
  /** Unique within the hub; bump the suffix when the text changes. Absent: planned on every run. */
  readonly name?: string;
  readonly text: string;
}

export async function runNamed<T>(executor: HubExecutor, statement: NamedStatement, params: unknown[]): Promise<T[]> {
  const prepared = executor._.session.prepareQuery({ sql: statement.text, params }, undefined, statement.name, false);
  const result = (await prepared.execute()) as { rows: T[] };
  return result.rows;
}
