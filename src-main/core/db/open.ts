/**
 * Opening the counter database: one writer connection per process, with the pragmas that make
 * an acknowledged write survive a power cut (ARCHITECTURE.md §4).
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

export type CounterDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The database or a transaction on it: what code that runs inside a caller's transaction takes. */
export type DbExecutor = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

export function openSqlite(file: string): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // WAL databases reopen with synchronous=NORMAL, which can lose the last commits on power loss.
  // FULL must therefore be set on every open, not once at creation.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

export function wrapDrizzle(sqlite: Database.Database): CounterDb {
  return drizzle({ client: sqlite, schema }) as CounterDb;
}
