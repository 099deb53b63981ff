/** The counter database keeps its durability settings and backs up before every upgrade. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openCore } from '../../../src-main/core/core';
import { openSqlite } from '../../../src-main/core/db/open';
import { APP_ROOT } from '../../../src-main/core/paths';
import { SAMPLE_SETUP, tempDir } from '../../support/web-host';
import { runningClock } from '../../support/clock';

/** The test's day, whatever the machine's date (a clock running from TEST_INSTANT). */
const clock = runningClock();

describe('opening the database', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout on every open, including a reopen', async () => {
    const dataDir = tempDir('motcua-db-');
    const core = await openCore({ clock, dataDir });
    core.close();

    // A plain reopen without our pragmas shows what SQLite would otherwise use.
    const plain = new Database(path.join(dataDir, DB_FILE_NAME));
    expect(plain.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(plain.pragma('synchronous', { simple: true })).toBe(2 - 1); // WAL reopens at NORMAL (1)
    plain.close();

    const reopened = openSqlite(path.join(dataDir, DB_FILE_NAME));
    expect(reopened.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(reopened.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(reopened.pragma('busy_timeout', { simple: true })).toBe(5000);
    reopened.close();
  });

  it('applies migrations on a fresh folder without taking a pointless backup', async () => {
    const dataDir = tempDir('motcua-db-');
    const core = await openCore({ clock, dataDir });
    expect(core.migration.applied.length).toBeGreaterThan(0);
    expect(core.migration.backupFile).toBeNull();
    core.close();
    const again = await openCore({ clock, dataDir });
    expect(again.migration.applied).toEqual([]);
    again.close();
  });

  it('copies the database before a pending migration runs, and the copy opens with the old data', async () => {
    const migrationsDir = tempDir('motcua-migrations-');
    fs.cpSync(path.join(APP_ROOT, 'migrations', 'counter'), migrationsDir, { recursive: true });
    const dataDir = tempDir('motcua-db-');

    const first = await openCore({ clock, dataDir, migrationsDir });
    const init = await first.dispatch('setup.initialize', SAMPLE_SETUP, { token: null });
    expect(init.ok).toBe(true);
    first.close();

    // A later release adds a migration.
    const journalPath = path.join(migrationsDir, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test_upgrade' });
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    fs.writeFileSync(path.join(migrationsDir, '9999_test_upgrade.sql'), 'CREATE TABLE upgrade_marker (id integer primary key);');

    const second = await openCore({ clock, dataDir, migrationsDir });
    expect(second.migration.applied).toEqual(['9999_test_upgrade']);
    expect(second.migration.backupFile).not.toBeNull();
    expect(second.db.$client.prepare("SELECT name FROM sqlite_master WHERE name = 'upgrade_marker'").get()).toBeTruthy();
    second.close();

    const backup = new Database(second.migration.backupFile!, { readonly: true });
    expect(backup.pragma('quick_check', { simple: true })).toBe('ok');
    expect(backup.prepare('SELECT agency_code FROM office').get()).toEqual({ agency_code: '000.00.17.H56' });
    expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'upgrade_marker'").get()).toBeUndefined();
    backup.close();
  });
});
