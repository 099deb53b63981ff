/**
 * Tệp đồng bộ USB on the province admin page, in Chromium, against a hub on PostgreSQL with files:
 * a counter's export (the CLI, a real core) is picked as a folder; the ops and pages are imported,
 * the good file is taken, a file changed on the stick is refused with the hub's Vietnamese reason
 * and recorded nowhere; the same folder picked again once the file is put right takes only it.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleFileRelativePath, bundleFilesDir } from '@shared/sync/offline-bundle';
import { exportPendingCommand } from '../../../src-main/cli/export-pending';
import { openCore } from '../../../src-main/core/core';
import { commune, hubFile } from '../../../src-server/db/schema';
import { DEFAULT_ADMIN_UI_DIR } from '../../../src-server/routes/admin-page';
import { artifactPath, launchChromium } from '../../support/browser';
import { runningClock } from '../../support/clock';
import { poll, REDUCED_MOTION } from '../../support/counter';
import { tempDir } from '../../support/web-host';
import { ADMIN, openBackend, type Backend } from '../hub/harness';
import { addScanPage, enrollmentCode, initCounter, receiveInput, rpcOk, startLiveHub, type LiveHub } from '../sync/support';

const AGENCY = '000.00.17.H58';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let backend: Backend;
let hub: LiveHub;
let browser: Browser;
let stick: string;
let hashes: string[];
let good: Buffer;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DEFAULT_ADMIN_UI_DIR, 'index.html'))) throw new Error('dist/hub-admin is not built: run the tests without SKIP_RENDERER_BUILD=1');
  const clock = runningClock();
  [backend, browser] = await Promise.all([openBackend('postgresql'), launchChromium()]);
  hub = await startLiveHub(backend, { clock, files: { dir: tempDir('motcua-hub-files-') } });
  await backend.database.db.insert(commune).values([{ code: AGENCY, name: 'UBND xã Tân Lập' }]);

  // A counter enrolled while the line was up, then cut off: one dossier with two scanned pages.
  const dataDir = tempDir('motcua-usb-ui-');
  const core = await openCore({ dataDir, clock });
  const { admin } = await initCounter(core, AGENCY, 1);
  await rpcOk(core, admin, 'sync.enroll', { hubUrl: hub.url, code: await enrollmentCode(hub, AGENCY) });
  await rpcOk(core, admin, 'dossiers.receive', receiveInput('Đỗ Thị Minh Châu'));
  const { id: dossierId } = core.db.$client.prepare('SELECT id FROM dossier ORDER BY rowid DESC LIMIT 1').get() as { id: string };
  const pages = [randomBytes(200_000), randomBytes(350_000)];
  for (const [seq, bytes] of pages.entries()) addScanPage(core, clock.now().toISOString(), { dossierId, bytes, seq, itemName: 'Giấy chứng sinh', source: 'scanner' });
  core.close();
  hashes = pages.map(sha256);
  good = pages[1]!;

  stick = path.join(tempDir('motcua-usb-stick-'), 'USB');
  fs.mkdirSync(stick);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  expect(await exportPendingCommand.run(['--data-dir', dataDir, '--out', path.join(stick, 'dong-bo.json')], { clock })).toBe(0);
  log.mockRestore();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await hub?.down();
  await backend?.dispose();
});

const carried = (hash: string) => path.join(bundleFilesDir(path.join(stick, 'dong-bo.json')), ...bundleFileRelativePath(hash).split('/'));
const held = async () => (await backend.database.db.select({ sha256: hubFile.sha256 }).from(hubFile).where(inArray(hubFile.sha256, hashes))).map((r) => r.sha256).sort();

async function pickStick(page: Page) {
  await page.getByTestId('usb-bundle-folder').setInputFiles(stick);
}

describe('Tệp đồng bộ USB on the province admin page', () => {
  it('imports a folder, takes the good file, refuses a changed one with its reason, and takes it once put right', async () => {
    // One byte of the second page changed on the stick.
    const changed = Buffer.from(good);
    changed[777] = changed[777]! ^ 0x10;
    fs.writeFileSync(carried(hashes[1]!), changed);

    // A province office's laptop: the whole menu shows on its own line.
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, ...REDUCED_MOTION });
    page.setDefaultTimeout(20_000);
    await page.goto(`${hub.url}/admin`);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('menuitem', { name: 'Chữ ký số' }).waitFor();
    await page.getByRole('menuitem', { name: 'Nhập từ USB' }).click();
    await page.getByRole('button', { name: 'Chọn thư mục trên USB' }).waitFor();

    await pickStick(page);
    const run = page.getByTestId('usb-bundle-run');
    await poll(() => run.textContent()).toContain('Đã nhận 1/2 tệp tỉnh còn thiếu');
    // The page sends the two files one after the other, in the order the hub lists them: when the
    // good one goes first, "1/2" shows while the changed one is still on its way.
    await poll(() => run.textContent()).toContain('Bị từ chối');
    const text = (await run.textContent()) ?? '';
    expect(text).toContain('Tệp đồng bộ dong-bo.json');
    expect(text).toContain('2 mới ghi nhận, 0 đã có từ trước');
    expect(text).toContain('Bị từ chối');
    expect(text).toContain('không khớp mã băm đã ký');
    expect(text).not.toMatch(/hash_mismatch|undefined|NaN/);
    expect(await held()).toEqual([hashes[0]]);
    await page.screenshot({ path: artifactPath('hub-admin-usb-bundle.png'), fullPage: true, animations: 'disabled' });

    // The right copy put back on the stick: the same folder again takes only that file.
    fs.writeFileSync(carried(hashes[1]!), good);
    await pickStick(page);
    await poll(() => run.textContent()).toContain('Đã nhận 1/1 tệp tỉnh còn thiếu');
    expect(await run.textContent()).toContain('0 mới ghi nhận, 2 đã có từ trước');
    expect(await held()).toEqual([...hashes].sort());

    // A third time: nothing left to take.
    await pickStick(page);
    await poll(() => run.textContent()).toContain('Tỉnh đã có đủ, không cần nhận thêm');
    expect(await held()).toHaveLength(2);
  });
});
