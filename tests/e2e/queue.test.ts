/**
 * The waiting room in a real Chromium over the real browser host, each device its own browser
 * context (issue #18, items 1–2): a citizen takes a number at the kiosk, two officers call numbers
 * at counters 1 and 2, and the calling screen shows each call within a second and speaks it
 * (the committed clips are fetched, decoded and played on the AudioContext). The host has no
 * province hub configured: all of it works with the hub unreachable.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { newContextAt, poll, setUpCounter, type Counter } from '../support/counter';
import { rpcCall, startWebHost, type WebHost } from '../support/web-host';

vi.setConfig({ testTimeout: 120_000 });

let host: WebHost;
let browser: Browser;
let admin: Counter;
let officer2: string;

async function pairedPage(scope: 'kiosk' | 'display', viewport: { width: number; height: number }): Promise<Page> {
  const { code } = await admin.rpc('devices.startPairing', { scope, label: scope });
  const token = (await rpcCall(host.url, 'devices.pair', { code })).body.result.token as string;
  const context = await newContextAt(browser, host.clock, { viewport });
  await context.addInitScript((t) => localStorage.setItem('motcua.deviceToken', t), token);
  const page = await context.newPage();
  await page.goto(`${host.url}/${scope}`);
  return page;
}

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost(), launchChromium()]);
  admin = await setUpCounter(host.url);
  await admin.rpc('officers.create', { username: 'quay2', password: 'quayhai2026', fullName: 'Phạm Minh Tuấn', role: 'officer' });
  officer2 = (await rpcCall(host.url, 'auth.login', { username: 'quay2', password: 'quayhai2026' })).body.result.token;
  await admin.rpc('queue.saveFields', { fields: [{ name: 'Hộ tịch', counters: [1] }, { name: 'Chứng thực', counters: [2] }] });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('kiosk, two counters and the calling screen', () => {
  it('gives numbers at the kiosk, and shows and speaks each call on the calling screen', async () => {
    const kiosk = await pairedPage('kiosk', { width: 1080, height: 1920 });
    const display = await pairedPage('display', { width: 1920, height: 1080 });
    await display.getByTestId('display').waitFor();
    // A TV browser started without the autoplay flag needs one tap to allow sound.
    const soundButton = display.getByRole('button', { name: 'Bật âm thanh' });
    if (await soundButton.count()) await soundButton.click();

    await kiosk.getByRole('button', { name: 'Hộ tịch' }).click();
    expect(await kiosk.getByTestId('kiosk-number').textContent()).toBe('001');
    expect(await kiosk.getByTestId('kiosk-waiting').textContent()).toBe('Không có ai chờ trước bạn');
    await kiosk.getByRole('button', { name: 'Xong' }).click();
    await kiosk.getByRole('button', { name: 'Chứng thực' }).click();
    expect(await kiosk.getByTestId('kiosk-number').textContent()).toBe('002');
    await kiosk.getByRole('button', { name: 'Xong' }).click();
    await kiosk.getByRole('button', { name: 'Hộ tịch' }).click();
    expect(await kiosk.getByTestId('kiosk-waiting').textContent()).toBe('Có 1 người đang chờ trước bạn');
    await poll(() => display.getByTestId('display-next').textContent()).toBe('001002003');

    // Counter 1 calls: on the screen within a second of the call.
    const started = performance.now();
    const call1 = await rpcCall(host.url, 'queue.callNext', { counterNo: 1 }, admin.token);
    expect(call1.body.result.current.label).toBe('001');
    await display.getByTestId('display-headline').getByText('001').waitFor({ timeout: 1_000 });
    const latencyMs = performance.now() - started;
    expect(latencyMs).toBeLessThan(1_000);
    expect(await display.getByTestId('display-headline').textContent()).toContain('đến quầy số 1');
    // And spoken: every clip fetched, decoded and played to the end on the AudioContext.
    await poll(() => display.getByTestId('display').getAttribute('data-announced')).toBe('001-1');
    const seconds = Number(await display.getByTestId('display').getAttribute('data-announced-seconds'));
    expect(seconds).toBeGreaterThan(1.5);
    expect(seconds).toBeLessThan(8);

    // Counter 2, another officer, calls its own field.
    await rpcCall(host.url, 'queue.callNext', { counterNo: 2 }, officer2);
    await display.getByTestId('display-headline').getByText('002').waitFor({ timeout: 1_000 });
    await poll(() => display.getByTestId('display').getAttribute('data-announced')).toBe('002-2');
    expect(await display.getByTestId('display-serving').textContent()).toBe('Quầy 1001Hộ tịchQuầy 2002Chứng thực');
    expect(await display.getByTestId('display-next').textContent()).toBe('003');

    // Called again: announced again.
    await rpcCall(host.url, 'queue.recall', { counterNo: 1 }, admin.token);
    await poll(() => display.getByTestId('display').getAttribute('data-announced')).toBe('001-1');
    await kiosk.context().close();
    await display.context().close();
  });
});
