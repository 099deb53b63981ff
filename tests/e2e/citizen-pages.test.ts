/**
 * The citizen pages in a real Chromium over the browser host's real HTTP server (core in process,
 * so the test reads the receipt key the printed QR would carry), each device its own browser
 * context on one host with no province hub configured (the hub unreachable), issue #18 items 4–6:
 * the lookup kiosk answers by code and phone digits and by the receipt's QR text as a USB scanner
 * types it; the procedure board finds "khai tu" and shows a QR that a real decoder (zbarimg)
 * reads back as the procedure's national code, or as its page on the national portal once the
 * province's catalog gives that address; a citizen writes a phản ánh at the ticket kiosk
 * and an officer answers it in Báo cáo.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { qrPayload } from '../../src-main/core/print/qr/payload';
import { RETRY_MS } from '../../src-renderer/device/DeviceLoadBoundary';
import { launchChromium } from '../support/browser';
import { ManualClock } from '../support/clock';
import { startCoreHost, type CoreHost } from '../support/core-host';
import { newContextAt, openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
import { REPO_ROOT, rpcCall, tempDir } from '../support/web-host';

vi.setConfig({ testTimeout: 120_000 });

const clock = new ManualClock('2026-11-17T09:00:00+07:00');
let host: CoreHost;
let browser: Browser;
let admin: Counter;
let dossier: { id: string; code: string };

/** A device paired for `scope`, its page not yet opened (a test may first set routes on its context). */
async function pairedDevice(scope: 'kiosk' | 'lookup' | 'board', viewport = { width: 1080, height: 1920 }): Promise<BrowserContext> {
  const { code } = await admin.rpc('devices.startPairing', { scope, label: scope });
  const token = (await rpcCall(host.url, 'devices.pair', { code })).body.result.token as string;
  const context = await newContextAt(browser, clock, { viewport });
  await context.addInitScript((t) => localStorage.setItem('motcua.deviceToken', t), token);
  return context;
}

async function pairedPage(scope: 'kiosk' | 'lookup' | 'board', viewport = { width: 1080, height: 1920 }): Promise<Page> {
  const page = await (await pairedDevice(scope, viewport)).newPage();
  await page.goto(`${host.url}/${scope}`);
  return page;
}

beforeAll(async () => {
  [host, browser] = await Promise.all([startCoreHost({ clock, rendererDir: path.join(REPO_ROOT, 'dist', 'renderer') }), launchChromium()]);
  admin = await setUpCounter(host.url);
  dossier = await admin.rpc('dossiers.receive', {
    procedureCode: '2.000815',
    applicant: { fullName: 'Trần Thị Bích', idNumber: '001189012345', phone: '0912 345 678' },
    pages: 2,
    copies: 1,
  });
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('the lookup kiosk', () => {
  it('answers the dossier code with the phone digits, and the receipt QR a scanner types, then forgets it', async () => {
    const page = await pairedPage('lookup');
    await page.getByTestId('lookup-code-input').fill(dossier.code);
    await page.getByTestId('lookup-phone').fill('5678');
    await page.getByTestId('lookup-submit').click();
    await poll(() => page.getByTestId('lookup-status').textContent()).toBe('Đã tiếp nhận');
    expect(await page.getByTestId('lookup-code').textContent()).toBe(dossier.code);
    const shown = await page.getByTestId('lookup-result').textContent();
    for (const personal of ['Bích', '001189012345', '0912']) expect(shown).not.toContain(personal);
    await page.getByRole('button', { name: 'Xong' }).click();

    // The receipt's QR as a receipt printed with a province hub carries it; the kiosk reads it locally.
    const key = host.core.db.$client.prepare('SELECT key FROM dossier_lookup_key WHERE dossier_id = ?').pluck().get(dossier.id) as string;
    const scanField = page.getByTestId('lookup-scan');
    await scanField.waitFor();
    await scanField.pressSequentially(qrPayload(dossier.code, 'https://dvc.tinh.example.vn', key));
    await scanField.press('Enter');
    await poll(() => page.getByTestId('lookup-code').textContent()).toBe(dossier.code);
    expect(await page.getByTestId('lookup-appointment').textContent()).toContain('ngày 17 tháng 11 năm 2026');
    await page.getByRole('button', { name: 'Xong' }).click();

    await page.getByTestId('lookup-code-input').fill(dossier.code);
    await page.getByTestId('lookup-phone').fill('0000');
    await page.getByTestId('lookup-submit').click();
    await poll(() => page.getByTestId('lookup-error').textContent()).toContain('Không tìm thấy hồ sơ');
    await page.context().close();
  });
});

describe('the procedure board', () => {
  it('finds "khai tu" without diacritics and shows the QR of the national code, read back by zbarimg', async () => {
    const page = await pairedPage('board', { width: 1920, height: 1080 });
    await page.getByTestId('board-search').locator('input').fill('khai tu');
    await poll(() => page.getByTestId('board-item').first().textContent()).toContain('Đăng ký khai tử');
    await page.getByTestId('board-item').first().click();
    await page.getByTestId('board-procedure').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Đăng ký khai tử');
    expect(await page.getByTestId('board-documents').locator('li').count()).toBeGreaterThan(0);
    const code = (await page.getByTestId('board-portal-code').textContent())!;
    expect(code).toMatch(/^\d\.\d{6}$/);
    const png = path.join(tempDir('motcua-board-'), 'qr.png');
    fs.writeFileSync(png, await page.getByTestId('board-qr').screenshot());
    expect(execFileSync('zbarimg', ['--quiet', '--raw', png]).toString().trim()).toBe(code);
    await page.context().close();
  });

  it("shows the QR of the procedure's page on the national portal when the province's catalog gives it, read back by zbarimg", async () => {
    // The province's catalog, as it arrives, with the portal page of Đăng ký kết hôn (1.000894).
    const pageUrl = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1774';
    const catalog = await admin.rpc('catalog.export', {});
    const procedures = catalog.procedures.map((p: { code: string | null }) => (p.code === '1.000894' ? { ...p, portalUrl: pageUrl } : p));
    await admin.rpc('catalog.import', { catalog: { ...catalog, version: `${catalog.version}+tinh.1`, procedures } });

    const page = await pairedPage('board', { width: 1920, height: 1080 });
    await page.getByTestId('board-search').locator('input').fill('dang ky ket hon');
    await poll(() => page.getByTestId('board-item').first().textContent()).toContain('Đăng ký kết hôn');
    await page.getByTestId('board-item').first().click();
    await page.getByTestId('board-procedure').waitFor();
    expect(await page.getByTestId('board-portal-page').textContent()).toContain('mở trang của thủ tục này trên Cổng Dịch vụ công quốc gia');
    expect(await page.getByTestId('board-portal-code').textContent()).toBe('1.000894');
    const png = path.join(tempDir('motcua-board-'), 'qr.png');
    fs.writeFileSync(png, await page.getByTestId('board-qr').screenshot());
    expect(execFileSync('zbarimg', ['--quiet', '--raw', png]).toString().trim()).toBe(pageUrl);
    await page.context().close();
  });
});

describe('phản ánh, kiến nghị', () => {
  it('is written at the kiosk and answered by an officer in Báo cáo', async () => {
    const kiosk = await pairedPage('kiosk');
    await kiosk.getByTestId('kiosk-feedback-open').click();
    await kiosk.getByTestId('kiosk-feedback-content').fill('Đề nghị niêm yết thêm lịch làm việc buổi sáng thứ Bảy.');
    await kiosk.getByTestId('kiosk-feedback-submit').click();
    await poll(() => kiosk.getByTestId('kiosk-feedback-sent').textContent()).toContain('sẽ trả lời trước');

    const officer = await openSignedIn(browser, { url: host.url, clock }, admin.token);
    await officer.getByRole('menuitem', { name: 'Báo cáo' }).click();
    await officer.getByRole('tab', { name: 'Phản ánh, kiến nghị' }).click();
    const tab = officer.getByTestId('feedback-tab');
    await tab.getByText('Đề nghị niêm yết thêm lịch làm việc buổi sáng thứ Bảy.').waitFor();
    await tab.getByTestId('feedback-answer').first().click();
    await officer.getByTestId('feedback-answer-text').fill('Xã đã niêm yết lịch làm việc tại bảng tin từ hôm nay.');
    await officer.getByRole('dialog').getByRole('button', { name: 'Trả lời' }).click();
    await officer.getByText('Đã lưu câu trả lời').waitFor();
    const summary = await admin.rpc('feedback.summary', { from: '2026-11-01', to: '2026-11-30' });
    expect(summary).toMatchObject({ received: 1, answeredOnTime: 1 });
    expect(await tab.getByText('Xã đã niêm yết lịch làm việc tại bảng tin từ hôm nay.').count()).toBe(0); // answered: off the open list
    await officer.context().close();
    await kiosk.context().close();
  });
});

describe('a device nobody stands at', () => {
  it('whose page did not load says so in Vietnamese, and opens it by itself once its host answers', async () => {
    // Switched on before the counter PC that serves it, or kept open across an update: the page's chunk fails.
    const context = await pairedDevice('lookup');
    const chunk = /\/assets\/DeviceApp-[^/]+\.js$/;
    await context.route(chunk, (route) => route.abort('connectionfailed'));
    const page = await context.newPage();
    await page.goto(`${host.url}/lookup`);
    // Before: React left the screen blank until somebody reloaded it with a keyboard.
    await page.getByTestId('device-load-failed').waitFor();
    expect(await page.getByTestId('device-load-failed').textContent()).toContain('Màn hình tạm thời chưa sẵn sàng');
    // The host answers but the chunk is still refused: the try reloads into the same message.
    await page.clock.runFor(RETRY_MS);
    await page.getByTestId('device-load-failed').waitFor();

    await context.unroute(chunk);
    await page.clock.runFor(RETRY_MS);
    await page.getByTestId('lookup-code-input').waitFor();
    await context.close();
  });

  it('that cannot reach its host asks again until it answers, and shows its page', async () => {
    // The page's code arrived, but the host does not answer who this device is.
    const context = await pairedDevice('kiosk');
    const me = /\/api\/rpc\/devices\.me$/;
    let refused = 0;
    await context.route(me, (route) => {
      refused += 1;
      return route.abort('connectionrefused');
    });
    const page = await context.newPage();
    await page.goto(`${host.url}/kiosk`);
    await page.getByTestId('device-unavailable').waitFor();
    expect(await page.getByTestId('device-unavailable').textContent()).toContain('tự thử kết nối lại');
    await page.clock.runFor(RETRY_MS);
    await poll(() => refused).toBe(2);

    await context.unroute(me);
    await page.clock.runFor(RETRY_MS);
    await page.getByTestId('kiosk').waitFor();
    await context.close();
  });
});
