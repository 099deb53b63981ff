/**
 * A commune with a rating tablet and no queue fields, in a real Chromium over the real browser
 * host (issue #18, item 3): the officer's call bar shows with the counter number alone, the window
 * says it serves counter 2, a dossier received there makes counter 2's tablet ask, and the stored
 * rating names the dossier, the officer and the counter. Then the administrator moves the tablet to
 * counter 3 in Cài đặt › Thiết bị công cộng: the tablet shows its new counter without pairing again
 * and asks for a dossier returned at counter 3.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DB_FILE_NAME } from '../../src-main/core/core';
import { launchChromium } from '../support/browser';
import { newContextAt, openSignedIn, poll, receive, setUpCounter, type Counter } from '../support/counter';
import { rpcCall, startWebHost, type WebHost } from '../support/web-host';

vi.setConfig({ testTimeout: 150_000 });

let host: WebHost;
let browser: Browser;
let admin: Counter;

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost(), launchChromium()]);
  admin = await setUpCounter(host.url);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function pairTablet(counterNo: number): Promise<{ page: Page; token: string }> {
  const { code } = await admin.rpc('devices.startPairing', { scope: 'rating', label: 'Máy đánh giá bàn tiếp dân', counterNo });
  const token = (await rpcCall(host.url, 'devices.pair', { code })).body.result.token as string;
  const context = await newContextAt(browser, host.clock, { viewport: { width: 1280, height: 800 }, hasTouch: true });
  await context.addInitScript((t) => localStorage.setItem('motcua.deviceToken', t), token);
  const page = await context.newPage();
  await page.goto(`${host.url}/rating`);
  return { page, token };
}

/** Types the window's counter in its call bar, and waits for core to have heard it (the officer's seat). */
async function sayCounter(officer: Page, counterNo: number): Promise<void> {
  const heard = officer.waitForResponse((r) => r.url().endsWith('/api/rpc/queue.counter') && r.request().postData() === JSON.stringify({ counterNo }));
  await officer.getByLabel('Quầy số của máy này').fill(String(counterNo));
  await officer.getByLabel('Quầy số của máy này').press('Tab');
  expect((await heard).ok()).toBe(true);
}

/** The stored rating, read from the counter's own database file as the hub sync would send it. */
function storedRating(dossierId: string) {
  const db = new Database(path.join(host.dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT dossier_code, event, officer_id, officer_name, counter_no, level, device_id FROM rating WHERE dossier_id = ?').all(dossierId);
  } finally {
    db.close();
  }
}

describe('a rating tablet where the commune has no queue', () => {
  it("asks at the counter the officer's window names, and follows the administrator to another counter", async () => {
    expect(await admin.rpc('queue.fields', {})).toEqual({ items: [] });
    const tablet = await pairTablet(2);
    await poll(() => tablet.page.getByTestId('rating-idle').textContent()).toContain('Quầy số 2');
    const tabletId = (await rpcCall(host.url, 'devices.me', {}, tablet.token)).body.result.id as string;

    // The call bar shows for the tablet, with the counter number and none of the queue's buttons.
    const officer = await openSignedIn(browser, host, admin.token);
    const bar = officer.getByTestId('call-bar');
    await bar.waitFor();
    expect(await bar.getByRole('button', { name: /Gọi số tiếp/ }).count()).toBe(0);
    expect(await officer.getByTestId('call-bar-tablet').textContent()).toContain('Nhập số quầy');
    await sayCounter(officer, 2);
    await poll(() => officer.getByTestId('call-bar-tablet').textContent()).toContain('Máy đánh giá của quầy 2');

    // Receiving at counter 2 (the window's officer) makes counter 2's tablet ask.
    const first = await receive(admin.rpc, 'Trịnh Thị Lan');
    await tablet.page.getByTestId('rating-open').waitFor();
    expect(await tablet.page.getByTestId('rating-dossier').textContent()).toContain(first.code);
    await tablet.page.getByTestId('rating-level-satisfied').tap();
    await tablet.page.getByTestId('rating-submit').tap();
    await tablet.page.getByTestId('rating-thanks').waitFor();
    const me = (await admin.rpc('auth.me', {})).officer as { id: string; fullName: string };
    expect(storedRating(first.id)).toEqual([
      { dossier_code: first.code, event: 'received', officer_id: me.id, officer_name: me.fullName, counter_no: 2, level: 'satisfied', device_id: tabletId },
    ]);

    // The administrator moves the tablet to counter 3; it follows on the same token.
    await officer.keyboard.press('Alt+9');
    await officer.getByRole('tab', { name: 'Thiết bị công cộng' }).click();
    const row = officer.getByRole('row', { name: /Máy đánh giá bàn tiếp dân/ });
    await row.getByRole('button', { name: 'Đổi quầy' }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('Quầy mới').fill('3');
    await dialog.getByRole('button', { name: 'Đổi quầy' }).click();
    await poll(() => row.textContent()).toContain('quầy 3');
    await poll(() => tablet.page.getByTestId('rating-idle').textContent()).toContain('Quầy số 3');
    expect(tablet.page.url()).toBe(`${host.url}/rating`);
    const audit = (await admin.rpc('audit.list', { action: 'device.counter_changed' })) as { items: { action: string }[] };
    expect(audit.items.map((a) => a.action)).toEqual(['device.counter_changed']);

    // The window now serves counter 3: a dossier received there is asked about on the moved tablet.
    await sayCounter(officer, 3);
    await poll(() => officer.getByTestId('call-bar-tablet').textContent()).toContain('Máy đánh giá của quầy 3');
    await poll(async () => (await rpcCall(host.url, 'ratings.pending', {}, tablet.token)).body.result.open).toBeNull();
    const second = await receive(admin.rpc, 'Đặng Quốc Huy');
    await tablet.page.getByTestId('rating-open').waitFor();
    expect(await tablet.page.getByTestId('rating-dossier').textContent()).toContain(second.code);
    expect((await rpcCall(host.url, 'ratings.pending', {}, tablet.token)).body.result.open).toMatchObject({ counterNo: 3, dossierCode: second.code });
  });
});
