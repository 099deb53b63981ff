/**
 * The waiting room in a real Chromium over the real browser host, each device its own browser
 * context (issue #18, items 1–2): a citizen takes a number at the kiosk, two officers call numbers
 * at counters 1 and 2, and the calling screen shows each call within a second and speaks it
 * (the committed clips are fetched, decoded and played on the AudioContext). The host has no
 * province hub configured: all of it works with the hub unreachable.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { artifactPath, launchChromium } from '../support/browser';
import { newContextAt, openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
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
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** An officer's window set to serve `counterNo` (the call bar's counter, kept by this browser). */
async function officerAt(token: string, counterNo: number): Promise<Page> {
  const page = await openSignedIn(browser, host, token);
  await page.getByLabel('Quầy số của máy này').fill(String(counterNo));
  await page.getByLabel('Quầy số của máy này').press('Tab');
  await poll(() => page.getByTestId('call-current').textContent()).toBe('Chưa gọi số');
  return page;
}

describe('kiosk, two counters and the calling screen', () => {
  it('lets an administrator set the fields and their counters in Cài đặt', async () => {
    const page = await openSignedIn(browser, host, admin.token);
    // No queue yet: the header has no call bar.
    expect(await page.getByTestId('call-bar').count()).toBe(0);
    await page.keyboard.press('Alt+9');
    await page.getByRole('tab', { name: 'Thiết bị công cộng' }).click();
    const panel = page.getByTestId('queue-fields');
    for (const [name, counter] of [
      ['Hộ tịch', '1'],
      ['Chứng thực', '2'],
    ] as const) {
      await panel.getByRole('button', { name: 'Thêm lĩnh vực' }).click();
      await panel.getByLabel('Lĩnh vực (vd: Hộ tịch)').last().fill(name);
      await panel.getByLabel('Các quầy phục vụ (vd: 1, 2)').last().fill(counter);
      await panel.getByLabel('Các quầy phục vụ (vd: 1, 2)').last().press('Enter');
    }
    await panel.getByRole('button', { name: 'Lưu lĩnh vực' }).click();
    await page.getByText('Đã lưu các lĩnh vực nhận số thứ tự').waitFor();
    const saved = await admin.rpc('queue.fields', {});
    expect(saved.items.map((f: { name: string; counters: number[] }) => [f.name, f.counters])).toEqual([
      ['Hộ tịch', [1]],
      ['Chứng thực', [2]],
    ]);
    await page.context().close();
  });

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
    await kiosk.screenshot({ path: artifactPath('queue-kiosk-ticket.png') });
    await poll(() => display.getByTestId('display-next').textContent()).toBe('001002003');

    // Counter 1 calls with F8 from the officer's screen: on the calling screen within a second.
    const desk1 = await officerAt(admin.token, 1);
    const desk2 = await officerAt(officer2, 2);
    const started = performance.now();
    await desk1.keyboard.press('F8');
    await display.getByTestId('display-headline').getByText('001').waitFor({ timeout: 1_000 });
    const latencyMs = performance.now() - started;
    expect(latencyMs).toBeLessThan(1_000);
    expect(await display.getByTestId('display-headline').textContent()).toContain('đến quầy số 1');
    // And spoken: every clip fetched, decoded and played to the end on the AudioContext.
    await poll(() => display.getByTestId('display').getAttribute('data-announced')).toBe('001-1');
    const seconds = Number(await display.getByTestId('display').getAttribute('data-announced-seconds'));
    expect(seconds).toBeGreaterThan(1.5);
    expect(seconds).toBeLessThan(8);

    expect(await desk1.getByTestId('call-current').textContent()).toBe('Đang phục vụ số 001');
    // Counter 2, another officer, calls its own field with the button.
    await desk2.getByRole('button', { name: /Gọi số tiếp/ }).click();
    await display.getByTestId('display-headline').getByText('002').waitFor({ timeout: 1_000 });
    await poll(() => display.getByTestId('display').getAttribute('data-announced')).toBe('002-2');
    expect(await display.getByTestId('display-serving').textContent()).toBe('Quầy 1001Hộ tịchQuầy 2002Chứng thực');
    expect(await display.getByTestId('display-next').textContent()).toBe('003');
    await display.screenshot({ path: artifactPath('queue-display.png') });
    await desk1.screenshot({ path: artifactPath('queue-call-bar.png') });

    // Called again (Shift+F8): announced again; then sent to counter 2, which calls it ahead of 003.
    await desk1.keyboard.press('Shift+F8');
    await poll(() => display.getByTestId('display').getAttribute('data-announced')).toBe('001-1');
    await desk1.getByRole('button', { name: 'Chuyển quầy' }).hover();
    await desk1.getByText('Sang quầy 2').click();
    await poll(() => desk1.getByTestId('call-current').textContent()).toBe('Chưa gọi số');
    await desk2.getByRole('button', { name: /Gọi số tiếp/ }).click();
    await poll(() => desk2.getByTestId('call-current').textContent()).toBe('Đang phục vụ số 001');
    await display.getByTestId('display-headline').getByText('001').waitFor({ timeout: 1_000 });
    expect(await display.getByTestId('display-headline').textContent()).toContain('đến quầy số 2');
    // Nobody answers 003 at counter 1: skipped.
    await desk1.keyboard.press('F8');
    await poll(() => desk1.getByTestId('call-current').textContent()).toBe('Đang phục vụ số 003');
    await desk1.getByRole('button', { name: 'Bỏ qua' }).click();
    await poll(() => desk1.getByTestId('call-current').textContent()).toBe('Chưa gọi số');
    // A citizen without the kiosk: the officer issues a number from the bar.
    await desk2.getByRole('button', { name: 'Cấp số thứ tự' }).hover();
    await desk2.getByRole('menuitem', { name: 'Chứng thực' }).click();
    await desk2.getByText('Số thứ tự 004 — Chứng thực').filter({ visible: true }).waitFor();
    await poll(() => display.getByTestId('display-next').textContent()).toBe('004');
    await desk1.context().close();
    await desk2.context().close();
    await kiosk.context().close();
    await display.context().close();
  });
});
