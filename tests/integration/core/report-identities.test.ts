/**
 * The figures an inspector would sign, on two years of demo data (core/demo: refusals, supplement
 * pauses, second supplements, verification, apologies, withdrawals) in a real SQLite file:
 *  - Biểu II.06a's identities for any period: (3)=(4)+(5)+(6), (7)=(8)+(9)+(10), (11)=(12)+(13),
 *    (3)=(7)+(11);
 *  - what one period leaves pending is exactly what the next carries over;
 *  - Tổng quan (day-stat triggers, SQL) and Biểu II.06a (the rule in TypeScript, replaying the
 *    timeline for past instants) agree month by month and on today's overdue dossiers;
 *  - an apology never turns a late dossier into an on-time one.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumberOfYmd, ymdOfDayNumber } from '../../../src-shared/domain/vn-time';
import { openCore, type Core } from '../../../src-main/core/core';
import { seedDemo } from '../../../src-main/core/demo/seed-demo';
import { computeDashboard } from '../../../src-main/core/reports/dashboard';
import { computeII06a } from '../../../src-main/core/reports/ii06a';
import { ManualClock } from '../../support/clock';
import { SAMPLE_SETUP, tempDir } from '../../support/web-host';

const NOW = '2026-11-20T10:00:00+07:00'; // Friday
let core: Core;

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir('motcua-identities-'), clock: new ManualClock(NOW) });
  await core.services.office.initialize(SAMPLE_SETUP.office, SAMPLE_SETUP.admin);
  seedDemo(core, { dossiers: 4000, seed: 13, since: '2025-01-02' });
}, 120_000);
afterAll(() => core?.close());

const FIRST = dayNumberOfYmd('2025-01-02');
const LAST = dayNumberOfYmd('2026-11-20');
const now = () => core.clock.now();

describe('the demo data has every case the rules treat apart', () => {
  it('refusals, apologies, second supplements, withdrawals and verifications are all there', () => {
    const q = (sql: string) => (core.db.$client.prepare(sql).get() as { n: number }).n;
    expect(q("SELECT count(*) AS n FROM dossier WHERE status = 'rejected'")).toBeGreaterThan(20);
    expect(q('SELECT count(*) AS n FROM dossier WHERE extended_due_at IS NOT NULL AND finished_at > due_at')).toBeGreaterThan(20);
    expect(q('SELECT count(*) AS n FROM dossier WHERE supplement_count > 1')).toBeGreaterThan(3);
    expect(q('SELECT count(*) AS n FROM dossier WHERE withdrawal_requested_at IS NOT NULL')).toBeGreaterThan(3);
    expect(q('SELECT count(*) AS n FROM dossier WHERE verification_at IS NOT NULL')).toBeGreaterThan(3);
    expect(q("SELECT count(*) AS n FROM dossier WHERE status = 'awaiting_supplement'")).toBeGreaterThan(0);
  });
});

describe('Biểu II.06a identities (DOMAIN §9.1), any period of two years', () => {
  it('(3)=(4)+(5)+(6), (7)=(8)+(9)+(10), (11)=(12)+(13), (3)=(7)+(11), apart-counts within their columns', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 0, max: 200 }), (start, length) => {
        const report = computeII06a(core.db, ymdOfDayNumber(start), ymdOfDayNumber(Math.min(LAST + 30, start + length)), now());
        for (const r of [...report.rows, report.total]) {
          expect(r.received).toBe(r.receivedOnline + r.receivedDirect + r.carriedOver);
          expect(r.resolved).toBe(r.resolvedEarly + r.resolvedOnTime + r.resolvedLate);
          expect(r.pending).toBe(r.pendingInTime + r.pendingLate);
          expect(r.received).toBe(r.resolved + r.pending);
          expect(r.resolvedLateApologised).toBeLessThanOrEqual(r.resolvedLate);
          expect(r.pendingLateApologised).toBeLessThanOrEqual(r.pendingLate);
          expect(r.withdrawn).toBeLessThanOrEqual(r.resolvedOnTime);
        }
      }),
      { seed: 20261204, numRuns: 60 },
    );
  });

  it('what a past period leaves pending is exactly what the next one carries over', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST - 60 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (start, a, b) => {
        const endA = Math.min(start + a, LAST - 2);
        const first = computeII06a(core.db, ymdOfDayNumber(start), ymdOfDayNumber(endA), now());
        const second = computeII06a(core.db, ymdOfDayNumber(endA + 1), ymdOfDayNumber(Math.min(endA + 1 + b, LAST)), now());
        expect(second.total.carriedOver).toBe(first.total.pending);
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  it('grades a current period as of now: dossiers not yet due are "trong hạn", whatever the period end', () => {
    const month = computeII06a(core.db, '2026-11-01', '2026-11-30', now());
    const openNotDue = core.db.$client
      .prepare("SELECT count(*) AS n FROM dossier WHERE status IN ('received','transferred','processing','awaiting_fee') AND supplement_count <= 1 AND due_at > ?")
      .get(now().toISOString()) as { n: number };
    expect(openNotDue.n).toBeGreaterThan(0);
    expect(month.total.pendingInTime).toBeGreaterThanOrEqual(openNotDue.n);
    expect(month.asOf).toBe('2026-11-20T10:00:00+07:00');
  });
});

describe('Tổng quan and Biểu II.06a agree', () => {
  it('month by month: solved, late, late with an apology (12 months of the dashboard chart)', () => {
    const dash = computeDashboard(core.db, now());
    for (const m of dash.byMonth) {
      const [y, mo] = m.month.split('-').map(Number) as [number, number];
      const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      const report = computeII06a(core.db, `${m.month}-01`, `${m.month}-${String(lastDay).padStart(2, '0')}`, now());
      expect({ month: m.month, finished: m.finished, late: m.late }).toEqual({ month: m.month, finished: report.total.resolved, late: report.total.resolvedLate });
    }
  });

  it('this month and today: on-time rate, apologies, and overdue dossiers', () => {
    const dash = computeDashboard(core.db, now());
    const report = computeII06a(core.db, '2026-11-01', '2026-11-20', now());
    expect(dash.month.finished).toBe(report.total.resolved);
    expect(dash.month.onTime).toBe(report.total.resolvedEarly + report.total.resolvedOnTime);
    expect(dash.month.lateApologised).toBe(report.total.resolvedLateApologised);
    expect(dash.overdueCount).toBe(report.total.pendingLate);
    expect(dash.overdueApologised).toBe(report.total.pendingLateApologised);
  });
});

describe('an apology never makes a late dossier on time', () => {
  it('clearing every Mẫu 04 promise leaves every figure but the "đã xin lỗi" counts unchanged', async () => {
    const copy = await openCore({ dataDir: tempDir('motcua-identities-copy-'), clock: new ManualClock(NOW) });
    try {
      await copy.services.office.initialize(SAMPLE_SETUP.office, SAMPLE_SETUP.admin);
      seedDemo(copy, { dossiers: 4000, seed: 13, since: '2025-01-02' });
      const before = computeII06a(copy.db, '2025-01-01', '2026-11-20', now()).total;
      const changed = copy.db.$client.prepare('UPDATE dossier SET extended_due_at = NULL, extension_count = 0 WHERE extended_due_at IS NOT NULL').run().changes;
      expect(changed).toBeGreaterThan(20);
      const after = computeII06a(copy.db, '2025-01-01', '2026-11-20', now()).total;
      expect({ ...after, resolvedLateApologised: 0, pendingLateApologised: 0 }).toEqual({ ...before, resolvedLateApologised: 0, pendingLateApologised: 0 });
      expect(before.resolvedLateApologised).toBeGreaterThan(0);
      expect(after.resolvedLateApologised).toBe(0);
    } finally {
      copy.close();
    }
  });
});
