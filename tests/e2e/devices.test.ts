/**
 * Pairing a LAN device in a real Chromium over the real browser host (issue #18, item 7): the
 * administrator makes a code in Cài đặt › Thiết bị công cộng, a kiosk in its own browser context
 * types it and shows its page, its token reaches no officer's row, and revoking it from Cài đặt
 * sends the kiosk back to pairing at once.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { newContextAt, openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
import { rpcCall, startWebHost, type WebHost } from '../support/web-host';

vi.setConfig({ testTimeout: 120_000 });

let host: WebHost;
let browser: Browser;
let counter: Counter;

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost(), launchChromium()]);
  counter = await setUpCounter(host.url);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('Cài đặt › Thiết bị công cộng', () => {
  it('pairs a kiosk with a code, keeps it to its page, and revokes it at once', async () => {
    const admin = await openSignedIn(browser, host, counter.token);
    await admin.keyboard.press('Alt+9');
    await admin.getByRole('tab', { name: 'Thiết bị công cộng' }).click();
    await admin.getByLabel('Tên thiết bị (vd: Ti vi phòng chờ)').fill('Ki-ốt sảnh chờ');
    await admin.getByRole('button', { name: 'Tạo mã ghép nối' }).click();
    const code = (await admin.getByTestId('pairing-code').textContent())!.trim();
    expect(code).toMatch(/^\d{6}$/);

    const kioskContext = await newContextAt(browser, host.clock, { viewport: { width: 1080, height: 1920 } });
    const kiosk = await kioskContext.newPage();
    await kiosk.goto(`${host.url}/kiosk`);
    await kiosk.getByTestId('pairing-input').fill('000000' === code ? '111111' : '000000');
    await kiosk.getByTestId('pairing-input').press('Enter');
    await kiosk.getByText('Mã ghép nối không đúng hoặc đã hết hạn').waitFor();
    for (const digit of code) await kiosk.getByRole('button', { name: digit, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Ghép nối' }).click();
    // Its page: the field buttons (none configured yet, so it says to ask at the counter).
    await kiosk.getByTestId('kiosk').waitFor();
    expect(await kiosk.getByTestId('kiosk').textContent()).toContain('Chưa có lĩnh vực nào nhận số thứ tự');

    // The kiosk's own token reaches no officer's row, and survives a reload.
    const token = await kiosk.evaluate(() => localStorage.getItem('motcua.deviceToken'));
    expect(token).toMatch(/^dv\./);
    for (const row of ['dossiers.search', 'reports.dashboard', 'officers.list', 'settings.get', 'devices.list']) {
      expect((await rpcCall(host.url, row, {}, token!)).status, row).toBe(403);
    }
    await kiosk.reload();
    await kiosk.getByTestId('kiosk').waitFor();

    // Opened at another page's address, it says what it is paired for.
    await kiosk.goto(`${host.url}/display`);
    await kiosk.getByText('không phải trang đang mở').waitFor();
    await kiosk.goto(`${host.url}/kiosk`);
    await kiosk.getByTestId('kiosk').waitFor();

    await admin.getByRole('tab', { name: 'Cán bộ' }).click();
    await admin.getByRole('tab', { name: 'Thiết bị công cộng' }).click();
    const row = admin.getByRole('row', { name: /Ki-ốt sảnh chờ/ });
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Thu hồi' }).click();
    await poll(() => row.textContent()).toContain('Đã thu hồi');
    // The kiosk's event stream ended with the revocation: it is back on the pairing pad.
    await kiosk.getByTestId('pairing-input').waitFor({ timeout: 5_000 });
    expect(await kiosk.evaluate(() => localStorage.getItem('motcua.deviceToken'))).toBeNull();
    expect((await rpcCall(host.url, 'devices.me', {}, token!)).status).toBe(401);
    await kioskContext.close();
    await admin.context().close();
  });
});
