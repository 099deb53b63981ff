/**
 * The rating tablet in a real Chromium over the real browser host, each device its own browser
 * context, with no province hub configured (issue #18, item 3): the officer's window serves
 * counter 1, a dossier received there makes the tablet paired to counter 1 ask, the citizen rates
 * by touch, a second answer is refused, and Tổng quan and Báo cáo show the rating. The push to the
 * hub is covered by tests/integration/sync/rating-sync.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { newContextAt, openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
import { rpcCall, startWebHost, type WebHost } from '../support/web-host';

vi.setConfig({ testTimeout: 120_000 });

let host: WebHost;
let browser: Browser;
let admin: Counter;
let tabletToken: string;
let openingId: string;

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost(), launchChromium()]);
  admin = await setUpCounter(host.url);
  await admin.rpc('queue.saveFields', { fields: [{ name: 'Hộ tịch', counters: [1] }] });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function tabletAt(counterNo: number): Promise<Page> {
  const { code } = await admin.rpc('devices.startPairing', { scope: 'rating', label: `Máy đánh giá quầy ${counterNo}`, counterNo });
  tabletToken = (await rpcCall(host.url, 'devices.pair', { code })).body.result.token as string;
  const context = await newContextAt(browser, host.clock, { viewport: { width: 1280, height: 800 }, hasTouch: true });
  await context.addInitScript((t) => localStorage.setItem('motcua.deviceToken', t), tabletToken);
  const page = await context.newPage();
  await page.goto(`${host.url}/rating`);
  return page;
}

describe('the rating tablet of counter 1', () => {
  it('asks after a receipt at its counter, takes one answer, and the reports show it', async () => {
    const tablet = await tabletAt(1);
    await tablet.getByTestId('rating-idle').waitFor();
    expect(await tablet.getByTestId('rating-idle').textContent()).toContain('Quầy số 1');

    const officer = await openSignedIn(browser, host, admin.token);
    await officer.getByLabel('Quầy số của máy này').fill('1');
    await officer.getByLabel('Quầy số của máy này').press('Tab');
    await poll(() => officer.getByTestId('call-current').textContent()).toBe('Chưa gọi số');

    const received = await admin.rpc('dossiers.receive', {
      procedureCode: '2.000815',
      applicant: { fullName: 'Lê Thị Thu Hà', phone: '0912345678' },
      pages: 1,
      copies: 1,
    });
    await tablet.getByTestId('rating-open').waitFor();
    const asked = await tablet.getByTestId('rating-dossier').textContent();
    expect(asked).toContain(received.code);
    expect(await tablet.locator('body').textContent()).not.toContain('Lê Thị Thu Hà');

    openingId = (await rpcCall(host.url, 'ratings.pending', {}, tabletToken)).body.result.open.id;
    await tablet.getByTestId('rating-submit').waitFor();
    expect(await tablet.getByTestId('rating-submit').isDisabled()).toBe(true);
    await tablet.getByTestId('rating-level-very_satisfied').tap();
    await tablet.getByText('Đánh giá thêm theo từng tiêu chí (không bắt buộc)').click();
    await tablet.locator('.device-rating-criterion').nth(6).getByText('Hài lòng', { exact: true }).click();
    await tablet.getByTestId('rating-comment').fill('Cán bộ hướng dẫn tận tình');
    await tablet.getByTestId('rating-submit').tap();
    await tablet.getByTestId('rating-thanks').waitFor();

    // Answered: nothing is pending at the counter any more.
    expect((await rpcCall(host.url, 'ratings.pending', {}, tabletToken)).body.result.open).toBeNull();

    // Tổng quan: today's satisfaction.
    await officer.keyboard.press('Alt+1');
    await officer.getByTestId('dashboard-refresh').click();
    await poll(() => officer.getByTestId('kpi-satisfied').textContent()).toBe('100 %');
    expect(await officer.getByTestId('kpi-rating-very_satisfied').textContent()).toBe('1');

    // Báo cáo › Phục vụ tại quầy: the rating per officer.
    await officer.keyboard.press('Alt+6');
    await officer.getByRole('tab', { name: 'Phục vụ tại quầy' }).click();
    await poll(() => officer.getByTestId('service-ratings').textContent()).toBe('1');
    expect(await officer.getByTestId('ratings-by-officer').textContent()).toContain('Nguyễn Thị Hồng Đào');
  });

  it('refuses a second answer to the same receipt', async () => {
    const again = await rpcCall(host.url, 'ratings.submit', { id: openingId, level: 'dissatisfied' }, tabletToken);
    expect(again.body.error?.code).toBe('CONFLICT');
    const report = await admin.rpc('ratings.serviceReport', { from: '2026-11-17', to: '2026-11-17' });
    expect(report.ratings).toEqual({ counts: { very_satisfied: 1, satisfied: 0, dissatisfied: 0 }, total: 1, satisfiedPercent: 100 });
  });
});
