/**
 * The hub keeping papers in S3-compatible object storage: a real S3 server (s3rver) started by the
 * test, the hub's real S3 client, a real counter core over HTTP through the link proxy. Uploads
 * still stage on the hub's disk and resume there; a verified file goes to the bucket under its
 * hash and its staged copy goes only after the bucket holds it. With the bucket down, nothing is
 * acknowledged to the counter and nothing is lost; when it returns the same upload finishes.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '@shared/rpc/sync';
import { commune, hubFile } from '../../../src-server/db/schema';
import { runningClock } from '../../support/clock';
import { startLinkProxy, type LinkProxy } from '../../support/link-proxy';
import { startLocalS3, type LocalS3 } from '../../support/s3-server';
import { tempDir } from '../../support/web-host';
import { adminHeaders, openBackend, type Backend } from '../hub/harness';
import { PAGE_ITEM, paperCounters, type Counter } from './paper-counters';
import { startLiveHub, type LiveHub } from './support';

const AGENCY = '000.00.27.H56';
const CHUNK = 256 * 1024;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('papers kept in S3-compatible storage (s3rver), uploads resumed over a link that cuts', () => {
  const clock = runningClock();
  let backend: Backend;
  let s3: LocalS3;
  let hub: LiveHub;
  let proxy: LinkProxy;
  let filesDir: string;
  const logLines: Record<string, unknown>[] = [];
  const { call, counter, acknowledgedDossier, addPage, uploadRow, closeAll } = paperCounters({ clock, chunk: CHUNK, hub: () => hub, proxy: () => proxy });
  let first: Counter;
  const firstUpload = { dossierId: '', sha256: '' };

  /** The object's bytes as the bucket serves them, read with the hub's own S3 client. */
  async function objectBytes(hash: string): Promise<Buffer | null> {
    const stream = await s3.store.open(hash);
    if (!stream) return null;
    const chunks: Buffer[] = [];
    await pipeline(stream, new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c), done()) }));
    return Buffer.concat(chunks);
  }

  const incoming = () => path.join(filesDir, 'incoming');
  const stagedFiles = () => fs.readdirSync(incoming()).filter((f) => !f.endsWith('.json'));

  beforeAll(async () => {
    backend = await openBackend('postgresql');
    s3 = await startLocalS3();
    filesDir = tempDir('motcua-hub-s3-staging-');
    const stream = new Writable({ write: (line: Buffer, _e, done) => (logLines.push(JSON.parse(line.toString())), done()) });
    hub = await startLiveHub(backend, { clock, files: { dir: filesDir, store: s3.store }, logger: { level: 'warn', stream } });
    await backend.database.db.insert(commune).values([{ code: AGENCY, name: 'UBND xã Tân Phú' }]);
    proxy = await startLinkProxy({ host: '127.0.0.1', port: Number(new URL(hub.url).port) });
    first = await counter(AGENCY);
  }, 300_000);
  afterAll(async () => {
    closeAll();
    await proxy?.close();
    await hub?.down();
    s3?.store.close();
    await s3?.down();
    await backend?.dispose();
  });

  it('resumes after three cuts; the object in the bucket is byte-identical and the staged copy is gone', async () => {
    const dossierId = await acknowledgedDossier(first, 'Nguyễn Thị Hồng Đào');
    const bytes = randomBytes(3 * 1024 * 1024 + 77);
    const hash = sha256(bytes);
    const pageId = addPage(first, dossierId, bytes);

    const before = proxy.bytesUp;
    const cutsBefore = proxy.cuts;
    proxy.cutAfter([700_000, 1_500_000, 2_600_000]);
    const status = await call<SyncStatus>(first, 'sync.now');

    expect(proxy.cuts - cutsBefore).toBe(3);
    expect(status.lastError).toBeNull();
    expect(uploadRow(first, pageId)).toMatchObject({ state: 'uploaded', uploadUrl: null });
    expect(proxy.bytesUp - before - bytes.length).toBeLessThan(3 * CHUNK);
    const stored = await objectBytes(hash);
    expect(stored && sha256(stored)).toBe(hash);
    expect(stored!.equals(bytes)).toBe(true);
    expect(await s3.store.has(hash)).toBe(true);
    const [row] = await backend.database.db.select().from(hubFile).where(eq(hubFile.sha256, hash));
    expect(row).toMatchObject({ size: bytes.length, storage: 's3' });
    // Nothing of it is left on the hub's disk: not staged, and no filesystem store beside it.
    expect(stagedFiles()).toEqual([]);
    expect(fs.existsSync(path.join(filesDir, 'sha256'))).toBe(false);
    Object.assign(firstUpload, { dossierId, sha256: hash });
  });

  it('sends a file the bucket holds once: a second dossier naming it sends nothing but the claim', async () => {
    const second = await acknowledgedDossier(first, 'Trần Thị Bình');
    const pageId = addPage(first, second, (await objectBytes(firstUpload.sha256))!);
    const before = proxy.bytesUp;
    await call(first, 'sync.now');
    expect(uploadRow(first, pageId)).toMatchObject({ state: 'uploaded' });
    expect(proxy.bytesUp - before).toBeLessThan(20_000);
    expect(await backend.database.db.select().from(hubFile).where(eq(hubFile.sha256, firstUpload.sha256))).toHaveLength(1);
  });

  it("streams a dossier's paper from the bucket to the province's admin, byte-identical", async () => {
    const { status, body } = await hub.admin('GET', `/v1/admin/dossiers/${firstUpload.dossierId}/papers`);
    expect(status).toBe(200);
    expect(body.papers).toMatchObject([{ sha256: firstUpload.sha256, itemName: PAGE_ITEM, stored: true }]);
    const download = await fetch(`${hub.url}/v1/admin/papers/${firstUpload.sha256}`, { headers: adminHeaders });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(firstUpload.sha256);
    expect((await fetch(`${hub.url}/v1/admin/papers/${'0'.repeat(64)}`, { headers: adminHeaders })).status).toBe(404);
  });

  it('with the bucket down, acknowledges nothing and keeps the bytes; when it returns, the same upload finishes', async () => {
    const dossierId = await acknowledgedDossier(first, 'Lê Văn Cường');
    const bytes = randomBytes(900_000);
    const hash = sha256(bytes);
    const pageId = addPage(first, dossierId, bytes);
    await s3.down();
    logLines.length = 0;

    const outage = await first.core.dispatch('sync.now', {}, { token: first.admin });
    expect(outage.ok && (outage.result as SyncStatus).lastError).toBeTruthy();
    // Not acknowledged: the page stays pending with its upload kept, and the hub recorded nothing.
    const pending = uploadRow(first, pageId);
    expect(pending).toMatchObject({ state: 'pending' });
    expect(pending!.uploadUrl).toBeTruthy();
    expect(await backend.database.db.select().from(hubFile).where(eq(hubFile.sha256, hash))).toHaveLength(0);
    // Nothing lost: the whole verified file waits in staging.
    const staged = stagedFiles().map((f) => fs.readFileSync(path.join(incoming(), f)));
    expect(staged.map(sha256)).toContain(hash);
    expect(logLines.some((l) => l.level === 50 && String(l.msg).startsWith('paper store unavailable') && l.sha256 === hash)).toBe(true);
    // The admin page says the storage is down rather than failing blindly.
    const down = await fetch(`${hub.url}/v1/admin/papers/${firstUpload.sha256}`, { headers: adminHeaders });
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe('storage_unavailable');

    await s3.up();
    const before = proxy.bytesUp;
    const status = await call<SyncStatus>(first, 'sync.now');
    expect(status.lastError).toBeNull();
    expect(uploadRow(first, pageId)).toMatchObject({ state: 'uploaded' });
    // Finished from the staged copy: the file did not cross the link again.
    expect(proxy.bytesUp - before).toBeLessThan(CHUNK);
    const stored = await objectBytes(hash);
    expect(stored!.equals(bytes)).toBe(true);
    const [row] = await backend.database.db.select().from(hubFile).where(eq(hubFile.sha256, hash));
    expect(row).toMatchObject({ size: bytes.length, storage: 's3' });
    expect(stagedFiles()).toEqual([]);
  });
});
