/**
 * Tổng quan for the commune's leader: the numbers on the cards, the overdue and due-soon lists
 * and the charts come from reports.dashboard and match what the counter did today.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { openSignedIn, poll, receive, setUpCounter, type Counter } from '../support/counter';
import { compareWithBaseline } from '../support/screenshot-compare';
import { startWebHost, type WebHost } from '../support/web-host';

vi.setConfig({ testTimeout: 90_000 });

let host: WebHost;
let browser: Browser;
let counter: Counter;
let page: Page;
const NAMES = ['Đỗ Đức Dũng', 'Nguyễn Thị Hồng Đào', 'Lê Anh Đạo', 'Trần Văn Bình'];
const LATE = 'Phạm Thị Thu Hà';

/**
 * The browser host has no test clock, so a dossier cannot become late within a test run: move
 * one due date back in the database instead, as if it had been received weeks ago and forgotten.
 */
function backdateDue(dataDir: string, id: string, dueAt: Date): void {
  const db = new Database(path.join(dataDir, 'motcua.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE dossier SET due_at = ? WHERE id = ?').run(dueAt.toISOString(), id);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost(), launchChromium()]);
  counter = await setUpCounter(host.url);
  const received = [];
  for (const name of NAMES) received.push(await receive(counter.rpc, name));
  const late = await receive(counter.rpc, LATE);
  backdateDue(host.dataDir, late.id, new Date(Date.now() - 3 * 86_400_000 - 3_600_000));
  // One result handed back to its applicant today.
  for (const action of ['startProcessing', 'resultReady', 'returnResult']) {
    await counter.rpc('dossiers.act', { id: received[0]!.id, action, ...(action === 'returnResult' ? { collectedBy: NAMES[0] } : {}) });
  }
  page = await openSignedIn(browser, host.url, counter.token);
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
    // What was seeded: five received today, one returned (finished on time), one three days late.
    expect(d.today).toEqual({ received: 5, returned: 1 });
    expect(d.month).toMatchObject({ received: 5, returned: 1, finished: 1, onTime: 1 });
    expect(d.overdueCount).toBe(1);
    expect(d.overdue).toMatchObject([{ applicantName: LATE, daysLate: 4 }]);
    const open = NAMES.slice(1).sort();

    await poll(() => kpi('received-today')).toBe('5');
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
    // Everything still open is due within the next working days; the returned one is not listed.
    for (const n of soon) expect(open).toContain(n);
    expect(soon).not.toContain(NAMES[0]);

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
    const png = await page.screenshot({
      type: 'png',
      animations: 'disabled',
      caret: 'hide',
      // Codes, dates, and the month axis (it moves every month) change between runs.
      mask: [page.locator('.mono, .dyn, [data-testid="today"], .month-tick')],
      maskColor: '#c8ccd4',
    });
    const result = await compareWithBaseline(browser, 'dashboard.png', png);
    expect(result.sizeMatches).toBe(true);
    expect(result.ratio).toBeLessThanOrEqual(0.01);
  });
});
