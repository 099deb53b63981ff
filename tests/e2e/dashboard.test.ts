/**
 * Tổng quan for the commune's leader: the numbers on the cards, the overdue and due-soon lists
 * and the charts come from reports.dashboard and match what the counter did today.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { TEST_INSTANT } from '../support/clock';
import { openSignedIn, poll, receive, setUpCounter, signIn, type Counter } from '../support/counter';
import { baselineScreenshot, compareWithBaseline, MAX_DIFF_RATIO } from '../support/screenshot-compare';
import { startWebHost, type WebHost } from '../support/web-host';

vi.setConfig({ testTimeout: 90_000 });

let host: WebHost;
let browser: Browser;
let counter: Counter;
let page: Page;
const NAMES = ['Đỗ Đức Dũng', 'Nguyễn Thị Hồng Đào', 'Lê Anh Đạo', 'Trần Văn Bình'];
const LATE = 'Phạm Thị Thu Hà';

/** The late one is received on Friday, four days before the tests' Tuesday, and forgotten. */
const LATE_RECEIVED_AT = '2026-11-13T09:00:00+07:00';

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost({ clock: LATE_RECEIVED_AT }), launchChromium()]);
  counter = await setUpCounter(host.url);
  // Chứng thực is due the same day (17:00): by Tuesday 09:00 it is 3 days 16 hours late.
  await receive(counter.rpc, LATE);
  await host.clock.set(TEST_INSTANT);
  // Four days later the Friday session has expired: sign in again, as the officer would.
  counter = await signIn(host.url);
  const received = [];
  for (const name of NAMES) received.push(await receive(counter.rpc, name));
  // One result handed back to its applicant today.
  for (const action of ['startProcessing', 'resultReady', 'returnResult']) {
    await counter.rpc('dossiers.act', { id: received[0]!.id, action, ...(action === 'returnResult' ? { collectedBy: NAMES[0] } : {}) });
  }
  page = await openSignedIn(browser, host, counter.token);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const kpi = (id: string) => page.getByTestId(`kpi-${id}`).textContent();
const names = (list: string) => page.getByTestId(list).getByTestId('late-name').allTextContents();

describe('Tổng quan', () => {
  it('shows today’s and this month’s counts, the on-time rate and the late lists as seeded', async () => {
    const d = await counter.rpc('reports.dashboard', {});
    // What was seeded: four received today and one last Friday (still open, late), one returned
    // today (finished on time).
    expect(d.today).toEqual({ received: 4, returned: 1 });
    expect(d.month).toMatchObject({ received: 5, returned: 1, finished: 1, onTime: 1 });
    expect(d.overdueCount).toBe(1);
    expect(d.overdue).toMatchObject([{ applicantName: LATE, daysLate: 4 }]);
    const open = NAMES.slice(1).sort();

    await poll(() => kpi('received-today')).toBe('4');
    expect(await kpi('returned-today')).toBe('1');
    expect(await kpi('received-month')).toBe('5');
    expect(await kpi('returned-month')).toBe('1');
    expect(await kpi('on-time-rate')).toBe('100%');
    expect(await kpi('overdue')).toBe('1');

    expect(await names('overdue-list')).toEqual([LATE]);
    expect(await page.getByTestId('overdue-list').getByTestId('days-late').textContent()).toBe('trễ 4 ngày');
    const [ymd, time] = (d.overdue[0].dueAt as string).split('T') as [string, string];
    await expect(page.getByTestId('overdue-list').textContent()).resolves.toContain(`${ymd.split('-').reverse().join('/')} ${time.slice(0, 5)}`);
    const soon = d.dueSoon.map((x: { applicantName: string }) => x.applicantName).sort();
    expect((await names('due-soon-list')).sort()).toEqual(soon);
    // Received on Tuesday 09:00, chứng thực is due at 17:00 the same day: everything still open
    // is due soon; the returned one and the late one are not listed.
    expect(soon).toEqual(open);

    await expect(page.getByTestId('chart-by-field').textContent()).resolves.toContain('Chứng thực');
  });

  it('opens a due-soon dossier in the detail drawer and refreshes after a return', async () => {
    const d = await counter.rpc('reports.dashboard', {});
    const first = d.dueSoon[0];
    await page.getByTestId('due-soon-list').getByTestId('late-name').filter({ hasText: first.applicantName }).click();
    await page.getByTestId('dossier-detail').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('dossier-detail').waitFor({ state: 'detached' });

    for (const action of ['startProcessing', 'resultReady', 'returnResult']) await counter.rpc('dossiers.act', { id: first.id, action });
    await page.getByTestId('dashboard-refresh').click();
    await poll(() => kpi('returned-today')).toBe('2');
    expect(await names('due-soon-list')).not.toContain(first.applicantName);
  });

  it('looks as reviewed at 1366×768', async () => {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    // Codes and times of day are masked; today's date and the month axis are the host's, fixed.
    const png = await baselineScreenshot(page, [page.locator('.mono, .dyn')]);
    const result = compareWithBaseline('dashboard.png', png);
    expect(result.sizeMatches).toBe(true);
    expect(result.ratio).toBeLessThanOrEqual(MAX_DIFF_RATIO);
  });
});
