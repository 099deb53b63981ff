/**
 * The USB bundle carries the scanned pages too: a real counter core (SQLite, its FileStore) exports
 * with the CLI, a real hub (PostgreSQL, files on disk) imports the signed JSON and then each file
 * of its folder. The hub's copies must be byte-identical, shown in the admin's papers list, a
 * tampered file refused with nothing recorded, a second import add nothing, a file tus already
 * delivered not be carried, and the counter count the carried files uploaded once it reaches the
 * hub again, without sending their bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '@shared/rpc/sync';
import { bundleFileRelativePath, bundleFilesDir, OFFLINE_BUNDLE_FILES_PATH, type BundleFile } from '@shared/sync/offline-bundle';
import { exportPendingCommand } from '../../../src-main/cli/export-pending';
import { openCore, type Core } from '../../../src-main/core/core';
import { commune, dossierPaper, hubFile } from '../../../src-server/db/schema';
import { runningClock } from '../../support/clock';
import { startLinkProxy, type LinkProxy } from '../../support/link-proxy';
import { SAMPLE_SETUP, tempDir } from '../../support/web-host';
import { adminHeaders, openBackend, type Backend } from '../hub/harness';
import { addScanPage, enrollmentCode, initCounter, receiveInput, rpcOk, startLiveHub, type LiveHub } from './support';

const AGENCY = '000.00.17.H57';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Counter {
  core: Core;
  admin: string;
  dataDir: string;
}

describe('the USB bundle carries the scanned pages', () => {
  const clock = runningClock();
  let backend: Backend;
  let hub: LiveHub;
  let proxy: LinkProxy;
  let filesDir: string;
  let desks = 0;
  const open: Core[] = [];

  const hubPath = (hash: string) => path.join(filesDir, 'sha256', hash.slice(0, 2), hash.slice(2));
  const call = <T = any>(c: Counter, name: string, input: unknown = {}) => rpcOk<T>(c.core, c.admin, name, input);

  async function counter(): Promise<Counter> {
    const dataDir = tempDir('motcua-usb-');
    const core = await openCore({ dataDir, clock });
    open.push(core);
    desks += 1;
    const { admin } = await initCounter(core, AGENCY, desks);
    const c = { core, admin, dataDir };
    await call(c, 'sync.enroll', { hubUrl: proxy.url, code: await enrollmentCode(hub, AGENCY) });
    return c;
  }

  async function reopen(c: Counter): Promise<Counter> {
    const core = await openCore({ dataDir: c.dataDir, clock });
    open.push(core);
    const login = (await core.dispatch('auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password }, { token: null })) as { ok: true; result: { token: string } };
    return { core, admin: login.result.token, dataDir: c.dataDir };
  }

  /** A dossier received at the counter; the newest dossier's id. */
  async function receive(c: Counter, name: string): Promise<string> {
    await call(c, 'dossiers.receive', receiveInput(name));
    return (c.core.db.$client.prepare('SELECT id FROM dossier ORDER BY rowid DESC LIMIT 1').get() as { id: string }).id;
  }

  const addPage = (c: Counter, dossierId: string, bytes: Buffer, seq: number) =>
    addScanPage(c.core, clock.now().toISOString(), { dossierId, bytes, seq, itemName: 'Tờ khai đăng ký khai sinh', source: 'scanner' });

  /** Closes the counter (the officer runs the CLI) and exports to a fresh "USB stick". */
  async function exportBundle(c: Counter): Promise<{ out: string; bundle: BundleFile }> {
    c.core.close();
    const out = path.join(tempDir('motcua-usb-stick-'), 'dong-bo.json');
    expect(await exportPendingCommand.run(['--data-dir', c.dataDir, '--out', out], { clock })).toBe(0);
    return { out, bundle: JSON.parse(fs.readFileSync(out, 'utf8')) as BundleFile };
  }

  const importJson = async (out: string) => {
    const res = await fetch(`${hub.url}/v1/admin/offline-bundles`, {
      method: 'POST',
      headers: { ...adminHeaders, 'content-type': 'application/json' },
      body: fs.readFileSync(out, 'utf8'),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { summary: Record<string, number>; files: { missing: string[]; refused: unknown[] } };
  };

  const sendFile = async (hash: string, bytes: Buffer) => {
    const res = await fetch(`${hub.url}${OFFLINE_BUNDLE_FILES_PATH}/${hash}`, {
      method: 'PUT',
      headers: { ...adminHeaders, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const carriedFile = (out: string, hash: string) => path.join(bundleFilesDir(out), ...bundleFileRelativePath(hash).split('/'));
  const stagedLeft = () => (fs.existsSync(path.join(filesDir, 'incoming')) ? fs.readdirSync(path.join(filesDir, 'incoming')).filter((f) => f.startsWith('usb-')) : []);
  const hubFileRows = async (hashes: string[]) => (await backend.database.db.select({ n: count() }).from(hubFile).where(inArray(hubFile.sha256, hashes)))[0]!.n;

  beforeAll(async () => {
    backend = await openBackend('postgresql');
    filesDir = tempDir('motcua-hub-files-');
    hub = await startLiveHub(backend, { clock, files: { dir: filesDir } });
    await backend.database.db.insert(commune).values([{ code: AGENCY, name: 'UBND xã Tân Lập' }]);
    proxy = await startLinkProxy({ host: '127.0.0.1', port: Number(new URL(hub.url).port) });
  }, 300_000);
  afterAll(async () => {
    for (const core of open) if (core.db.$client.open) core.close();
    await proxy?.close();
    await hub?.down();
    await backend?.dispose();
  });
  beforeEach(() => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('carries only the files the hub lacks; the hub stores them byte-identical, lists them, and a second import adds nothing', async () => {
    const c = await counter();
    // Online first: a dossier whose page tus delivers, which no bundle may carry again.
    const onlineDossier = await receive(c, 'Trần Văn Bình');
    const onlinePage = addPage(c, onlineDossier, randomBytes(40_000), 0);
    expect((await call<SyncStatus>(c, 'sync.now')).files.waiting).toBe(0);
    expect(c.core.db.$client.prepare('SELECT state FROM file_upload WHERE page_id = ?').get(onlinePage)).toEqual({ state: 'uploaded' });

    // Then the line is down for days: a dossier with two scanned pages never leaves the counter.
    const offlineDossier = await receive(c, 'Lê Thị Thu Hà');
    const pages = [randomBytes(300_000), randomBytes(1_200_000)];
    const pageIds = pages.map((bytes, seq) => addPage(c, offlineDossier, bytes, seq));
    const hashes = pages.map(sha256);

    const { out, bundle } = await exportBundle(c);
    expect(bundle.body.ops.map((o) => o.entityId)).toContain(offlineDossier);
    expect(bundle.body.pages?.map((p) => p.pageId)).toEqual(pageIds);
    expect(bundle.body.pages?.map((p) => p.sha256)).toEqual(hashes);
    // Each file beside the JSON, named by its hash; the page tus delivered is not carried.
    for (const hash of hashes) expect(sha256(fs.readFileSync(carriedFile(out, hash)))).toBe(hash);
    const carried = fs.readdirSync(bundleFilesDir(out), { recursive: true }).filter((f) => fs.statSync(path.join(bundleFilesDir(out), String(f))).isFile());
    expect(carried).toHaveLength(2);

    const imported = await importJson(out);
    expect(imported.summary.applied).toBe(bundle.body.ops.length);
    expect(imported.files).toEqual({ missing: hashes, refused: [] });
    for (const hash of hashes) {
      const sent = await sendFile(hash, fs.readFileSync(carriedFile(out, hash)));
      expect(sent).toMatchObject({ status: 200, body: { sha256: hash, stored: true } });
      expect(sha256(fs.readFileSync(hubPath(hash)))).toBe(hash);
      execFileSync('cmp', [carriedFile(out, hash), hubPath(hash)]);
    }
    expect(stagedLeft()).toEqual([]);
    const papers = await fetch(`${hub.url}/v1/admin/dossiers/${offlineDossier}/papers`, { headers: adminHeaders });
    expect(((await papers.json()) as { papers: unknown[] }).papers).toMatchObject([
      { pageId: pageIds[0], sha256: hashes[0], size: pages[0]!.length, itemName: 'Tờ khai đăng ký khai sinh', seq: 0, stored: true },
      { pageId: pageIds[1], sha256: hashes[1], size: pages[1]!.length, seq: 1, stored: true },
    ]);

    // The same stick carried in again: every op a duplicate, no file missing, nothing recorded twice.
    const again = await importJson(out);
    expect(again.summary).toMatchObject({ applied: 0, duplicate: bundle.body.ops.length });
    expect(again.files).toEqual({ missing: [], refused: [] });
    expect(await sendFile(hashes[0]!, fs.readFileSync(carriedFile(out, hashes[0]!)))).toMatchObject({ status: 200, body: { stored: false } });
    expect(await hubFileRows(hashes)).toBe(2);
    expect((await backend.database.db.select({ n: count() }).from(dossierPaper).where(eq(dossierPaper.dossierId, offlineDossier)))[0]!.n).toBe(2);

    // The line is back: the hub says it holds both files, so the counter counts them uploaded
    // without sending their 1.5 MB again.
    const back = await reopen(c);
    const before = proxy.bytesUp;
    const status = await call<SyncStatus>(back, 'sync.now');
    expect(status).toMatchObject({ pending: 0, lastError: null, files: { waiting: 0 } });
    expect(proxy.bytesUp - before).toBeLessThan(100_000);
    for (const pageId of pageIds) expect(back.core.db.$client.prepare('SELECT state FROM file_upload WHERE page_id = ?').get(pageId)).toEqual({ state: 'uploaded' });
    // And a bundle made now carries no page at all.
    const { bundle: later } = await exportBundle(back);
    expect(later.body.pages).toEqual([]);
  });

  it('refuses a file changed on the stick, with a Vietnamese message, recording nothing for it', async () => {
    const c = await counter();
    const dossierId = await receive(c, 'Phạm Đức Anh');
    const bytes = randomBytes(500_000);
    addPage(c, dossierId, bytes, 0);
    const hash = sha256(bytes);
    const { out } = await exportBundle(c);
    expect((await importJson(out)).files.missing).toEqual([hash]);

    const tampered = Buffer.from(fs.readFileSync(carriedFile(out, hash)));
    tampered[1234] = tampered[1234]! ^ 0x01;
    const refused = await sendFile(hash, tampered);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'hash_mismatch', message: expect.stringMatching(/không khớp mã băm đã ký.*Tỉnh không nhận tệp này/) });
    // Longer than the signed size: refused as soon as the bytes run past it.
    const longer = await sendFile(hash, Buffer.concat([bytes, Buffer.from('thêm')]));
    expect(longer).toMatchObject({ status: 422, body: { error: { code: 'hash_mismatch' } } });
    expect(await hubFileRows([hash])).toBe(0);
    expect(fs.existsSync(hubPath(hash))).toBe(false);
    expect(stagedLeft()).toEqual([]);
    const listed = await fetch(`${hub.url}/v1/admin/dossiers/${dossierId}/papers`, { headers: adminHeaders });
    expect(((await listed.json()) as { papers: unknown[] }).papers).toMatchObject([{ sha256: hash, stored: false }]);

    // The good copy is then taken.
    expect(await sendFile(hash, bytes)).toMatchObject({ status: 200, body: { stored: true } });
    execFileSync('cmp', [c.core.services.files.pathOf(hash), hubPath(hash)]);
  });

  it('takes no file that no bundle or claim named, and none without an administrator', async () => {
    const stray = randomBytes(1000);
    const unknown = await sendFile(sha256(stray), stray);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/nhập tệp đồng bộ/);
    const anonymous = await fetch(`${hub.url}${OFFLINE_BUNDLE_FILES_PATH}/${sha256(stray)}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(stray) });
    expect(anonymous.status).toBe(401);
    const badName = await fetch(`${hub.url}${OFFLINE_BUNDLE_FILES_PATH}/..%2F..%2Fetc%2Fpasswd`, { method: 'PUT', headers: { ...adminHeaders, 'content-type': 'application/octet-stream' }, body: new Uint8Array(stray) });
    expect(badName.status).toBe(400);
    expect(await hubFileRows([sha256(stray)])).toBe(0);
  });
});
