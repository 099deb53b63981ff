/**
 * Đồng bộ's files panel in Chromium: a scanned page waits while the province is unreachable, then
 * goes up when it is back, with the page being sent and the bytes moving under the bandwidth cap
 * set on the same panel; at the end nothing waits and the hub holds the file.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { commune, hubFile } from '../../src-server/db/schema';
import { openBackend, type Backend } from '../integration/hub/harness';
import { enrollmentCode, receiveInput, startLiveHub, type LiveHub } from '../integration/sync/support';
import { launchChromium } from '../support/browser';
import { runningClock } from '../support/clock';
import { openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
import { SAMPLE_SETUP, startWebHost, tempDir, type WebHost } from '../support/web-host';

let backend: Backend;
let hub: LiveHub;
let host: WebHost;
let browser: Browser;
let counter: Counter;
let page: Page;

beforeAll(async () => {
  [backend, host, browser] = await Promise.all([openBackend('postgresql'), startWebHost(), launchChromium()]);
  hub = await startLiveHub(backend, { clock: runningClock(), files: { dir: tempDir('motcua-hub-files-') } });
  await backend.database.db.insert(commune).values([{ code: SAMPLE_SETUP.office.agencyCode, name: 'UBND xã Tân Lập' }]);
  counter = await setUpCounter(host.url);
  await counter.rpc('sync.enroll', { hubUrl: hub.url, code: await enrollmentCode(hub, SAMPLE_SETUP.office.agencyCode) });
  page = await openSignedIn(browser, host, counter.token);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await hub?.down();
  await backend?.dispose();
});

describe('Đồng bộ: the scanned papers on their way to the province', () => {
  it('shows a page waiting while the province is down, then the page being sent and nothing left', async () => {
    await hub.down();
    const dossier = await counter.rpc('dossiers.receive', receiveInput('Hoàng Văn Sơn'));
    // A noisy gray page compresses poorly: large enough to watch it go up under the cap.
    const png = await sharp(randomBytes(420 * 594), { raw: { width: 420, height: 594, channels: 1 } }).png().toBuffer();
    const uploadId = randomUUID();
    await counter.rpc('scans.uploadPart', { uploadId, offset: 0, data: png.toString('base64') });
    const added = await counter.rpc('scans.addUpload', {
      batch: randomUUID(),
      dossierId: dossier.id,
      role: 'document',
      item: { position: 0, name: 'Tờ khai thay đổi thông tin cư trú' },
      uploadId,
      source: 'upload',
    });
    const { sha256, size } = added.pages[0] as { sha256: string; size: number };

    await page.keyboard.press('Alt+7');
    const files = page.getByTestId('sync-files');
    await files.waitFor();
    await poll(() => page.getByTestId('sync-files-waiting').textContent()).toBe('1');
    expect(await page.getByTestId('sync-files-current').textContent()).toBe('Không có');

    // About six seconds for the page at the cap, set on the panel as an administrator does.
    const kbps = Math.max(8, Math.round((size * 8) / 1000 / 6));
    await files.getByLabel('Giới hạn tốc độ gửi tệp (kbit/giây)').fill(String(kbps));
    await files.getByRole('button', { name: 'Lưu giới hạn' }).click();
    await page.getByText('Đã lưu giới hạn tốc độ gửi tệp').waitFor();

    await hub.up();
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect.poll(() => page.getByTestId('sync-files-current').textContent(), { timeout: 30_000, interval: 100 }).toContain('Tờ khai thay đổi thông tin cư trú — hồ sơ');
    expect(await page.getByTestId('sync-files-bytes').textContent()).toMatch(/^[\d,]+ KB \/ [\d,]+ KB$/);
    expect(await files.getByRole('progressbar').count()).toBe(1);

    await expect.poll(() => page.getByTestId('sync-files-waiting').textContent(), { timeout: 60_000, interval: 100 }).toBe('0');
    await poll(() => page.getByTestId('sync-files-current').textContent()).toBe('Không có');
    const stored = await backend.database.db.select().from(hubFile).where(eq(hubFile.sha256, sha256));
    expect(stored).toMatchObject([{ size }]);
  }, 180_000);
});
