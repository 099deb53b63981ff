/**
 * A full disk, a read-only data folder and an unplugged data drive, made real: the core's data
 * folder sits on a small tmpfs this test mounts (as root, like CI) and then fills, remounts
 * read-only and detaches. Issue #14: receive, print and backup answered all of these with the
 * generic "Đã có lỗi trong ứng dụng…". Now each names the problem, the app warns ahead when space
 * runs low, and nothing is written half: no row, no outbox op, no PDF or backup fragment.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { rpcCall, SAMPLE_SETUP, tempDir } from '../../support/web-host';

const MB = 1024 * 1024;
const mountPoint = tempDir('motcua-disk-');
const dataDir = path.join(mountPoint, 'data');
const filler = path.join(mountPoint, 'filler.bin');
const clock = new ManualClock('2026-11-23T09:00:00+07:00');
let host: CoreHost;
let token: string;
let mounted = false;
let dossierId: string;

const call = async (name: string, input: unknown): Promise<{ status: number; body: any }> => rpcCall(host.url, name, input, token);
const count = (table: string) => (host.core.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = () => ({ dossier: count('dossier'), outbox: count('outbox'), audit: count('audit_log'), print: count('print_record') });
/** Every file under the data folder whose name says it was left half-written. */
const leftovers = () =>
  fs.existsSync(dataDir) ? fs.readdirSync(dataDir, { recursive: true }).map(String).filter((f) => /\.tmp$|\.tmp\.|\.\d+\.tmp$/.test(f)) : [];

/** Fills the disk to the last byte, so the next new block anyone asks for is refused (ENOSPC). */
function fillDisk(): void {
  const fd = fs.openSync(filler, 'a');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(512, 1));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
  fs.closeSync(fd);
}

beforeAll(async () => {
  // Needs root, as CI has: a test that cannot mount fails rather than passing without trying.
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint]);
  mounted = true;
  host = await startCoreHost({ dataDir, clock, storage: { lowBytes: 16 * MB, criticalBytes: 4 * MB } });
  await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP);
  token = (await rpcCall(host.url, 'auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password })).body.result.token;
  const received = await call('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Nguyễn Thị Hồng Đào' }, pages: 1 });
  dossierId = received.body.result.id;
}, 120_000);

afterAll(async () => {
  await host?.close();
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

describe('a full disk', () => {
  it('is warned about ahead: low, then critical', async () => {
    expect((await call('storage.status', {})).body.result.level).toBe('ok');
    const free = fs.statfsSync(mountPoint).bavail * fs.statfsSync(mountPoint).bsize;
    fs.writeFileSync(filler, Buffer.alloc(free - 10 * MB, 1));
    expect((await call('storage.status', {})).body.result).toMatchObject({ level: 'low' });
    fs.appendFileSync(filler, Buffer.alloc(8 * MB, 1));
    expect((await call('storage.status', {})).body.result).toMatchObject({ level: 'critical' });
  });

  it('refuses a receipt by name, and writes nothing of it', async () => {
    // The WAL reuses its pages after a checkpoint: truncate it so the next write needs new blocks.
    host.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    fillDisk();
    const before = counts();
    const res = await call('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Đỗ Đức Dũng' }, pages: 1 });
    expect(res.status).toBe(507);
    expect(res.body.error).toMatchObject({ code: 'STORAGE_FULL', details: { problem: 'full' } });
    expect(res.body.error.message).toMatch(/Ổ đĩa chứa dữ liệu của ứng dụng đã đầy.*dữ liệu chưa bị thay đổi/);
    expect(counts()).toEqual(before);
    expect(host.core.db.$client.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('refuses a print by name, leaving no half PDF and no print record', async () => {
    const before = counts();
    const res = await call('print.render', { form: 'mau01', dossierId });
    expect(res.status).toBe(507);
    expect(res.body.error.code).toBe('STORAGE_FULL');
    expect(counts()).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a backup by name, leaving no half copy', async () => {
    const res = await call('backup.create', {});
    expect(res.status).toBe(507);
    expect(res.body.error.code).toBe('STORAGE_FULL');
    expect(leftovers()).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.startsWith('manual-'))).toEqual([]);
  });

  it('works again once room is made, with nothing lost', async () => {
    fs.rmSync(filler);
    const res = await call('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Đỗ Đức Dũng' }, pages: 1 });
    expect(res.status).toBe(200);
    expect((await call('print.render', { form: 'mau01', dossierId })).status).toBe(200);
    expect(count('dossier')).toBe(2);
  });
});

describe('a read-only data folder', () => {
  it('refuses a print and a backup by name on a folder mounted read-only, and writes nothing', async () => {
    // The open database keeps the drive busy, so the folders the next writes need are made
    // read-only instead (a read-only bind mount over each): real EROFS for new files.
    const ro: string[] = [];
    for (const sub of ['prints', 'backups']) {
      const dir = path.join(dataDir, sub);
      fs.mkdirSync(dir, { recursive: true });
      execFileSync('mount', ['--bind', dir, dir]);
      ro.push(dir);
      execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
    }
    const before = counts();
    try {
      const print = await call('print.render', { form: 'ticket', dossierId });
      expect(print.status).toBe(503);
      expect(print.body.error).toMatchObject({ code: 'STORAGE_READ_ONLY', details: { problem: 'read_only' } });
      expect(print.body.error.message).toMatch(/chỉ đọc hoặc không có quyền ghi/);
      const backup = await call('backup.create', {});
      expect(backup.body.error).toMatchObject({ code: 'STORAGE_READ_ONLY' });
    } finally {
      for (const dir of ro.reverse()) execFileSync('umount', [dir]);
    }
    expect(counts()).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a receipt by name when SQLite may not write, and writes nothing', async () => {
    // A database SQLite will not write (here by its own query_only switch: the disk itself stays
    // busy under the open database) answers SQLITE_READONLY, as a read-only drive does.
    const before = counts();
    host.core.db.$client.pragma('query_only = ON');
    try {
      const receipt = await call('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Lê Văn Cường' }, pages: 1 });
      expect(receipt.body.error).toMatchObject({ code: 'STORAGE_READ_ONLY' });
    } finally {
      host.core.db.$client.pragma('query_only = OFF');
    }
    expect(counts()).toEqual(before);
  });
});

describe('an unplugged data drive', () => {
  it('refuses a print and a backup by name instead of starting a new data folder elsewhere', async () => {
    // Detached: the path no longer leads to the drive (the open database keeps its own handle).
    execFileSync('umount', ['-l', mountPoint]);
    mounted = false;
    expect(fs.existsSync(dataDir)).toBe(false);
    const print = await call('print.render', { form: 'mau02', dossierId, details: { supplement: { items: [{ name: 'Sổ hộ khẩu', originals: 1, certifiedCopies: 0, photocopies: 0 }], reason: 'Thiếu giấy tờ' } } });
    expect(print.status).toBe(503);
    expect(print.body.error).toMatchObject({ code: 'STORAGE_MISSING' });
    expect(print.body.error.message).toMatch(/Không tìm thấy ổ đĩa hoặc thư mục chứa dữ liệu/);
    const backup = await call('backup.create', {});
    expect(backup.body.error).toMatchObject({ code: 'STORAGE_MISSING' });
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
