/**
 * Báo cáo: Biểu II.06a on screen equals the seeded dossiers and keeps the form's identities,
 * the CSV for the province starts with the UTF-8 BOM, Kết thúc ngày sums the day, and an
 * officer is told plainly that II.06a is for leaders.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { TEST_INSTANT } from '../support/clock';
import { openSignedIn, poll, receive, setUpCounter, type Counter } from '../support/counter';
import { baselineScreenshot, compareWithBaseline, MAX_DIFF_RATIO } from '../support/screenshot-compare';
import { rpcCall, startWebHost, type WebHost } from '../support/web-host';

vi.setConfig({ testTimeout: 90_000 });

let host: WebHost;
let browser: Browser;
let counter: Counter;
let page: Page;
/** The host's day (its clock starts at TEST_INSTANT, 09:00 in Vietnam). */
const TODAY = TEST_INSTANT.slice(0, 10);

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost({ clock: TEST_INSTANT }), launchChromium()]);
  counter = await setUpCounter(host.url);
  const a = await receive(counter.rpc, 'Đỗ Đức Dũng');
  await receive(counter.rpc, 'Lê Anh Đạo');
  await receive(counter.rpc, 'Phạm Thị Thu Hà', { channel: 'online' });
  for (const action of ['startProcessing', 'resultReady', 'returnResult']) await counter.rpc('dossiers.act', { id: a.id, action });
  page = await openSignedIn(browser, host, counter.token);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** The totals row as numbers, keyed by the form's column number (3)–(13). */
async function totals(): Promise<Record<number, number>> {
  const cells = page.getByTestId('ii06a-total').locator('td[data-col]');
  const out: Record<number, number> = {};
  for (const cell of await cells.all()) out[Number(await cell.getAttribute('data-col'))] = Number(await cell.textContent());
  return out;
}

describe('Báo cáo', () => {
  it('shows Biểu II.06a for this month with totals equal to the seeded dossiers', async () => {
    await page.keyboard.press('Alt+6');
    await page.getByTestId('ii06a-table').waitFor();
    await expect(page.getByTestId('ii06a-table').locator('.col-numbers th').allTextContents()).resolves.toEqual(
      Array.from({ length: 13 }, (_, i) => `(${i + 1})`),
    );
    // "This month" on the host's clock: from the 1st to today.
    const report = await counter.rpc('reports.ii06a', { from: `${TODAY.slice(0, 8)}01`, to: TODAY });

    await poll(async () => (await totals())[3]).toBe(3);
    const t = await totals();
    // Seeded: three received (one online), one resolved, two still being processed.
    expect(t).toMatchObject({ 3: 3, 4: 1, 5: 2, 7: 1, 11: 2 });
    expect(t[3]).toBe(report.total.received);
    expect(t[7]).toBe(report.total.resolved);
    expect(t[11]).toBe(report.total.pending);
    // The form's identities, read off the screen.
    expect(t[3]).toBe(t[7]! + t[11]!);
    expect(t[3]).toBe(t[4]! + t[5]! + t[6]!);
    expect(t[7]).toBe(t[8]! + t[9]! + t[10]!);
    expect(t[11]).toBe(t[12]! + t[13]!);
  });

  it('looks as reviewed at 1366×768', async () => {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    // The period pickers show the host's month, fixed: only codes and times of day are masked.
    const png = await baselineScreenshot(page, [page.locator('.mono, .dyn')]);
    const result = compareWithBaseline('reports.png', png);
    expect(result.sizeMatches).toBe(true);
    expect(result.ratio).toBeLessThanOrEqual(MAX_DIFF_RATIO);
  });

  it('exports the CSV with the UTF-8 BOM under core’s file name', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất CSV' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(bytes.toString('utf8')).toContain('Chứng thực');
  });

  it('sums the day in Kết thúc ngày', async () => {
    await page.getByRole('tab', { name: 'Kết thúc ngày' }).click();
    const closing = await counter.rpc('reports.dailyClosing', { date: TODAY });
    expect(closing).toMatchObject({ received: 3, rejected: 0, returned: 1 });
    await poll(() => page.getByTestId('closing-received').textContent()).toBe('3');
    expect(await page.getByTestId('closing-returned').textContent()).toBe('1');
    expect(await page.getByTestId('closing-fees').textContent()).toBe(`${String(closing.feesTotal).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`);
    await expect(page.getByTestId('daily-closing').textContent()).resolves.toContain('Nguyễn Thị Hồng Đào');
  });

  it('tells an officer that Biểu II.06a is for leaders, and core refuses it too', async () => {
    await counter.rpc('officers.create', { fullName: 'Vũ Minh Tâm', username: 'canbo1', password: 'ban-tiep-dan-26', role: 'officer' });
    const login = await rpcCall(host.url, 'auth.login', { username: 'canbo1', password: 'ban-tiep-dan-26' });
    const token = login.body.result.token as string;
    const refused = await rpcCall(host.url, 'reports.ii06a', { from: '2026-11-01', to: '2026-11-30' }, token);
    expect(refused.body.error?.code).toBe('FORBIDDEN');

    const officerPage = await openSignedIn(browser, host, token);
    await officerPage.keyboard.press('Alt+6');
    await officerPage.getByTestId('daily-closing').waitFor();
    await officerPage.getByRole('tab', { name: 'Biểu II.06a' }).click();
    await expect(officerPage.getByTestId('ii06a-forbidden').textContent()).resolves.toContain('chỉ dành cho lãnh đạo và quản trị viên');
    await officerPage.context().close();
  });
});
