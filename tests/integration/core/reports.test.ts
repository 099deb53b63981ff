/**
 * Tổng quan and Biểu II.06a: numbers equal to the dossiers behind them, the identities of
 * DOMAIN.md §9.1 holding on realistic demo data, and exports a spreadsheet reads safely.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../src-main/core/core';
import { seedDemo } from '../../../src-main/core/demo/seed-demo';
import { computeII06a } from '../../../src-main/core/reports/ii06a';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { signingInAgainOverHttp } from '../../support/signing-in-again';
import { rpcCall, SAMPLE_SETUP, tempDir } from '../../support/web-host';

const clock = new ManualClock('2026-11-02T08:00:00+07:00'); // Monday
let host: CoreHost;
let token: string;
// The clock moves over weeks here: the officer signs in again when core ends the session.
const desk = signingInAgainOverHttp(() => host.url);
const call = (name: string, input: unknown) => desk.call(name, input, token);

async function receive(procedureCode: string, fullName: string) {
  return (await call('dossiers.receive', { procedureCode, applicant: { fullName } })).body.result as { id: string; code: string };
}

beforeAll(async () => {
  host = await startCoreHost({ clock });
  await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP);
  token = await desk.signIn('quantri', SAMPLE_SETUP.admin.password);

  // Carried over: received in October, still open on 1 November (due 10:00 on 5 November).
  clock.set('2026-10-30T10:00:00+07:00');
  const carried = await receive('1.004194', 'Trần Văn Cũ');
  // In November: one returned early, one returned late, one open and overdue, one refused.
  clock.set('2026-11-02T08:00:00+07:00');
  const early = await receive('1.004194', 'Nguyễn Văn Sớm'); // due Thursday 5/11 08:00
  const late = await receive('2.000884', '=HYPERLINK("http://x")'); // chứng thực chữ ký: due the same day 17:00
  await receive('1.004194', 'Lê Thị Đang'); // stays open
  await call('dossiers.reject', { procedureCode: '2.000815', applicant: { fullName: 'Phạm Từ Chối' }, reason: 'Không thuộc thẩm quyền' });

  clock.set('2026-11-03T09:00:00+07:00');
  for (const a of ['startProcessing', 'resultReady', 'returnResult'] as const) await call('dossiers.act', { id: early.id, action: a });
  for (const a of ['startProcessing', 'resultReady', 'returnResult'] as const) await call('dossiers.act', { id: late.id, action: a });
  clock.set('2026-11-06T09:00:00+07:00');
  void carried;
});
afterAll(async () => host?.close());

describe('Biểu II.06a', () => {
  it('counts received, carried over, resolved early/late and pending for November', async () => {
    const res = await call('reports.ii06a', { from: '2026-11-01', to: '2026-11-30' });
    expect(res.status).toBe(200);
    const t = res.body.result.total;
    expect(t).toMatchObject({
      receivedDirect: 3, // the refusal is not a received dossier
      receivedOnline: 0,
      carriedOver: 1,
      received: 4,
      resolvedEarly: 1,
      resolvedOnTime: 0,
      resolvedLate: 1,
      resolved: 2,
      pendingInTime: 0,
      pendingLate: 2, // due 5/11 and 5/11, the period ends 30/11 and they are still open
      pending: 2,
    });
    expect(res.body.result.periodLabel).toBe('Từ ngày 01/11/2026 đến ngày 30/11/2026');
  });

  it('keeps (3)=(4)+(5)+(6), (7)=(8)+(9)+(10), (11)=(12)+(13) and (3)=(7)+(11) on two years of demo data', async () => {
    const demo = await openCore({ dataDir: tempDir('motcua-reports-'), clock: new ManualClock('2026-11-06T09:00:00+07:00') });
    await demo.services.office.initialize(SAMPLE_SETUP.office, SAMPLE_SETUP.admin);
    seedDemo(demo, { dossiers: 3000, seed: 7, since: '2025-01-02' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 120 }), (startDay, length) => {
        const from = new Date(Date.UTC(2025, 0, 2) + startDay * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2025, 0, 2) + (startDay + length) * 86_400_000).toISOString().slice(0, 10);
        const report = computeII06a(demo.db, from, to, demo.clock.now());
        for (const r of [...report.rows, report.total]) {
          expect(r.received).toBe(r.receivedOnline + r.receivedDirect + r.carriedOver);
          expect(r.resolved).toBe(r.resolvedEarly + r.resolvedOnTime + r.resolvedLate);
          expect(r.pending).toBe(r.pendingInTime + r.pendingLate);
          expect(r.received).toBe(r.resolved + r.pending);
        }
      }),
      { seed: 20261122, numRuns: 40 },
    );
    demo.close();
  });

  it('exports CSV with a BOM and XLSX, with a formula-looking name neutralised', async () => {
    const csv = await call('reports.exportII06a', { from: '2026-11-01', to: '2026-11-30', format: 'csv' });
    const text = Buffer.from(csv.body.result.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Trực tiếp, dịch vụ bưu chính (5)');
    const xlsx = await call('reports.exportII06a', { from: '2026-11-01', to: '2026-11-30', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.body.result.base64, 'base64') as never);
    const values = wb.getWorksheet('II.06a')!.getSheetValues().flat().filter((v) => v !== undefined);
    expect(values).toContain('Tổng cộng');
  });

  it('prints the report for the period', async () => {
    const res = await call('print.render', { form: 'report_ii06a', details: { period: { from: '2026-11-01', to: '2026-11-30' } } });
    expect(res.status).toBe(200);
    expect(Buffer.from(res.body.result.pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await call('reports.ii06a', { from: '2026-11-30', to: '2026-11-01' });
    expect(res.status).toBe(400);
  });
});

describe('Tổng quan', () => {
  it('shows overdue dossiers with days late and the month on-time rate', async () => {
    const fresh = await startCoreHost({ clock: new ManualClock('2026-11-02T08:00:00+07:00') });
    try {
      await rpcCall(fresh.url, 'setup.initialize', SAMPLE_SETUP);
      const t = (await rpcCall(fresh.url, 'auth.login', { username: 'quantri', password: SAMPLE_SETUP.admin.password })).body.result.token;
      const c = (n: string, i: unknown) => rpcCall(fresh.url, n, i, t);
      const open = (await c('dossiers.receive', { procedureCode: '1.004194', applicant: { fullName: 'Đinh Văn Trễ' } })).body.result;
      const quick = (await c('dossiers.receive', { procedureCode: '2.000884', applicant: { fullName: 'Võ Thị Nhanh' } })).body.result;
      for (const a of ['startProcessing', 'resultReady', 'returnResult']) await c('dossiers.act', { id: quick.id, action: a });
      const dash = (await c('reports.dashboard', {})).body.result;
      expect(dash.today).toEqual({ received: 2, returned: 1 });
      expect(dash.month).toMatchObject({ received: 2, returned: 1, finished: 1, onTime: 1 });
      expect(dash.onTimeRate).toBe(1);
      expect(dash.overdueCount).toBe(0);
      expect(dash.dueSoon.map((d: { id: string }) => d.id)).toEqual([]);
      expect(dash.byField.find((f: { field: string }) => f.field === 'cu_tru')).toMatchObject({ received: 1, finished: 0 });
      expect(dash.byMonth).toHaveLength(12);
      expect(dash.byMonth.at(-1)).toMatchObject({ month: '2026-11', received: 2, finished: 1, late: 0 });
      void open;
    } finally {
      await fresh.close();
    }
  });

  it('lists a dossier as overdue once its due time has passed, with its days late', async () => {
    const dash = (await call('reports.dashboard', {})).body.result; // clock: Friday 6/11 09:00
    const names = dash.overdue.map((d: { applicantName: string }) => d.applicantName);
    expect(names).toEqual(expect.arrayContaining(['Trần Văn Cũ', 'Lê Thị Đang']));
    expect(dash.overdue.find((d: { applicantName: string }) => d.applicantName === 'Lê Thị Đang').daysLate).toBe(2);
  });

  it('sums a counter day for the daily closing', async () => {
    const res = await call('reports.dailyClosing', { date: '2026-11-02' });
    expect(res.body.result).toMatchObject({ received: 3, rejected: 1, returned: 0 });
    expect(res.body.result.byProcedure.map((p: { procedureCode: string }) => p.procedureCode).sort()).toEqual(['1.004194', '2.000884']);
  });
});
