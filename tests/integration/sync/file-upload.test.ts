/**
 * Scanned pages going up to the hub through tus over a bad link: a real counter core (SQLite, its
 * FileStore) and a real hub (PGlite, files on disk) over HTTP on 127.0.0.1 through a proxy that
 * cuts the connection, damages a byte, or stands in for another commune. The hub's copy must be
 * byte-identical (SHA-256 and cmp), a cut must cost at most the bytes in flight, a restart must
 * resume from the hub's offset, and a file must go up once however many dossiers name it.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { Upload } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_CLAIM_PATH, FILES_TUS_PATH } from '@shared/sync/files';
import type { SyncStatus } from '@shared/rpc/sync';
import { openCore } from '../../../src-main/core/core';
import { commune, dossierPaper, hubFile } from '../../../src-server/db/schema';
import { runningClock } from '../../support/clock';
import { startLinkProxy, type LinkProxy } from '../../support/link-proxy';
import { tempDir } from '../../support/web-host';
import { adminHeaders, openBackend, type Backend } from '../hub/harness';
import { PAGE_ITEM, paperCounters, type Counter } from './paper-counters';
import { startLiveHub, type LiveHub } from './support';

const AGENCY = '000.00.17.H56';
const OTHER_AGENCY = '000.00.18.H56';
const CHUNK = 256 * 1024;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('files up to the hub through tus, over a link that cuts and damages', () => {
  const clock = runningClock();
  let backend: Backend;
  let hub: LiveHub;
  let proxy: LinkProxy;
  let filesDir: string;
  const { counters, call, counter, acknowledgedDossier, addPage, uploadRow, closeAll } = paperCounters({ clock, chunk: CHUNK, hub: () => hub, proxy: () => proxy });
  /** The first test's dossier and file, for the admin page's view at the end. */
  const firstUpload = { dossierId: '', sha256: '' };

  /** A counter with a data folder of its own (to reopen it) and an acknowledged dossier with one page of `size` random bytes. */
  async function counterWithPage(folder: string, applicant: string, size: number) {
    const dataDir = tempDir(folder);
    const c = await counter(AGENCY, dataDir);
    const bytes = randomBytes(size);
    const pageId = addPage(c, await acknowledgedDossier(c, applicant), bytes);
    return { dataDir, c, bytes, pageId };
  }

  const hubPath = (hash: string) => path.join(filesDir, 'sha256', hash.slice(0, 2), hash.slice(2));

  const expectHubCopyIdentical = (c: Counter, hash: string) => {
    const hubCopy = hubPath(hash);
    expect(sha256(fs.readFileSync(hubCopy))).toBe(hash);
    // cmp exits non-zero (and execFileSync throws) on the first differing byte.
    execFileSync('cmp', [c.core.services.files.pathOf(hash), hubCopy]);
  };

  beforeAll(async () => {
    backend = await openBackend('postgresql');
    filesDir = tempDir('motcua-hub-files-');
    hub = await startLiveHub(backend, { clock, files: { dir: filesDir } });
    await backend.database.db.insert(commune).values([
      { code: AGENCY, name: 'UBND xã Tân Lập' },
      { code: OTHER_AGENCY, name: 'UBND xã Tân Hòa' },
    ]);
    proxy = await startLinkProxy({ host: '127.0.0.1', port: Number(new URL(hub.url).port) });
  }, 300_000);
  afterAll(async () => {
    closeAll();
    await proxy?.close();
    await hub?.down();
    await backend?.dispose();
  });

  it('resumes after three cuts from the hub offset, and the hub copy is byte-identical', async () => {
    const c = await counter(AGENCY);
    const dossierId = await acknowledgedDossier(c, 'Nguyễn Thị Hồng Đào');
    const bytes = randomBytes(3 * 1024 * 1024 + 123);
    const pageId = addPage(c, dossierId, bytes);
    expect((await call<SyncStatus>(c, 'sync.status')).files.waiting).toBe(1);

    const before = proxy.bytesUp;
    const cutsBefore = proxy.cuts;
    proxy.cutAfter([700_000, 1_500_000, 2_600_000]);
    const status = await call<SyncStatus>(c, 'sync.now');

    expect(proxy.cuts - cutsBefore).toBe(3);
    expect(status.lastError).toBeNull();
    expect(status.files).toMatchObject({ waiting: 0, current: null });
    expect(uploadRow(c, pageId)).toMatchObject({ state: 'uploaded', uploadUrl: null });
    expectHubCopyIdentical(c, sha256(bytes));
    // Resumed, not restarted: beyond the file and a few kB of requests, at most the bytes in
    // flight at each cut were sent twice (well under one chunk per cut).
    const resent = proxy.bytesUp - before - bytes.length;
    expect(resent).toBeLessThan(3 * CHUNK);
    const [stored] = await backend.database.db.select().from(hubFile).where(eq(hubFile.sha256, sha256(bytes)));
    expect(stored).toMatchObject({ size: bytes.length, storage: 'fs' });
    const papers = await backend.database.db.select().from(dossierPaper).where(eq(dossierPaper.dossierId, dossierId));
    expect(papers).toMatchObject([{ pageId, sha256: sha256(bytes), itemName: PAGE_ITEM }]);
    Object.assign(firstUpload, { dossierId, sha256: sha256(bytes) });
  });

  it('after a cut with no retry left and a restart of the counter, resumes from the hub offset', async () => {
    const page = await counterWithPage('motcua-files-restart-', 'Đỗ Đức Dũng', 2 * 1024 * 1024);
    const { dataDir, bytes, pageId } = page;
    let { c } = page;
    c.core.close();
    counters.splice(counters.indexOf(c), 1);
    // A counter that does not retry: the cut ends the pass with the upload half done.
    const noRetry = await openCore({ dataDir, clock, sync: { fileChunkSize: CHUNK, fileRetryDelays: [] } });
    const before = proxy.bytesUp;
    proxy.cutAfter([1_200_000]);
    const failed = await noRetry.dispatch('sync.now', {}, { token: c.admin });
    expect(failed.ok && (failed.result as SyncStatus).lastError?.code).toBe('network');
    const half = uploadRow({ core: noRetry, admin: c.admin, dataDir }, pageId);
    expect(half).toMatchObject({ state: 'pending' });
    expect(half!.uploadUrl).toContain(FILES_TUS_PATH);
    noRetry.close();

    c = { core: await openCore({ dataDir, clock, sync: { fileChunkSize: CHUNK } }), admin: c.admin, dataDir };
    counters.push(c);
    const status = await call<SyncStatus>(c, 'sync.now');
    expect(status.lastError).toBeNull();
    expect(uploadRow(c, pageId)).toMatchObject({ state: 'uploaded' });
    expectHubCopyIdentical(c, sha256(bytes));
    expect(proxy.bytesUp - before - bytes.length).toBeLessThan(CHUNK);
  });

  it('stopping sync, as core does before it closes the database, ends the upload in flight at once; the next start resumes', async () => {
    const page = await counterWithPage('motcua-files-close-', 'Lê Thị Thu Hà', 2 * 1024 * 1024);
    const { dataDir, bytes, pageId } = page;
    let { c } = page;
    const before = proxy.bytesUp;
    // A slow line (50 kB/s, some 40 s for the page) with nothing in the counter limiting it.
    proxy.setBytesPerSecond(50_000);
    try {
      const pass = call<SyncStatus>(c, 'sync.now');
      while (proxy.bytesUp - before < 100_000) await new Promise((r) => setTimeout(r, 50));

      // core.close() stops sync, then closes the database. The stop alone, with the database
      // still open, must end the upload: once the database is closed, nothing may still be
      // writing to it, and the host's exit must not wait out a page on ADSL.
      c.core.services.sync.stop();
      await pass;
      await new Promise((r) => setTimeout(r, 100));
      const atStop = proxy.bytesUp;
      // Nothing more goes up: at the line's rate, half a second would carry 25 kB.
      await new Promise((r) => setTimeout(r, 500));
      expect(proxy.bytesUp).toBe(atStop);
      expect(atStop - before).toBeLessThan(bytes.length);
    } finally {
      proxy.setBytesPerSecond(null);
    }
    c.core.close();
    counters.splice(counters.indexOf(c), 1);

    c = { core: await openCore({ dataDir, clock, sync: { fileChunkSize: CHUNK } }), admin: c.admin, dataDir };
    counters.push(c);
    const half = uploadRow(c, pageId);
    expect(half).toMatchObject({ state: 'pending' });
    expect(half!.uploadUrl).toContain(FILES_TUS_PATH);
    const status = await call<SyncStatus>(c, 'sync.now');
    expect(status.lastError).toBeNull();
    expect(uploadRow(c, pageId)).toMatchObject({ state: 'uploaded' });
    expectHubCopyIdentical(c, sha256(bytes));
    // Resumed: the bytes before the close were not sent again.
    expect(proxy.bytesUp - before - bytes.length).toBeLessThan(CHUNK);
  });

  it('sends a file once: a second dossier and a second counter naming it send nothing but the claim', async () => {
    const [first] = counters;
    const bytes = randomBytes(600_000);
    addPage(first!, await acknowledgedDossier(first!, 'Trần Văn An'), bytes);
    await call(first!, 'sync.now');
    expectHubCopyIdentical(first!, sha256(bytes));

    const secondDossier = await acknowledgedDossier(first!, 'Trần Thị Bình');
    const samePage = addPage(first!, secondDossier, bytes);
    let before = proxy.bytesUp;
    await call(first!, 'sync.now');
    expect(uploadRow(first!, samePage)).toMatchObject({ state: 'uploaded' });
    expect(proxy.bytesUp - before).toBeLessThan(20_000);

    const other = await counter(AGENCY);
    const otherPage = addPage(other, await acknowledgedDossier(other, 'Lê Văn Cường'), bytes);
    before = proxy.bytesUp;
    await call(other, 'sync.now');
    expect(uploadRow(other, otherPage)).toMatchObject({ state: 'uploaded' });
    expect(proxy.bytesUp - before).toBeLessThan(20_000);
    const papers = await backend.database.db.select().from(dossierPaper).where(eq(dossierPaper.sha256, sha256(bytes)));
    expect(papers).toHaveLength(3);
  });

  it("refuses a device of another commune, for the claim and for the upload", async () => {
    const [own] = counters;
    const ownDossier = await acknowledgedDossier(own!, 'Phạm Thị Dung');
    const bytes = randomBytes(100_000);
    addPage(own!, ownDossier, bytes);
    await call(own!, 'sync.now');

    const stranger = await counter(OTHER_AGENCY);
    const token = fs.readFileSync(path.join(stranger.dataDir, 'secrets', 'device-token'), 'utf8');
    const { deviceId } = JSON.parse(
      (stranger.core.db.$client.prepare("SELECT value FROM sync_meta WHERE key = 'enrollment'").get() as { value: string }).value,
    ) as { deviceId: string };
    const page = { pageId: randomUUID(), dossierId: ownDossier, sha256: sha256(randomBytes(8)), size: 8, role: 'document', itemPosition: 0, itemName: 'Giấy tờ', seq: 0 };
    const claim = await fetch(`${hub.url}${FILES_CLAIM_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId, pages: [page] }),
    });
    expect(claim.status).toBe(200);
    const answer = (await claim.json()) as { missing: string[]; refused: { pageId: string; code: string }[] };
    expect(answer).toMatchObject({ missing: [], refused: [{ pageId: page.pageId, code: 'forbidden' }] });

    // Even naming a file the other commune did claim, the upload is refused before a byte is taken.
    const error = await new Promise<unknown>((resolve) => {
      new Upload(Buffer.from('không phải của xã này'), {
        endpoint: `${hub.url}${FILES_TUS_PATH}`,
        metadata: { sha256: sha256(bytes), dossierId: ownDossier },
        headers: { authorization: `Bearer ${token}` },
        retryDelays: [],
        onSuccess: () => resolve(null),
        onError: resolve,
      }).start();
    });
    expect((error as { originalResponse?: { getStatus(): number } }).originalResponse?.getStatus()).toBe(403);
    const papers = await backend.database.db.select().from(dossierPaper).where(eq(dossierPaper.pageId, page.pageId));
    expect(papers).toHaveLength(0);
  });

  it('discards an upload damaged on the way (hash mismatch) and sends the file again', async () => {
    const [c] = counters;
    const dossierId = await acknowledgedDossier(c!, 'Hoàng Văn Em');
    const bytes = randomBytes(900_000);
    const pageId = addPage(c!, dossierId, bytes);
    // Past the claim and the tus POST, inside the file's bytes.
    const before = proxy.bytesUp;
    proxy.corruptAfter(400_000);
    const status = await call<SyncStatus>(c!, 'sync.now');
    expect(status.lastError).toBeNull();
    expect(uploadRow(c!, pageId)).toMatchObject({ state: 'uploaded' });
    // Sent twice: the damaged copy was refused by its hash, then the file went again whole.
    expect(proxy.bytesUp - before).toBeGreaterThan(2 * bytes.length);
    expectHubCopyIdentical(c!, sha256(bytes));
    const [stored] = await backend.database.db.select().from(hubFile).where(eq(hubFile.sha256, sha256(bytes)));
    expect(stored).toMatchObject({ size: bytes.length });
    // Nothing in the staging folder keeps the damaged bytes: every staged file hashes to a stored one.
    const incoming = path.join(filesDir, 'incoming');
    const staged = fs.readdirSync(incoming).filter((f) => !f.endsWith('.json'));
    const held = new Set((await backend.database.db.select({ sha256: hubFile.sha256 }).from(hubFile)).map((r) => r.sha256));
    for (const f of staged) expect(held.has(sha256(fs.readFileSync(path.join(incoming, f))))).toBe(true);
  });

  it("lists a dossier's papers for the province's admin and downloads each one byte-identical", async () => {
    const { status, body } = await hub.admin('GET', `/v1/admin/dossiers/${firstUpload.dossierId}/papers`);
    expect(status).toBe(200);
    expect(body.papers).toMatchObject([{ sha256: firstUpload.sha256, itemName: PAGE_ITEM, stored: true, role: 'document' }]);
    const download = await fetch(`${hub.url}/v1/admin/papers/${firstUpload.sha256}`, { headers: adminHeaders });
    expect(download.status).toBe(200);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(firstUpload.sha256);
    // Only an administrator: a device token or no credentials get nothing.
    expect((await fetch(`${hub.url}/v1/admin/papers/${firstUpload.sha256}`)).status).toBe(401);
    expect((await fetch(`${hub.url}/v1/admin/papers/${'0'.repeat(64)}`, { headers: adminHeaders })).status).toBe(404);
  });
});
