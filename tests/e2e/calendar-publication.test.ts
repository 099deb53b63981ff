/**
 * A province calendar publication that moves a due date, end to end: the province hub (on
 * PostgreSQL) publishes a new holiday, the counter pulls it, recomputes the legal due dates of its
 * open dossiers, keeps its own office sessions, and shows the officer — in Chromium — which
 * dossier moved, from which date to which, with the new appointment slip one click away. The
 * print and every step are in the audit log.
 *
 * The same page then shows the intake screen's catalog rules: a procedure without a deadline says
 * why it cannot be received, a residence procedure says it is received for Công an cấp xã.
 *
 * Both the hub and the counter run on one test clock (Monday 30/11/2026 08:00, Vietnam); dates
 * worked by hand from the default sessions 07:00–11:30 and 13:30–17:00.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCalendar } from '@shared/domain/calendar/load';
import { upsertAdmin } from '../../src-server/admin/admins';
import { createCommune, issueEnrollmentCode } from '../../src-server/admin/communes';
import { buildApp } from '../../src-server/app';
import { openDatabase } from '../../src-server/db/open';
import type { HubDatabase } from '../../src-server/db/types';
import { launchChromium } from '../support/browser';
import { ManualClock } from '../support/clock';
import { startCoreHost, type CoreHost } from '../support/core-host';
import { openSignedIn, poll, setUpCounter, signIn, type Counter } from '../support/counter';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { REPO_ROOT, SAMPLE_SETUP } from '../support/web-host';

vi.setConfig({ testTimeout: 120_000 });

const ADMIN = { username: 'quantri.tinh', password: 'mat-khau-tinh-2026' };
const clock = new ManualClock('2026-11-30T08:00:00+07:00'); // Monday

let pg: TestPostgres;
let database: HubDatabase;
let hub: Awaited<ReturnType<typeof buildApp>>;
let hubUrl: string;
let host: CoreHost;
let counter: Counter;
let browser: Browser;
let page: Page;
let moved: { id: string; code: string };
let untouched: { id: string; code: string };

async function hubAdmin(method: 'POST' | 'GET', url: string, payload?: unknown) {
  const res = await hub.inject({
    method,
    url,
    headers: { authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}` },
    ...(payload ? { payload: payload as object } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  [pg, browser] = await Promise.all([startTestPostgres(), launchChromium()]);
  database = await openDatabase({ kind: 'postgresql', url: pg.url });
  await upsertAdmin(database.db, ADMIN);
  hub = await buildApp({ database, logger: false, clock });
  hubUrl = await hub.listen({ port: 0, host: '127.0.0.1' });
  await createCommune(database.db, { code: SAMPLE_SETUP.office.agencyCode, name: 'Xã Tân Lập' });
  const { code } = await issueEnrollmentCode(database.db, SAMPLE_SETUP.office.agencyCode, clock.now(), 72);

  host = await startCoreHost({ clock, rendererDir: path.join(REPO_ROOT, 'dist', 'renderer') });
  counter = await setUpCounter(host.url);
  await counter.rpc('sync.enroll', { hubUrl, code });
  // The commune works Saturday mornings: its own sessions, which no province publication changes.
  const own = await counter.rpc('calendar.get', {});
  await counter.rpc('calendar.save', { calendar: { ...own, weeklySessions: { ...own.weeklySessions, sat: [{ start: '07:30', end: '11:30' }] } }, note: 'Làm việc sáng thứ Bảy' });

  // Xác nhận tình trạng hôn nhân, 3 working days: Monday 08:00 + 24 h → Thursday 03/12 08:00.
  moved = await counter.rpc('dossiers.receive', { procedureCode: '1.004873', applicant: { fullName: 'Nguyễn Thị Hồng Đào' } });
  // Chứng thực chữ ký, trong ngày: Monday 30/11 17:00, before any new holiday.
  untouched = await counter.rpc('dossiers.receive', { procedureCode: '2.000884', applicant: { fullName: 'Đỗ Đức Dũng' } });
  expect((await counter.rpc('dossiers.get', { id: moved.id })).dueAt).toBe('2026-12-03T08:00:00+07:00');
  await counter.rpc('print.render', { form: 'mau01', dossierId: moved.id });
  expect((await counter.rpc('sync.now', {})).pending).toBe(0);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await hub?.close();
  await database?.close();
  await pg?.stop();
});

describe('a province calendar publication that moves a due date', () => {
  it('is pulled by the counter, which moves the open dossier’s legal due date and keeps its own sessions', async () => {
    clock.set('2026-11-30T09:00:00+07:00');
    // An hour later core has locked the idle session, as it would at the counter: sign in again.
    counter = await signIn(host.url);
    const published = loadCalendar(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'assets', 'seed', 'calendar-vn.json'), 'utf8')));
    published.years.find((y) => y.year === 2026)!.holidays.push({
      date: '2026-12-01',
      name: 'Ngày nghỉ do tỉnh công bố',
      kind: 'nghi_bu',
      legalRef: 'Thông báo của UBND tỉnh (thử nghiệm)',
    });
    await hubAdmin('POST', '/v1/admin/publications', { kind: 'calendar', version: 'TH-LICH-2026.2', data: published });

    await poll(async () => (await counter.rpc('sync.now', {})) && (await counter.rpc('dossiers.get', { id: moved.id })).dueAt).toBe(
      // Tuesday 01/12 closed: Monday 420 min, Wednesday 900, Thursday 1380, Friday 04/12 07:00 + 60.
      '2026-12-04T08:00:00+07:00',
    );
    expect((await counter.rpc('dossiers.get', { id: untouched.id })).dueAt).toBe('2026-11-30T17:00:00+07:00');
    const calendar = await counter.rpc('calendar.get', {});
    expect(calendar.weeklySessions.sat).toEqual([{ start: '07:30', end: '11:30' }]);
    expect(calendar.years.find((y: { year: number }) => y.year === 2026).holidays.map((h: { date: string }) => h.date)).toContain('2026-12-01');
  });

  it('shows the officer the dossier with its old and new dates, and prints the new appointment slip', async () => {
    page = await openSignedIn(browser, { url: host.url, clock }, counter.token);
    const card = page.getByTestId('due-revisions');
    await card.waitFor();
    const row = card.locator('tr', { hasText: moved.code });
    await expect.poll(() => row.textContent()).toContain('03/12/2026 08:00');
    expect(await row.getByTestId('revision-new-due').textContent()).toBe('04/12/2026 08:00');
    expect(await card.textContent()).not.toContain(untouched.code);

    await row.getByTestId('revision-reprint').click();
    await page.getByTestId('pdf-frame').waitFor();
    const records = await counter.rpc('print.records', { dossierId: moved.id });
    expect(records.items.filter((r: { form: string }) => r.form === 'mau01')).toHaveLength(2);
    expect(new Set(records.items.map((r: { sha256: string }) => r.sha256)).size).toBe(2);
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    // A new slip printed: the line leaves the list.
    await card.waitFor({ state: 'detached' });
  });

  it('opens the dossier on its new legal due date and records it all in the audit log', async () => {
    const detail = await counter.rpc('dossiers.get', { id: moved.id });
    expect(detail.events.map((e: { type: string }) => e.type)).toContain('dueRecomputed');
    const audit = (await counter.rpc('audit.list', { limit: 100 })).items as { action: string; target: string | null; details: unknown }[];
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['calendar.recompute_due', 'dossier.dueRecomputed', 'print.rendered']));
    const recompute = audit.find((a) => a.action === 'dossier.dueRecomputed' && a.target === moved.code)!;
    expect(recompute.details).toMatchObject({ oldDueAt: '2026-12-03T01:00:00.000Z', legalDueAt: '2026-12-04T01:00:00.000Z' });
    // The province receives the moved date with the next push.
    await poll(async () => (await counter.rpc('sync.now', {})).pending).toBe(0);
    const found = await hubAdmin('GET', `/v1/admin/dossiers?q=${encodeURIComponent(moved.code)}&limit=5`);
    expect(found.rows[0]).toMatchObject({ code: moved.code });
    expect(new Date(found.rows[0].dueAt).toISOString()).toBe('2026-12-04T01:00:00.000Z');
  });

  it('intake says why a procedure without a deadline cannot be received, and marks a police procedure', async () => {
    await page.keyboard.press('F2');
    const intake = page.getByTestId('intake');
    const pick = async (typed: string, option: RegExp) => {
      const picker = intake.getByRole('combobox', { name: 'Thủ tục hành chính' });
      await picker.click();
      await picker.pressSequentially(typed, { delay: 10 });
      await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    };
    await pick('1.001776', /1\.001776/);
    const notice = page.getByTestId('intake-no-deadline');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('chưa có thời hạn giải quyết');
    expect(await page.getByTestId('intake-save').isDisabled()).toBe(true);

    await pick('1.004222', /1\.004222/);
    const other = page.getByTestId('intake-other-agency');
    await other.waitFor();
    expect(await other.textContent()).toContain('Công an cấp xã');
    expect(await page.getByTestId('intake-save').isDisabled()).toBe(false);
  });
});
