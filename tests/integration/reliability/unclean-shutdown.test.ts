/**
 * After an unclean stop the next start checks the database, and refuses a damaged one with a
 * typed error that sends the administrator to the backups, instead of letting officers write on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseDamagedError, markerPath } from '../../../src-main/core/backup/startup-guard';
import { DB_FILE_NAME, openCore } from '../../../src-main/core/core';
import { SAMPLE_SETUP, tempDir } from '../../support/web-host';
import { runningClock } from '../../support/clock';

/** The test's day, whatever the machine's date (a clock running from TEST_INSTANT). */
const clock = runningClock();

async function folderWithData(): Promise<string> {
  const dataDir = tempDir('motcua-unclean-');
  const core = await openCore({ clock, dataDir });
  await core.dispatch('setup.initialize', SAMPLE_SETUP, { token: null });
  const login = (await core.dispatch('auth.login', { username: 'quantri', password: SAMPLE_SETUP.admin.password }, { token: null })) as { ok: true; result: { token: string } };
  for (let i = 0; i < 30; i++) {
    await core.dispatch('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: `Công dân ${i}`, address: 'x'.repeat(400) }, pages: 1 }, { token: login.result.token });
  }
  core.close();
  return dataDir;
}

/** Overwrites the start of every page in the second half of the file, as a torn write would. */
function damagePages(dbFile: string): void {
  const size = fs.statSync(dbFile).size;
  const pages = size / 4096;
  const fd = fs.openSync(dbFile, 'r+');
  for (let p = Math.floor(pages / 2); p < pages; p++) fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, p * 4096);
  fs.closeSync(fd);
}

describe('unclean-shutdown marker', () => {
  it('is written at open and removed by a clean close', async () => {
    const dataDir = tempDir('motcua-unclean-');
    const core = await openCore({ clock, dataDir });
    const marker = markerPath(path.join(dataDir, DB_FILE_NAME));
    expect(JSON.parse(fs.readFileSync(marker, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(core.uncleanShutdown).toBe(false);
    core.close();
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('makes the next start check the database and go on when it is sound', async () => {
    const dataDir = await folderWithData();
    fs.writeFileSync(markerPath(path.join(dataDir, DB_FILE_NAME)), JSON.stringify({ pid: 999_999, openedAt: '2026-11-22T01:00:00Z' }));
    const core = await openCore({ clock, dataDir });
    expect(core.uncleanShutdown).toBe(true);
    expect((core.db.$client.prepare('SELECT count(*) AS n FROM dossier').get() as { n: number }).n).toBe(30);
    core.close();
  });

  it('refuses a database damaged by the crash with a typed, Vietnamese error pointing to the backups', async () => {
    const dataDir = await folderWithData();
    const dbFile = path.join(dataDir, DB_FILE_NAME);
    damagePages(dbFile);
    fs.writeFileSync(markerPath(dbFile), '{"pid":'); // torn marker: still an unclean stop
    const err = await openCore({ clock, dataDir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DatabaseDamagedError);
    const damaged = err as DatabaseDamagedError;
    expect(damaged.code).toBe('UNAVAILABLE');
    expect(damaged.message).toMatch(/bị hỏng.*khôi phục từ bản sao lưu/s);
    expect(damaged.toBody().details).toMatchObject({ backupsDir: path.join(dataDir, 'backups') });
    expect((damaged.details as { problems: string[] }).problems.length).toBeGreaterThan(0);
  });

  it('refuses a file whose header is not a database even without a marker', async () => {
    const dataDir = tempDir('motcua-unclean-');
    fs.writeFileSync(path.join(dataDir, DB_FILE_NAME), Buffer.alloc(8192, 0x42));
    await expect(openCore({ clock, dataDir })).rejects.toBeInstanceOf(DatabaseDamagedError);
  });
});
