/**
 * The administrator's commands: verify (quick_check + audit chain), backup, restore (refused
 * while the app runs; renews the epoch) and export-pending (a signed bundle the hub can check).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { canonicalJson, keyFingerprint, verifyOfflineBundle, type BundleFile } from '../../../src-main/core/backup/offline-bundle';
import { markerPath } from '../../../src-main/core/backup/startup-guard';
import { DB_FILE_NAME, openCore } from '../../../src-main/core/core';
import { backupCommand } from '../../../src-main/cli/backup';
import { exportPendingCommand } from '../../../src-main/cli/export-pending';
import { restoreCommand } from '../../../src-main/cli/restore';
import { verifyCommand } from '../../../src-main/cli/verify';
import { REPO_ROOT, SAMPLE_SETUP, tempDir } from '../../support/web-host';
import { runningClock, TEST_INSTANT } from '../../support/clock';

/** The test's day, whatever the machine's date (a clock running from TEST_INSTANT). */
const clock = runningClock();

let printed: string[] = [];
beforeEach(() => {
  printed = [];
  const keep = (...args: unknown[]) => void printed.push(args.join(' '));
  vi.spyOn(console, 'log').mockImplementation(keep);
  vi.spyOn(console, 'error').mockImplementation(keep);
});
afterEach(() => vi.restoreAllMocks());

/** A closed data folder with an office and `n` received dossiers. */
async function folder(n: number): Promise<string> {
  const dataDir = tempDir('motcua-cli-');
  const core = await openCore({ clock, dataDir });
  await core.dispatch('setup.initialize', SAMPLE_SETUP, { token: null });
  const login = (await core.dispatch('auth.login', { username: 'quantri', password: SAMPLE_SETUP.admin.password }, { token: null })) as { ok: true; result: { token: string } };
  for (let i = 0; i < n; i++) {
    const r = await core.dispatch('dossiers.receive', { procedureCode: '1.004194', applicant: { fullName: `Công dân ${i}`, idNumber: '038186001234' } }, { token: login.result.token });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  core.close();
  return dataDir;
}

const db = (dataDir: string) => new Database(path.join(dataDir, DB_FILE_NAME));

describe('verify', () => {
  it('prints OK and exits 0 on a sound database', async () => {
    const dataDir = await folder(2);
    expect(await verifyCommand.run(['--data-dir', dataDir], { clock })).toBe(0);
    expect(printed.join('\n')).toMatch(/^OK: quick_check ok; nhật ký thao tác \d+ dòng/);
  });

  it('names the first tampered audit row and exits 1', async () => {
    const dataDir = await folder(2);
    const sqlite = db(dataDir);
    const victim = (sqlite.prepare("SELECT seq FROM audit_log WHERE action = 'dossier.receive' ORDER BY seq LIMIT 1").get() as { seq: number }).seq;
    sqlite.prepare("UPDATE audit_log SET officer_id = 'someone-else' WHERE seq = ?").run(victim);
    sqlite.close();
    expect(await verifyCommand.run(['--data-dir', dataDir], { clock })).toBe(1);
    expect(printed.join('\n')).toContain(`LỖI: nhật ký thao tác hỏng tại dòng ${victim}: Nội dung dòng nhật ký đã bị sửa`);
  });

  it('checks every stored file a row names against its hash: a damaged or missing scan exits 1 naming it', async () => {
    const dataDir = tempDir('motcua-cli-');
    const core = await openCore({ clock, dataDir });
    await core.dispatch('setup.initialize', SAMPLE_SETUP, { token: null });
    const login = (await core.dispatch('auth.login', { username: 'quantri', password: SAMPLE_SETUP.admin.password }, { token: null })) as { ok: true; result: { token: string } };
    const scanned = (await core.dispatch('scans.scan', { batch: 'cli-verify', role: 'document', item: { position: 0, name: 'Tờ khai' }, device: 'test' }, { token: login.result.token })) as {
      ok: true;
      result: { pages: { sha256: string }[] };
    };
    const sha = scanned.result.pages[0]!.sha256;
    const file = core.services.files.pathOf(sha);
    core.close();
    expect(await verifyCommand.run(['--data-dir', dataDir], { clock })).toBe(0);
    // The page and its thumbnail.
    expect(printed.join('\n')).toContain('2 tệp lưu trữ khớp mã băm');
    fs.chmodSync(file, 0o600);
    fs.appendFileSync(file, 'x');
    expect(await verifyCommand.run(['--data-dir', dataDir], { clock })).toBe(1);
    expect(printed.join('\n')).toContain(`LỖI: 1 tệp lưu trữ bị mất hoặc không khớp mã băm: ${sha}`);
    fs.rmSync(file);
    printed = [];
    expect(await verifyCommand.run(['--data-dir', dataDir], { clock })).toBe(1);
    expect(printed.join('\n')).toContain(sha);
  });

  it('runs through `npm run cli` (tsx src-main/cli.ts) as an administrator types it', { timeout: 60_000 }, async () => {
    const dataDir = await folder(0);
    const r = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['src-main/cli.ts', 'verify', '--data-dir', dataDir, '--clock', TEST_INSTANT], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('OK: quick_check ok');
  });
});

describe('backup and restore', () => {
  it('copies, then restores over later work, keeping the newer data aside and renewing the epoch', async () => {
    const dataDir = await folder(1);
    expect(await backupCommand.run(['--data-dir', dataDir, '--out', path.join(dataDir, 'usb', 'copy.sqlite')], { clock })).toBe(0);
    const epochBefore = (db(dataDir).prepare("SELECT value FROM sync_meta WHERE key = 'device_epoch'").get() as { value: string }).value;

    const later = await openCore({ clock, dataDir });
    const token = ((await later.dispatch('auth.login', { username: 'quantri', password: SAMPLE_SETUP.admin.password }, { token: null })) as { ok: true; result: { token: string } }).result.token;
    await later.dispatch('dossiers.receive', { procedureCode: '1.004194', applicant: { fullName: 'Người đến sau' } }, { token });
    later.close();

    expect(await restoreCommand.run(['--data-dir', dataDir, '--file', path.join(dataDir, 'usb', 'copy.sqlite')], { clock })).toBe(0);
    const sqlite = db(dataDir);
    expect((sqlite.prepare('SELECT count(*) AS n FROM dossier').get() as { n: number }).n).toBe(1);
    expect((sqlite.prepare("SELECT value FROM sync_meta WHERE key = 'device_epoch'").get() as { value: string }).value).not.toBe(epochBefore);
    expect(sqlite.prepare('SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toMatchObject({ action: 'backup.restore' });
    sqlite.close();
    expect(printed.join('\n')).toMatch(/Đã giữ lại dữ liệu trước khi khôi phục: .*pre-restore-/);
    expect(await verifyCommand.run(['--data-dir', dataDir], { clock })).toBe(0);
  });

  it('refuses to restore while the app is running on the folder', async () => {
    const dataDir = await folder(0);
    expect(await backupCommand.run(['--data-dir', dataDir], { clock })).toBe(0);
    const copy = fs.readdirSync(path.join(dataDir, 'backups')).find((n) => n.startsWith('manual-'))!;
    // The marker of a live process (our parent, the test runner) says the app holds the database.
    fs.writeFileSync(markerPath(path.join(dataDir, DB_FILE_NAME)), JSON.stringify({ pid: process.ppid, openedAt: clock.now().toISOString() }));
    expect(await restoreCommand.run(['--data-dir', dataDir, '--file', path.join(dataDir, 'backups', copy)], { clock })).toBe(1);
    expect(printed.join('\n')).toContain('Ứng dụng đang chạy');
  });
});

describe('export-pending (USB carry)', () => {
  it('writes every pending op, signed by this device, and the signature fails on any edit', async () => {
    const dataDir = await folder(3);
    const out = path.join(dataDir, 'dong-bo.json');
    expect(await exportPendingCommand.run(['--data-dir', dataDir, '--out', out], { clock })).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    const check = verifyOfflineBundle(text);
    expect(check.ok).toBe(true);
    const bundle = JSON.parse(text) as BundleFile;
    const sqlite = db(dataDir);
    const pending = sqlite.prepare("SELECT op_id AS opId FROM outbox WHERE state = 'pending' ORDER BY seq").all() as { opId: string }[];
    const meta = Object.fromEntries((sqlite.prepare('SELECT key, value FROM sync_meta').all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value)]));
    sqlite.close();
    expect(bundle.body.ops.map((o) => o.opId)).toEqual(pending.map((p) => p.opId));
    expect(bundle.body.ops).toHaveLength(6); // upsert + event per dossier
    expect(bundle.body).toMatchObject({ deviceId: meta.device_id, deviceEpoch: meta.device_epoch, agencyCode: SAMPLE_SETUP.office.agencyCode, publicKey: meta.device_signing_key.publicKey });
    expect(text).not.toContain(meta.device_signing_key.privateKey);

    // One changed letter in a payload, a swapped key, or a key the hub did not pin: refused.
    const edited = structuredClone(bundle);
    (edited.body.ops[0]!.payload as { applicantName?: string }).applicantName = 'Người khác';
    expect(verifyOfflineBundle(JSON.stringify(edited))).toMatchObject({ ok: false, reason: 'bad signature' });
    const otherDevice = await folder(0);
    expect(await exportPendingCommand.run(['--data-dir', otherDevice, '--out', path.join(otherDevice, 'b.json')], { clock })).toBe(0);
    const other = JSON.parse(fs.readFileSync(path.join(otherDevice, 'b.json'), 'utf8')) as BundleFile;
    expect(verifyOfflineBundle(JSON.stringify({ ...bundle, body: { ...bundle.body, publicKey: other.body.publicKey } }))).toMatchObject({ ok: false });
    expect(verifyOfflineBundle(text, { pinnedPublicKey: other.body.publicKey })).toMatchObject({ ok: false, reason: expect.stringContaining('pinned') });
    expect(verifyOfflineBundle(text, { pinnedPublicKey: bundle.body.publicKey })).toMatchObject({ ok: true, fingerprint: keyFingerprint(bundle.body.publicKey) });
    expect(verifyOfflineBundle('{not json')).toMatchObject({ ok: false });

    // The same key signs the next export; the ops stay pending here (the hub dedupes by op_id).
    expect(await exportPendingCommand.run(['--data-dir', dataDir, '--out', out], { clock })).toBe(0);
    const again = JSON.parse(fs.readFileSync(out, 'utf8')) as BundleFile;
    expect(again.body.publicKey).toBe(bundle.body.publicKey);
    expect(again.body.ops.map((o) => o.opId)).toEqual(bundle.body.ops.map((o) => o.opId));
  });

  it('signs canonical JSON: key order does not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'đ', c: null }] })).toBe('{"a":[{"c":null,"d":"đ"}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });
});
