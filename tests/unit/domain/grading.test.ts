/**
 * The one grading rule (src-shared/domain/grading.ts): hand-worked cases, then properties that
 * must hold for any dossier — an extension never changes a grade, a solved dossier keeps its grade
 * whatever the later instant, the states partition every dossier.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeAsOf, type GradeFacts } from '@shared/domain/grading';
import { DOSSIER_STATUSES } from '@shared/dossier';
import { vn } from './fixtures';

// Legal due Friday 20/11/2026 17:00 (e.g. 3 working days from Tuesday 17/11 17:00).
const base: GradeFacts = {
  status: 'processing',
  receivedAt: vn('2026-11-17', '17:00'),
  dueAt: vn('2026-11-20', '17:00'),
  finishedAt: null,
  pausedSince: null,
  supplementCount: 0,
  withdrawn: false,
  extended: false,
};
const MONDAY = vn('2026-11-30', '09:00');

const CASES: { name: string; facts: Partial<GradeFacts>; asOf: string; expected: object }[] = [
  { name: 'finished the day before the due day: trước hạn', facts: { status: 'returned', finishedAt: vn('2026-11-19', '10:00') }, asOf: MONDAY, expected: { state: 'solved', grade: 'early' } },
  { name: 'finished at 16:59 on the due day: đúng hạn', facts: { status: 'result_ready', finishedAt: vn('2026-11-20', '16:59') }, asOf: MONDAY, expected: { state: 'solved', grade: 'on_time' } },
  { name: 'finished exactly at the due instant: đúng hạn', facts: { status: 'returned', finishedAt: vn('2026-11-20', '17:00') }, asOf: MONDAY, expected: { state: 'solved', grade: 'on_time' } },
  { name: 'finished Monday 23/11 08:00: quá hạn', facts: { status: 'returned', finishedAt: vn('2026-11-23', '08:00') }, asOf: MONDAY, expected: { state: 'solved', grade: 'late', apologised: false } },
  {
    name: 'finished late but within the Mẫu 04 promise: still quá hạn, marked "đã xin lỗi"',
    facts: { status: 'returned', finishedAt: vn('2026-11-23', '08:00'), extended: true },
    asOf: MONDAY,
    expected: { state: 'solved', grade: 'late', apologised: true },
  },
  { name: 'an apology on a dossier finished on time changes nothing', facts: { status: 'returned', finishedAt: vn('2026-11-20', '10:00'), extended: true }, asOf: MONDAY, expected: { state: 'solved', grade: 'on_time', apologised: false } },
  { name: 'stopped after the due date (not withdrawn): quá hạn', facts: { status: 'stopped', finishedAt: vn('2026-11-24', '09:00') }, asOf: MONDAY, expected: { state: 'solved', grade: 'late' } },
  {
    name: 'withdrawn by the citizen and stopped after the due date: đúng hạn (II.06a footnote)',
    facts: { status: 'stopped', finishedAt: vn('2026-11-24', '09:00'), withdrawn: true },
    asOf: MONDAY,
    expected: { state: 'solved', grade: 'on_time', withdrawn: true },
  },
  {
    name: 'two supplement requests, finished before the due date: quá hạn and an exception (QĐ 766)',
    facts: { status: 'returned', finishedAt: vn('2026-11-19', '10:00'), supplementCount: 2 },
    asOf: MONDAY,
    expected: { state: 'solved', grade: 'late', exception: true },
  },
  { name: 'still processing at 16:00 on the due day: trong hạn', facts: {}, asOf: vn('2026-11-20', '16:00'), expected: { state: 'pending', grade: 'in_time' } },
  { name: 'still processing at 17:01 on the due day: quá hạn', facts: {}, asOf: vn('2026-11-20', '17:01'), expected: { state: 'pending', grade: 'overdue' } },
  {
    name: 'result ready on Monday 23/11 but graded as of Friday 18:00: pending, quá hạn',
    facts: { status: 'result_ready', finishedAt: vn('2026-11-23', '10:00') },
    asOf: vn('2026-11-20', '18:00'),
    expected: { state: 'pending', grade: 'overdue' },
  },
  {
    name: 'awaiting a supplement asked for on Thursday 19/11 (before the due date): trong hạn, however long',
    facts: { status: 'awaiting_supplement', pausedSince: vn('2026-11-19', '09:00'), supplementCount: 1 },
    asOf: MONDAY,
    expected: { state: 'pending', grade: 'in_time' },
  },
  {
    name: 'awaiting a supplement asked for on Monday 23/11 (after the due date): quá hạn',
    facts: { status: 'awaiting_supplement', pausedSince: vn('2026-11-23', '09:00'), supplementCount: 1 },
    asOf: MONDAY,
    expected: { state: 'pending', grade: 'overdue' },
  },
  { name: 'withdrawal requested, not yet stopped, past the due date: trong hạn (II.06a footnote)', facts: { status: 'withdrawal_requested' }, asOf: MONDAY, expected: { state: 'pending', grade: 'in_time' } },
  { name: 'a second supplement request while pending: quá hạn and an exception', facts: { supplementCount: 2 }, asOf: vn('2026-11-19', '09:00'), expected: { state: 'pending', grade: 'overdue', exception: true } },
  { name: 'refused at the counter (Mẫu 03): never received', facts: { status: 'rejected', finishedAt: vn('2026-11-17', '17:00') }, asOf: MONDAY, expected: { state: 'not_received' } },
  { name: 'received after the report instant: not counted', facts: {}, asOf: vn('2026-11-17', '16:00'), expected: { state: 'not_yet_received' } },
];

describe('gradeAsOf — hand-worked', () => {
  it.each(CASES)('$name', (c) => {
    expect(gradeAsOf({ ...base, ...c.facts }, c.asOf)).toMatchObject(c.expected);
  });
});

const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms).toISOString());

const facts: fc.Arbitrary<GradeFacts> = fc
  .record({
    status: fc.constantFrom(...DOSSIER_STATUSES),
    receivedAt: instant,
    dueDelay: fc.integer({ min: 0, max: 30 * 86_400_000 }),
    finishDelay: fc.option(fc.integer({ min: 0, max: 60 * 86_400_000 }), { nil: null }),
    pauseDelay: fc.option(fc.integer({ min: 0, max: 40 * 86_400_000 }), { nil: null }),
    supplementCount: fc.integer({ min: 0, max: 3 }),
    withdrawn: fc.boolean(),
    extended: fc.boolean(),
  })
  .map((f) => {
    const r = Date.parse(f.receivedAt);
    return {
      status: f.status,
      receivedAt: f.receivedAt,
      dueAt: new Date(r + f.dueDelay).toISOString(),
      finishedAt: f.finishDelay === null ? null : new Date(r + f.finishDelay).toISOString(),
      pausedSince: f.pauseDelay === null ? null : new Date(r + f.pauseDelay).toISOString(),
      supplementCount: f.supplementCount,
      withdrawn: f.withdrawn,
      extended: f.extended,
    };
  });

describe('gradeAsOf — properties', () => {
  it('an extension (Mẫu 04) never changes the state or the grade, only marks late ones as apologised', () => {
    fc.assert(
      fc.property(facts, instant, (d, asOf) => {
        const without = gradeAsOf({ ...d, extended: false }, asOf);
        const withExtension = gradeAsOf({ ...d, extended: true }, asOf);
        expect(withExtension.state).toBe(without.state);
        if ('grade' in withExtension && 'grade' in without) {
          expect(withExtension.grade).toBe(without.grade);
          expect(without.apologised).toBe(false);
          expect(withExtension.apologised).toBe(withExtension.grade === 'late' || withExtension.grade === 'overdue');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a solved dossier keeps its grade at every later instant', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 400 * 86_400_000 }), (d, later) => {
        if (d.finishedAt === null) return;
        const first = gradeAsOf(d, d.finishedAt);
        const after = gradeAsOf(d, new Date(Date.parse(String(d.finishedAt)) + later).toISOString());
        expect(after).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });

  it('a pending dossier that was overdue stays overdue later while nothing happens to it', () => {
    fc.assert(
      fc.property(facts, instant, fc.integer({ min: 0, max: 100 * 86_400_000 }), (d, asOf, later) => {
        const open = { ...d, finishedAt: null };
        const now = gradeAsOf(open, asOf);
        if (now.state !== 'pending' || now.grade !== 'overdue') return;
        expect(gradeAsOf(open, new Date(Date.parse(asOf) + later).toISOString())).toMatchObject({ state: 'pending', grade: 'overdue' });
      }),
      { numRuns: 2000 },
    );
  });
});
