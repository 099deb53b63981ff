/**
 * Số hóa at the counter in Chromium against the web host: pages of a checklist item from the file
 * chooser, drag-and-drop, SANE's test backend, the scan folder and the (fake) camera; thumbnails
 * rotated, reordered and deleted; a bad file refused in Vietnamese with nothing added; the pages
 * bound to the dossier by the receipt itself; the papers offered again for the same ID number.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockingViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
import { startWebHost, tempDir, type WebHost } from '../support/web-host';

// Scanning through SANE takes seconds on a loaded machine: wait on what the officer sees.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

let host: WebHost;
let browser: Browser;
let counter: Counter;
let page: Page;
/** The dossier received from the screen, with its scanned pages. */
let received: { id: string; code: string };

const ID_NUMBER = '038186001234';
const PROCEDURE = /2\.000815/;

/** SANE with only its `test` backend listed: a real SANE device that writes real images. */
function saneTestConfig(): string {
  const dir = tempDir('sane-test-');
  fs.writeFileSync(path.join(dir, 'dll.conf'), 'test\n');
  fs.copyFileSync('/etc/sane.d/test.conf', path.join(dir, 'test.conf'));
  return dir;
}

/** A gray A5-ish page with a few lines, as a phone photo or a scan would be. */
async function paperImage(format: 'png' | 'jpeg', label: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="620" height="877"><rect width="100%" height="100%" fill="#fff"/><text x="40" y="80" font-size="36" font-family="sans-serif">${label}</text></svg>`;
  const img = sharp(Buffer.from(svg)).grayscale();
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 85 }).toBuffer();
}

beforeAll(async () => {
  [host, browser] = await Promise.all([
    startWebHost({ env: { SANE_CONFIG_DIR: saneTestConfig() } }),
    launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']),
  ]);
  counter = await setUpCounter(host.url);
  page = await openSignedIn(browser, host, counter.token);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function newForm(p: Page, idNumber?: string) {
  await p.keyboard.press('F2');
  // A half-filled form is only dropped after the question (its scanned pages stay in their batch).
  const discard = p.getByRole('button', { name: 'Bỏ và nhập mới', exact: true });
  const name = p.getByLabel('Họ và tên');
  await poll(async () => (await discard.isVisible()) || (await name.isVisible() && (await name.inputValue()) === '')).toBe(true);
  if (await discard.isVisible()) {
    await discard.click();
    await poll(async () => (await name.inputValue()) === '').toBe(true);
  }
  await p.getByLabel('Họ và tên').fill('Nguyễn Thị Hồng Đào');
  if (idNumber) await p.getByLabel('Số định danh cá nhân').fill(idNumber);
  const picker = p.getByTestId('intake').getByRole('combobox', { name: 'Thủ tục hành chính' });
  await picker.click();
  await picker.pressSequentially('chung thuc ban sao', { delay: 10 });
  await p.locator('.ant-select-item-option').filter({ hasText: PROCEDURE }).first().click();
  await p.getByTestId('scan-panel').first().waitFor();
}

const firstPanel = () => page.getByTestId('scan-panel').first();
const thumbs = (panel: Locator) => panel.getByTestId('scan-page');
const pageIds = (panel: Locator) => thumbs(panel).evaluateAll((els) => els.map((e) => e.getAttribute('data-page-id')));

describe('số hóa at Tiếp nhận', () => {
  it('adds pages from the file chooser and by drag-and-drop, with thumbnails, and the count fills Số trang', async () => {
    await newForm(page, ID_NUMBER);
    const panel = firstPanel();
    const chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Chọn tệp', exact: true }).click();
    await (await chooser).setFiles([
      { name: 'trang-1.png', mimeType: 'image/png', buffer: await paperImage('png', 'Trang một') },
      { name: 'trang-2.png', mimeType: 'image/png', buffer: await paperImage('png', 'Trang hai') },
    ]);
    await poll(() => thumbs(panel).count()).toBe(2);
    await poll(() => panel.getByTestId('scan-count').textContent()).toBe('2 trang');
    // The thumbnails are core's PNGs, drawn.
    await poll(() => panel.locator('img.scan-thumb-img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0 && (i as HTMLImageElement).src.startsWith('data:image/png')))).toEqual([true, true]);

    const jpeg = [...(await paperImage('jpeg', 'Trang ba'))];
    const dataTransfer = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'anh-chup.jpg', { type: 'image/jpeg' }));
      return dt;
    }, jpeg);
    await panel.dispatchEvent('dragover', { dataTransfer });
    await panel.dispatchEvent('drop', { dataTransfer });
    await poll(() => thumbs(panel).count()).toBe(3);
    // Chứng thực charges per page: the scanned count is the page count of the fee.
    await poll(() => page.getByLabel('Số trang mỗi bản').inputValue()).toBe('3');
    expect(await page.getByTestId('fee-total').textContent()).toBe('5.000 đ');
  });

  it('rotates, reorders (by button and by keyboard) and deletes a page only after confirming', async () => {
    const panel = firstPanel();
    const [a, b, c] = await pageIds(panel);
    await panel.getByRole('button', { name: 'Xoay phải Trang 1', exact: true }).click();
    await poll(() => thumbs(panel).first().getAttribute('data-rotation')).toBe('90');

    await panel.getByRole('button', { name: 'Chuyển ra sau Trang 1', exact: true }).click();
    await poll(() => pageIds(panel)).toEqual([b, a, c]);
    // Alt+← on a focused thumbnail moves it earlier.
    await thumbs(panel).nth(2).locator('.scan-thumb-frame').focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await poll(() => pageIds(panel)).toEqual([b, c, a]);

    await panel.getByRole('button', { name: 'Xóa trang Trang 2', exact: true }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Xóa trang 2' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Giữ lại', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await pageIds(panel)).toEqual([b, c, a]);
    await panel.getByRole('button', { name: 'Xóa trang Trang 2', exact: true }).click();
    await page.getByRole('dialog').filter({ hasText: 'Xóa trang 2' }).getByRole('button', { name: 'Xóa trang', exact: true }).click();
    await poll(() => pageIds(panel)).toEqual([b, a]);
    await poll(() => page.getByLabel('Số trang mỗi bản').inputValue()).toBe('2');
    const batch = (await page.getByTestId('intake-scans').getAttribute('data-batch'))!;
    const stored = (await counter.rpc('scans.list', { batch })).pages;
    expect(stored.map((p: { id: string; rotation: number }) => [p.id, p.rotation])).toEqual([
      [b, 0],
      [a, 90],
    ]);
    // Moving after a delete (seq numbers now have a gap) still moves by position.
    await panel.getByRole('button', { name: 'Chuyển lên trước Trang 2', exact: true }).click();
    await poll(() => pageIds(panel)).toEqual([a, b]);
  });

  it('says why a bad file is refused, keeps saying it, and adds nothing', async () => {
    const panel = firstPanel();
    const chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Chọn tệp', exact: true }).click();
    await (await chooser).setFiles([
      { name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!DOCTYPE html><html><body>Đăng nhập</body></html>') },
      { name: 'rong.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
    ]);
    const problems = panel.getByTestId('scan-problem');
    await poll(() => problems.count()).toBe(2);
    expect(await problems.nth(0).textContent()).toContain('giay-khai-sinh.pdf: Tệp này là một trang web (HTML)');
    expect(await problems.nth(1).textContent()).toContain('rong.png: Tệp rỗng (0 byte)');
    expect(await thumbs(panel).count()).toBe(2);
    const batch = (await page.getByTestId('intake-scans').getAttribute('data-batch'))!;
    expect((await counter.rpc('scans.list', { batch })).pages).toHaveLength(2);
    await problems.nth(0).getByRole('button', { name: 'Đóng thông báo', exact: true }).click();
    await poll(() => problems.count()).toBe(1);
  });

  it('every button of the panel is reachable with Tab, and axe finds nothing critical or serious', async () => {
    const panel = firstPanel();
    const names = ['Chọn tệp', 'Quét', 'Lấy từ thư mục quét', 'Chụp ảnh'];
    await panel.getByRole('button', { name: names[0], exact: true }).focus();
    for (const name of names.slice(1)) {
      await page.keyboard.press('Tab');
      await poll(() => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')).toBe(name);
    }
    const unreachable = await panel.locator('button').evaluateAll((els) => els.filter((e) => (e as HTMLButtonElement).tabIndex < 0).map((e) => e.getAttribute('aria-label') ?? e.textContent));
    expect(unreachable).toEqual([]);
    expect(await blockingViolations(page)).toEqual([]);
  });

  it('the receipt itself binds the pages to the dossier (F9)', async () => {
    const batch = (await page.getByTestId('intake-scans').getAttribute('data-batch'))!;
    await page.keyboard.press('F9');
    await page.getByTestId('pdf-frame').waitFor();
    const code = (await page.getByTestId('intake-code').textContent())!;
    const dossier = await counter.rpc('dossiers.get', { code });
    expect(dossier.pages).toBe(2);
    received = { id: dossier.id, code };
    const bound = (await counter.rpc('scans.list', { dossierId: dossier.id })).pages;
    expect(bound.map((p: { batch: string; itemName: string }) => [p.batch, p.itemName])).toEqual([
      [batch, bound[0].itemName],
      [batch, bound[0].itemName],
    ]);
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng', exact: true }).click();
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
    // The next form starts a new batch with no pages.
    await poll(async () => (await page.getByTestId('intake-scans').count()) === 0 || (await page.getByTestId('intake-scans').getAttribute('data-batch')) !== batch).toBe(true);
  });

  it('scans a page from SANE\'s test backend, chosen in the list', async () => {
    await newForm(page);
    const panel = firstPanel();
    await panel.getByRole('button', { name: 'Quét', exact: true }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Máy quét' });
    await poll(() => dialog.getByRole('combobox', { name: 'Máy quét' }).count()).toBe(1);
    await poll(() => dialog.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toContain('test:0');
    await dialog.getByRole('button', { name: 'Quét trang', exact: true }).click();
    await dialog.getByTestId('scanner-done').waitFor({ timeout: 90_000 });
    expect(await dialog.getByTestId('scanner-done').textContent()).toBe('Đã thêm 1 trang');
    await dialog.getByRole('button', { name: 'Xong', exact: true }).click();
    await poll(() => thumbs(panel).count()).toBe(1);
    const batch = (await page.getByTestId('intake-scans').getAttribute('data-batch'))!;
    expect((await counter.rpc('scans.list', { batch })).pages.map((p: { source: string }) => p.source)).toEqual(['scanner']);
  });

  it('takes the files a scanner saved into the scan folder', async () => {
    const inbox = (await counter.rpc('scans.folder', {})).dir as string;
    fs.writeFileSync(path.join(inbox, 'scan-0001.png'), await paperImage('png', 'Thư mục quét'));
    const panel = firstPanel();
    await panel.getByRole('button', { name: 'Lấy từ thư mục quét', exact: true }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Thư mục quét' });
    await poll(() => dialog.getByTestId('folder-file').count()).toBe(1);
    expect(await dialog.getByTestId('folder-file').textContent()).toContain('scan-0001.png');
    await dialog.getByRole('button', { name: 'Lấy 1 tệp', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => thumbs(panel).count()).toBe(2);
    expect(fs.existsSync(path.join(inbox, 'scan-0001.png'))).toBe(false);
  });

  it('captures a page with the camera', async () => {
    const panel = firstPanel();
    await panel.getByRole('button', { name: 'Chụp ảnh', exact: true }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Chụp ảnh' });
    const capture = dialog.getByRole('button', { name: 'Chụp', exact: true });
    await poll(() => capture.isEnabled()).toBe(true);
    await capture.click();
    await dialog.getByTestId('camera-done').waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Xong', exact: true }).click();
    await poll(() => thumbs(panel).count()).toBe(3);
    const batch = (await page.getByTestId('intake-scans').getAttribute('data-batch'))!;
    expect((await counter.rpc('scans.list', { batch })).pages.map((p: { source: string }) => p.source)).toEqual(['scanner', 'folder', 'camera']);
  });

  it('attaches the scanned result at Trả kết quả; the drawer lists the papers, opens them, and removes a page only with a reason', async () => {
    for (const action of ['startProcessing', 'resultReady']) await counter.rpc('dossiers.act', { id: received.id, action });
    await page.keyboard.press('Alt+4');
    // Only this dossier waits for its result to be returned.
    await poll(() => page.getByTestId('returns').getByTestId('row-name').allTextContents()).toEqual(['Nguyễn Thị Hồng Đào']);
    await page.getByTestId('returns').getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    const dialog = page.locator('.action-dialog .ant-modal');
    const panel = dialog.getByTestId('result-scans').getByTestId('scan-panel');
    await panel.waitFor();
    const chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Chọn tệp', exact: true }).click();
    await (await chooser).setFiles([{ name: 'ket-qua.jpg', mimeType: 'image/jpeg', buffer: await paperImage('jpeg', 'Bản sao đã chứng thực') }]);
    await poll(() => thumbs(panel).count()).toBe(1);
    await page.locator('.action-dialog .ant-modal-footer').getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByRole('button', { name: 'Trả kết quả' }).click();
    await confirm.waitFor({ state: 'detached' });
    await poll(async () => (await counter.rpc('dossiers.get', { id: received.id })).status).toBe('returned');
    const all = (await counter.rpc('scans.list', { dossierId: received.id })).pages;
    expect(all.map((p: { role: string }) => p.role)).toEqual(['document', 'document', 'result']);

    await page.keyboard.press('F3');
    await page.getByTestId('dossiers').getByTestId('row-name').filter({ hasText: 'Nguyễn Thị Hồng Đào' }).first().click();
    const papers = page.getByTestId('dossier-papers');
    await poll(() => papers.getByTestId('papers-item').evaluateAll((els) => els.map((e) => [e.getAttribute('data-role'), e.querySelectorAll('[data-testid=scan-page]').length]))).toEqual([
      ['document', 2],
      ['result', 1],
    ]);
    await papers.getByTestId('papers-item').first().getByRole('button', { name: 'Mở PDF', exact: true }).click();
    await poll(() => page.getByTestId('papers-pdf').getAttribute('src')).toMatch(/^blob:/);
    await page.getByTestId('papers-pdf-close').click();
    await page.getByTestId('papers-pdf').waitFor({ state: 'detached' });

    await papers.getByTestId('papers-item').first().getByRole('button', { name: 'Xóa trang Trang 1', exact: true }).click();
    const ask = page.getByRole('dialog').filter({ hasText: 'Gỡ trang 1' });
    const ok = ask.getByRole('button', { name: 'Gỡ trang', exact: true });
    expect(await ok.isDisabled()).toBe(true);
    await ask.getByLabel('Lý do gỡ trang').fill('Trang trùng, công dân đưa nhầm');
    await ok.click();
    await ask.waitFor({ state: 'hidden' });
    await poll(() => papers.getByTestId('papers-item').first().getByTestId('scan-page').count()).toBe(1);
    const removed = await counter.rpc('audit.list', { action: 'scans.remove' });
    expect(removed.items.map((i: { target: string }) => i.target)).toEqual([received.id]);
    expect((await counter.rpc('scans.list', { dossierId: received.id })).pages).toHaveLength(2);
    await page.keyboard.press('Escape');
  });

  it('offers the papers digitised for the same ID number and adds one without scanning', async () => {
    await newForm(page, ID_NUMBER);
    const panel = firstPanel();
    const offer = panel.getByRole('combobox', { name: /^Dùng lại giấy tờ đã số hóa cho/ });
    await offer.waitFor();
    await offer.click();
    // The first dossier kept one of its two pages (the other was removed in the drawer, with a reason).
    const option = page.locator('.ant-select-item-option').filter({ hasText: '1 trang, số hóa ngày 17/11/2026' });
    await poll(() => option.count()).toBe(1);
    expect(await option.textContent()).toMatch(/Chứng thực|chứng thực/);
    await option.click();
    await poll(() => thumbs(panel).count()).toBe(1);
    const batch = (await page.getByTestId('intake-scans').getAttribute('data-batch'))!;
    const reused = (await counter.rpc('scans.list', { batch })).pages;
    expect(reused.map((p: { source: string }) => p.source)).toEqual(['reuse']);
    const original = (await counter.rpc('scans.list', { dossierId: received.id })).pages.find((p: { role: string }) => p.role === 'document');
    expect(reused[0].sha256).toBe(original.sha256);
  });
});
