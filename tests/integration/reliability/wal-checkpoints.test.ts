/**
 * Checkpoints off the request path (src-main/core/db/checkpointer.ts): a worker thread copies the
 * WAL back into the database file, so no receipt pays for it; the WAL stays bounded however fast
 * dossiers arrive; close() stops the worker before the writer closes; backups are unaffected.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { verifyDatabaseFile } from '../../../src-main/core/db/verify';
import { DB_FILE_NAME, openCore, type Core } from '../../../src-main/core/core';
import { BACKSTOP_PAGES, WalCheckpointer } from '../../../src-main/core/db/checkpointer';
import { openSqlite } from '../../../src-main/core/db/open';
import { rpcCall, SAMPLE_SETUP, startWebHost, tempDir } from '../../support/web-host';
import { runningClock } from '../../support/clock';

/** The test's day, whatever the machine's date (a clock running from TEST_INSTANT). */
const clock = runningClock();

async function openedWithOfficer(): Promise<{ core: Core; dataDir: string; receive: (n: number) => Promise<{ id: string; code: string }> }> {
  const dataDir = tempDir('motcua-wal-');
  const core = await openCore({ clock, dataDir });
  await core.dispatch('setup.initialize', SAMPLE_SETUP, { token: null });
  const login = await core.dispatch('auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password }, { token: null });
  if (!login.ok) throw new Error(login.error.message);
  const { token } = login.result as { token: string };
  const receive = async (n: number) => {
    const res = await core.dispatch(
      'dossiers.receive',
      { procedureCode: '2.000815', applicant: { fullName: `Đỗ Đức Dũng ${n}`, idNumber: String(38186000000 + n).padStart(12, '0'), address: 'Thôn Đông, xã Tân Lập' }, pages: 2 },
      { token },
    );
    if (!res.ok) throw new Error(res.error.message);
    return res.result as { id: string; code: string };
  };
  return { core, dataDir, receive };
}

const walBytes = (dataDir: string) => {
  const wal = path.join(dataDir, `${DB_FILE_NAME}-wal`);
  return fs.existsSync(wal) ? fs.statSync(wal).size : 0;
};

/** Size of a WAL file holding this many frames: a 32-byte header, then each page behind 24 bytes of its own. */
const walSizeOf = (frames: number, pageSize: number) => 32 + frames * (pageSize + 24);

const dossierCount = (sqlite: Database.Database) => (sqlite.prepare('SELECT count(*) AS n FROM dossier').get() as { n: number }).n;

/** The dossiers the database file holds by itself, without its WAL: what checkpoints copied. */
function countInFileAlone(dataDir: string): number {
  const snapshot = path.join(tempDir('motcua-wal-copy-'), DB_FILE_NAME);
  fs.copyFileSync(path.join(dataDir, DB_FILE_NAME), snapshot);
  const alone = new Database(snapshot, { readonly: true });
  try {
    return dossierCount(alone);
  } finally {
    alone.close();
  }
}

describe('WAL checkpoints off the request path', () => {
  it('leave the writer checkpointing only as a backstop, far beyond what the worker lets the WAL reach', async () => {
    const { core } = await openedWithOfficer();
    expect(core.db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
    // Durability is the writer's: every commit is fsynced in the WAL before it returns.
    expect(core.db.$client.pragma('synchronous', { simple: true })).toBe(2);
    core.close();
  });

  it('keep the WAL bounded while dossiers arrive without a pause, and copy them into the database file', { timeout: 120_000 }, async () => {
    const { core, dataDir, receive } = await openedWithOfficer();
    const pageSize = core.db.$client.pragma('page_size', { simple: true }) as number;
    // The backstop, plus what a few receipts write while the writer's checkpoint waits for the
    // worker's to finish (a receipt writes about 30 pages).
    const bound = walSizeOf(BACKSTOP_PAGES + 500, pageSize);
    let largest = 0;
    const receipts = 1200;
    for (let i = 0; i < receipts; i++) {
      await receive(i);
      largest = Math.max(largest, walBytes(dataDir));
    }
    expect(largest).toBeLessThanOrEqual(bound);
    expect(core.checkpointer.stats.checkpoints).toBeGreaterThan(0);

    // Once receipts stop, the worker copies everything: the database file alone holds them all.
    await vi.waitFor(() => expect(countInFileAlone(dataDir)).toBe(receipts), { timeout: 10_000, interval: 100 });
    core.close();
  });

  it('run in the browser host as `npm run web` starts it (through tsx), where the worker also runs', { timeout: 120_000 }, async () => {
    // tsx keeps function names with a helper of its own: a worker built from the source of a
    // transpiled function must still run there. Three receipts are far below the writer's
    // backstop, so only the worker can have copied them into the database file.
    const host = await startWebHost();
    try {
      expect((await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP)).body.ok).toBe(true);
      const login = await rpcCall(host.url, 'auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password });
      const token = login.body.result.token as string;
      for (let i = 0; i < 3; i++) {
        const res = await rpcCall(host.url, 'dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: `Đỗ Đức Dũng ${i}` }, pages: 1 }, token);
        expect(res.body.ok).toBe(true);
      }
      await vi.waitFor(() => expect(countInFileAlone(host.dataDir)).toBe(3), { timeout: 10_000, interval: 100 });
    } finally {
      await host.stop();
    }
  });

  it('hand checkpointing back to the writer when the worker is gone, which keeps the WAL bounded too', { timeout: 120_000 }, async () => {
    const { core, dataDir, receive } = await openedWithOfficer();
    core.checkpointer.stop();
    expect(core.db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const pageSize = core.db.$client.pragma('page_size', { simple: true }) as number;
    let largest = 0;
    for (let i = 0; i < 300; i++) {
      await receive(i);
      largest = Math.max(largest, walBytes(dataDir));
    }
    expect(largest).toBeLessThanOrEqual(walSizeOf(1000 + 100, pageSize));
    core.close();
  });

  it('hand checkpointing back to the writer, and say so, when the worker cannot start', async () => {
    const dataDir = tempDir('motcua-wal-');
    const sqlite = openSqlite(path.join(dataDir, DB_FILE_NAME));
    const errors: string[] = [];
    const checkpointer = new WalCheckpointer(sqlite, path.join(dataDir, 'no-such-file.sqlite'), { error: (message) => errors.push(message) });
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
    await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 10_000 });
    await vi.waitFor(() => expect(checkpointer.stats.running).toBe(false));
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    checkpointer.stop();
    sqlite.close();
  });

  it('stop with close: by the time close() returns the worker’s connection is closed too, and the WAL folded and removed', async () => {
    const { core, dataDir, receive } = await openedWithOfficer();
    const acked = [];
    for (let i = 0; i < 40; i++) acked.push(await receive(i));
    await vi.waitFor(() => expect(core.checkpointer.stats.checkpoints).toBeGreaterThan(0), { timeout: 10_000 });
    const checkpointer = core.checkpointer;
    core.close();
    expect(checkpointer.stats.running).toBe(false);
    expect(fs.existsSync(path.join(dataDir, `${DB_FILE_NAME}-wal`))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, `${DB_FILE_NAME}-shm`))).toBe(false);
    const alone = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
    expect(dossierCount(alone)).toBe(acked.length);
    alone.close();
  });

  it('stop with close right after open, whether or not the worker has opened its connection yet', async () => {
    const dataDir = tempDir('motcua-wal-');
    const core = await openCore({ clock, dataDir });
    const started = performance.now();
    core.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(core.checkpointer.stats.running).toBe(false);
    expect(fs.existsSync(path.join(dataDir, `${DB_FILE_NAME}-wal`))).toBe(false);
  });

  it('let a backup run to the end while receipts go on and the worker copies pages, and the copy is sound', { timeout: 120_000 }, async () => {
    const { core, dataDir, receive } = await openedWithOfficer();
    for (let i = 0; i < 300; i++) await receive(i);
    let receiving = true;
    let n = 300;
    // Yielding between receipts, as a host serving requests does: the backup copies between turns.
    const writer = (async () => {
      while (receiving) {
        await receive(n++);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const backup = await core.services.backups.create('manual');
    receiving = false;
    await writer;
    const file = path.join(dataDir, 'backups', backup.name);
    expect(verifyDatabaseFile(file, { requireCounterTables: true })).toEqual({ ok: true });
    const copy = new Database(file, { readonly: true });
    expect(dossierCount(copy)).toBeGreaterThanOrEqual(300);
    copy.close();
    expect(core.checkpointer.stats.checkpoints).toBeGreaterThan(0);
    core.close();
  });
});
