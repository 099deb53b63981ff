/**
 * Where an officer lands after signing in: their own start (Trang chủ), never the screen the
 * previous officer left open in the same window, and never with that officer's half-typed receipt.
 * And the office's details, which an administrator corrects in Cài đặt after setup.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { openSignedIn, poll, setUpCounter, signIn, type Counter } from '../support/counter';
import { SAMPLE_SETUP, startWebHost, type WebHost } from '../support/web-host';

vi.setConfig({ testTimeout: 90_000 });

let host: WebHost;
let browser: Browser;
let counter: Counter;

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost({ clock: '2026-11-18T08:30:00+07:00' }), launchChromium()]);
  counter = await setUpCounter(host.url);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('signing in after another officer', () => {
  it('opens on Trang chủ with an empty Tiếp nhận, whatever the last officer left', async () => {
    const page = await openSignedIn(browser, host, counter.token);
    await page.keyboard.press('F2');
    await page.getByLabel('Họ và tên').fill('Hà Thị Mai');
    await page.keyboard.press('Alt+3');
    await page.getByTestId('dossier-search').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    // The next officer at this window (here the same account: the window is what must start afresh).
    await page.getByLabel('Tên đăng nhập').fill(SAMPLE_SETUP.admin.username);
    await page.getByLabel('Mật khẩu').fill(SAMPLE_SETUP.admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('home').waitFor();
    expect(await page.getByTestId('dossier-search').count()).toBe(0);

    await page.keyboard.press('Alt+2');
    await poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('');
  });
});

describe('office details in Cài đặt', () => {
  it('are corrected by the administrator after setup and shown at once', async () => {
    // The test before signed out of its session: a session of this test's own.
    const admin = await signIn(host.url);
    const page = await openSignedIn(browser, host, admin.token);
    await page.keyboard.press('Alt+9');
    await page.getByRole('tab', { name: 'Thông tin cơ quan' }).click();
    await page.getByRole('button', { name: 'Sửa thông tin cơ quan' }).click();
    await page.getByLabel('Địa chỉ').fill('Số 2 đường Trần Phú, xã Hòa Mạc');
    await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
    await poll(() => page.getByTestId('office-address').textContent()).toBe('Số 2 đường Trần Phú, xã Hòa Mạc');
    expect((await admin.rpc('office.get', {})).address).toBe('Số 2 đường Trần Phú, xã Hòa Mạc');
  });
});
