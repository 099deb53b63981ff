/**
 * Applying migrations/counter at start. A verified copy of the database is taken before any
 * pending migration runs, so a failed upgrade on a commune PC can always be undone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { assertSoundBackup } from './verify';
import type { CounterDb } from './open';

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export interface MigrationReport {
  applied: string[];
  backupFile: string | null;
}

function pendingMigrations(sqlite: Database.Database, migrationsDir: string): string[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  const lastApplied = hasTable
    ? ((sqlite.prepare('SELECT MAX(created_at) AS last FROM __drizzle_migrations').get() as {
        last: number | null;
      }).last ?? 0)
    : 0;
  return journal.entries.filter((e) => e.when > lastApplied).map((e) => e.tag);
}

function hasUserData(sqlite: Database.Database): boolean {
  return !!sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get();
}

export async function runMigrations(
  db: CounterDb,
  opts: { migrationsDir: string; backupDir: string; now: () => Date },
): Promise<MigrationReport> {
  const sqlite = db.$client;
  const pending = pendingMigrations(sqlite, opts.migrationsDir);
  if (pending.length === 0) return { applied: [], backupFile: null };

  let backupFile: string | null = null;
  if (hasUserData(sqlite)) {
    fs.mkdirSync(opts.backupDir, { recursive: true });
    const stamp = opts.now().toISOString().replace(/[:.]/g, '-');
    backupFile = path.join(opts.backupDir, `pre-migration-${stamp}.sqlite`);
    await sqlite.backup(backupFile);
    assertSoundBackup(backupFile);
  }

  // Table rebuilds in SQLite migrations need foreign keys off; they are checked right after.
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder: opts.migrationsDir });
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`foreign_key_check failed after migration: ${JSON.stringify(violations)}`);
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { applied: pending, backupFile };
}
