/**
 * Demo data for a database still on an older schema (to test an upgrade): the demo is written by
 * today's code into a scratch database, then copied, column by column, into the old one. With
 * `overwriteDueWithExtension`, each apologised dossier gets its Mẫu 04 date in due_at, as the
 * counter wrote it before due dates and promises were kept apart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openCore, DB_FILE_NAME, type Core } from '../../src-main/core/core';
import { APP_ROOT } from '../../src-main/core/paths';
import { seedDemo, type SeedDemoOptions } from '../../src-main/core/demo/seed-demo';
import { SAMPLE_SETUP, tempDir } from './web-host';

const columnsOf = (core: Core, table: string, schema = 'main') =>
  (core.db.$client.prepare(`PRAGMA ${schema}.table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

export async function seedOldSchema(old: Core, opts: SeedDemoOptions & { overwriteDueWithExtension?: boolean }): Promise<void> {
  const scratchDir = tempDir('motcua-scratch-');
  const scratch = await openCore({ dataDir: scratchDir, clock: old.clock });
  try {
    await scratch.services.office.initialize(SAMPLE_SETUP.office, SAMPLE_SETUP.admin);
    seedDemo(scratch, opts);
  } finally {
    scratch.close();
  }
  const sqlite = old.db.$client;
  sqlite.prepare('ATTACH DATABASE ? AS scratch').run(path.join(scratchDir, DB_FILE_NAME));
  try {
    for (const table of ['dossier', 'dossier_event', 'dossier_sequence']) {
      const mine = new Set(columnsOf(old, table));
      const cols = columnsOf(old, table, 'scratch').filter((c) => mine.has(c));
      const select = cols.map((c) => (c === 'due_at' && opts.overwriteDueWithExtension ? 'coalesce(extended_due_at, due_at)' : c)).join(', ');
      sqlite.prepare(`INSERT INTO main.${table} (${cols.join(', ')}) SELECT ${select} FROM scratch.${table}`).run();
    }
  } finally {
    sqlite.prepare('DETACH DATABASE scratch').run();
  }
}

/**
 * First run on an old schema. Today's code writes today's officer row, so the officer columns a
 * later migration adds (read from the migrations themselves) are lent to the old table for this
 * one step and taken back: what is left is the old schema, with an office and its administrator.
 */
export async function initializeOldSchema(old: Core): Promise<void> {
  const dir = path.join(APP_ROOT, 'migrations', 'counter');
  const have = new Set(columnsOf(old, 'officer'));
  const lent = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('--> statement-breakpoint'))
    .map((sql) => /^\s*ALTER TABLE `officer` ADD `([a-z_]+)`[^;]*/.exec(sql))
    .filter((m): m is RegExpExecArray => m !== null && !have.has(m[1]!));
  const sqlite = old.db.$client;
  for (const m of lent) sqlite.exec(m[0]);
  await old.services.office.initialize(SAMPLE_SETUP.office, SAMPLE_SETUP.admin);
  for (const m of lent) sqlite.exec(`ALTER TABLE \`officer\` DROP COLUMN \`${m[1]}\``);
}

/** A copy of migrations/counter holding only the migrations whose tag sorts before `beforeTag`. */
export function migrationsBefore(beforeTag: string): string {
  const dir = tempDir('motcua-migrations-');
  fs.cpSync(path.join(APP_ROOT, 'migrations', 'counter'), dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < beforeTag);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}
