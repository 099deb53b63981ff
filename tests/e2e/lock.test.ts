/**
 * The lock screen and the session in a real Chromium over the real browser host (issue #14: F5
 * undid the lock, which lived only in the page's memory; a disabled officer's window kept going).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { newContextAt, openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
import { rpcCall, SAMPLE_SETUP, startWebHost, type WebHost } from '../support/web-host';

vi.setConfig({ testTimeout: 90_000 });

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

const lockModal = (page: Page) => page.getByRole('dialog', { name: 'Màn hình đã khóa' });

describe('the lock screen', () => {
  it('holds across a reload (F5): core keeps the lock, only the password opens it', async () => {
    const page = await openSignedIn(browser, host, counter.token);
    await page.getByRole('button', { name: 'Khóa màn hình' }).click();
    await lockModal(page).waitFor();
    expect(await page.getByTestId('lock-hint').textContent()).toMatch(/khóa khi rời quầy/);

    await page.reload();
    await lockModal(page).waitFor();
    expect(await page.getByTestId('lock-hint').textContent()).toMatch(/khóa khi rời quầy/);
    // Nothing of the office's work is loaded behind it.
    expect(await page.getByTestId('home').count()).toBe(0);
    // A hand-made request with the tab's own token gets nothing either.
    const token = await page.evaluate(() => sessionStorage.getItem('motcua.token'));
    expect((await rpcCall(host.url, 'dossiers.search', {}, token!)).status).toBe(423);

    await lockModal(page).getByLabel('Mật khẩu').fill('khong-phai-mat-khau');
    await lockModal(page).getByRole('button', { name: 'Mở khóa' }).click();
    await lockModal(page).getByText('Mật khẩu không đúng').first().waitFor();
    await lockModal(page).getByLabel('Mật khẩu').fill(SAMPLE_SETUP.admin.password);
    await lockModal(page).getByRole('button', { name: 'Mở khóa' }).click();
    await page.getByTestId('home').waitFor();
    await poll(() => lockModal(page).count()).toBe(0);
    await page.context().close();
  });

  it('locks after the idle time with the idle message, and that lock holds across a reload too', async () => {
    await counter.rpc('settings.update', { idleLockMinutes: 5 });
    const context = await newContextAt(browser, host.clock, { viewport: { width: 1366, height: 768 } });
    await context.addInitScript((t) => sessionStorage.setItem('motcua.token', t), counter.token);
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByTestId('home').waitFor();
    await page.clock.fastForward('05:01');
    await lockModal(page).waitFor();
    expect(await page.getByTestId('lock-hint').textContent()).toMatch(/Không có thao tác/);
    await page.reload();
    await lockModal(page).waitFor();
    expect(await page.getByTestId('lock-hint').textContent()).toMatch(/Không có thao tác/);
    await lockModal(page).getByLabel('Mật khẩu').fill(SAMPLE_SETUP.admin.password);
    await lockModal(page).getByRole('button', { name: 'Mở khóa' }).click();
    await page.getByTestId('home').waitFor();
    await context.close();
    await counter.rpc('settings.update', { idleLockMinutes: 10 });
  });
});

describe('a disabled officer', () => {
  it('is signed out at once: the event stream ends and the window shows the sign-in', async () => {
    const officer = await counter.rpc('officers.create', { username: 'quay2', password: 'quayhai2026', fullName: 'Phạm Minh Tuấn', role: 'officer' });
    const login = await rpcCall(host.url, 'auth.login', { username: 'quay2', password: 'quayhai2026' });
    const context = await newContextAt(browser, host.clock, { viewport: { width: 1366, height: 768 } });
    await context.addInitScript((t) => sessionStorage.setItem('motcua.token', t), login.body.result.token);
    const page = await context.newPage();
    // The window listens to core's events once signed in: wait until its stream is open.
    const streaming = page.waitForResponse((r) => r.url().endsWith('/api/events') && r.status() === 200);
    await page.goto(host.url);
    await page.getByTestId('home').waitFor();
    await streaming;
    await counter.rpc('officers.setActive', { id: officer.id, active: false });
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => sessionStorage.getItem('motcua.token'))).toBeNull();
    await page.context().close();
  });
});
