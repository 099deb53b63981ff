/**
 * Where an officer lands after signing in: their own start (Trang chủ), never the screen the
 * previous officer left open in the same window, and never with that officer's half-typed receipt.
 * And the office's details, which an administrator corrects in Cài đặt after setup. And what the
 * sign-in screen loads: its own code first, the screens behind it while the officer types.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { newContextAt, openSignedIn, poll, setUpCounter, signIn, type Counter } from '../support/counter';
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

/** The first load's scripts, as index.html lists them (the entry and its modulepreloads). */
async function firstLoadScripts(url: string): Promise<{ files: string[]; bytes: number }> {
  const html = await (await fetch(url)).text();
  const files = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const sizes = await Promise.all(files.map(async (f) => (await (await fetch(`${url}/assets/${f}`)).arrayBuffer()).byteLength));
  return { files, bytes: sizes.reduce((a, b) => a + b, 0) };
}

describe('what the sign-in screen loads', () => {
  it('only its own code first; the screens while the form is up, so F2 and F3 after signing in fetch nothing', async () => {
    // All screens in one 2.2 MB bundle took over a second of parsing before the form could show.
    const first = await firstLoadScripts(host.url);
    expect(first.bytes).toBeLessThan(1_000_000);
    const screenChunk = /^(Shell|Home|IntakeScreen|DossiersScreen|DossierDrawer|PrintPreview|ReturnsScreen|RegisterScreen|ReportsScreen|SyncScreen|CatalogScreen|SettingsScreen|SetupWizard|DeviceApp)-/;
    expect(first.files.filter((f) => screenChunk.test(f))).toEqual([]);

    const context = await newContextAt(browser, host.clock, { viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const fetched: string[] = [];
    let answered = 0;
    const script = (url: string) => new URL(url).pathname.split('/').pop()!;
    page.on('request', (r) => {
      if (script(r.url()).endsWith('.js')) fetched.push(script(r.url()));
    });
    page.on('requestfinished', (r) => {
      if (script(r.url()).endsWith('.js')) answered++;
    });
    await page.goto(host.url);
    await page.getByLabel('Tên đăng nhập').waitFor();
    // With the form up, the shell and the counter's screens arrive without anyone asking for them.
    for (const name of ['Shell', 'Home', 'IntakeScreen', 'DossiersScreen', 'DossierDrawer', 'PrintPreview', 'SettingsScreen']) {
      await poll(() => fetched.some((f) => f.startsWith(`${name}-`))).toBe(true);
    }
    await page.getByLabel('Tên đăng nhập').fill(SAMPLE_SETUP.admin.username);
    await page.getByLabel('Mật khẩu').fill(SAMPLE_SETUP.admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('home').waitFor();
    // Every preloaded chunk has arrived before the keys are pressed.
    await poll(() => answered === fetched.length).toBe(true);
    const before = fetched.length;
    await page.keyboard.press('F2');
    await page.getByLabel('Họ và tên').waitFor();
    await page.keyboard.press('F3');
    await page.getByTestId('dossier-search').waitFor();
    expect(fetched.slice(before)).toEqual([]);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    await context.close();
  });

  it('a screen whose code does not arrive says so, and "Thử lại" opens it, the half-typed receipt kept', async () => {
    // A tab kept open across an update, or the host gone mid-fetch: Hồ sơ's chunk fails to load.
    const admin = await signIn(host.url);
    const context = await newContextAt(browser, host.clock, { viewport: { width: 1366, height: 768 } });
    const blocked = /\/assets\/DossiersScreen-[^/]+\.js$/;
    await context.route(blocked, (route) => route.abort('connectionfailed'));
    await context.addInitScript((t) => {
      if (window === window.top) sessionStorage.setItem('motcua.token', t);
    }, admin.token);
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByTestId('home').waitFor();
    await page.keyboard.press('F2');
    await page.getByLabel('Họ và tên').fill('Đinh Văn Tùng');
    await page.keyboard.press('F3');
    // Before: the content area stayed blank, with nothing to say why or what to do.
    await page.getByTestId('screen-load-failed').waitFor();
    await expect(page.getByTestId('screen-load-failed').textContent()).resolves.toContain('Không mở được màn hình này');
    // The menu and the other screens still work.
    await page.keyboard.press('Alt+2');
    await poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Đinh Văn Tùng');

    await context.unroute(blocked);
    await page.keyboard.press('F3');
    await page.getByTestId('screen-load-failed').waitFor();
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByTestId('dossier-search').waitFor();
    await page.keyboard.press('Alt+2');
    await poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Đinh Văn Tùng');
    await context.close();
  });
});
