/**
 * The fast paths behind Tổng quan, Biểu II.06a and search give exactly what the slow, obvious
 * queries over the dossier rows give: dossier_day_stat (kept by triggers) against a recount, the
 * dashboard against the range counts it replaced, both II.06a plans against each other, and FTS
 * prefix search (detail=none with prefix indexes) against a scan of every row.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCEDURE_FIELDS, type ProcedureField } from '../../../src-shared/domain/catalog';
import { foldForSearch } from '../../../src-shared/domain/text';
import { MS_PER_DAY, toVnIso } from '../../../src-shared/domain/vn-time';
import { openCore, type Core } from '../../../src-main/core/core';
import type { CounterDb } from '../../../src-main/core/db/open';
import { seedDemo } from '../../../src-main/core/demo/seed-demo';
import { computeDashboard } from '../../../src-main/core/reports/dashboard';
import { periodRows } from '../../../src-main/core/reports/ii06a';
import { standingNow, type GradeFields } from '../../../src-main/core/dossiers/records';
import { dayStart, monthStart, periodBounds } from '../../../src-main/core/reports/period';
import { ManualClock } from '../../support/clock';
import { initializeOldSchema, migrationsBefore, seedOldSchema } from '../../support/old-schema-seed';
import { signingInAgainInCore } from '../../support/signing-in-again';
import { SAMPLE_SETUP, tempDir } from '../../support/web-host';

const clock = new ManualClock('2026-11-06T09:00:00+07:00'); // Friday
let core: Core;
let token: string;

// The clock moves over days here: the officer signs in again when core ends the session.
const desk = signingInAgainInCore(() => core);

async function call(name: string, input: unknown) {
  const res = await desk.call(name, input, token);
  if (!res.ok) throw new Error(`${name}: ${JSON.stringify(res.error)}`);
  return res.result as never;
}

/** On time by the grading rule (src-shared/domain/grading.ts), written out again for the recount. */
const ON_TIME = `(withdrawal_requested_at IS NOT NULL OR (supplement_count <= 1 AND finished_at <= due_at))`;

/** dossier_day_stat recomputed from the dossier rows, zero rows left out. */
function recount(db: CounterDb) {
  return db.$client
    .prepare(
      `SELECT day, field, sum(received) AS received, sum(received_finished) AS receivedFinished, sum(received_on_time) AS receivedOnTime,
              sum(finished) AS finished, sum(finished_on_time) AS finishedOnTime, sum(late_apologised) AS finishedLateApologised,
              sum(exception) AS finishedException, sum(returned) AS returned
       FROM (
         SELECT date(received_at, '+7 hours') AS day, procedure_field AS field, 1 AS received, finished_at IS NOT NULL AS received_finished,
                finished_at IS NOT NULL AND ${ON_TIME} AS received_on_time, 0 AS finished, 0 AS finished_on_time, 0 AS late_apologised,
                0 AS exception, 0 AS returned
         FROM dossier WHERE status <> 'rejected'
         UNION ALL SELECT date(finished_at, '+7 hours'), procedure_field, 0, 0, 0, 1, ${ON_TIME}, NOT ${ON_TIME} AND extended_due_at IS NOT NULL,
                supplement_count > 1, 0 FROM dossier WHERE finished_at IS NOT NULL AND status <> 'rejected'
         UNION ALL SELECT date(returned_at, '+7 hours'), procedure_field, 0, 0, 0, 0, 0, 0, 0, 1 FROM dossier WHERE returned_at IS NOT NULL
       ) GROUP BY day, field ORDER BY day, field`,
    )
    .all();
}

function stored(db: CounterDb) {
  return db.$client
    .prepare(
      `SELECT day, field, received, received_finished AS receivedFinished, received_on_time AS receivedOnTime,
              finished, finished_on_time AS finishedOnTime, finished_late_apologised AS finishedLateApologised,
              finished_exception AS finishedException, returned
       FROM dossier_day_stat
       WHERE received <> 0 OR received_finished <> 0 OR received_on_time <> 0 OR finished <> 0 OR finished_on_time <> 0
         OR finished_late_apologised <> 0 OR finished_exception <> 0 OR returned <> 0
       ORDER BY day, field`,
    )
    .all();
}

/**
 * Tổng quan the slow, obvious way: range counts over the dossier rows, and every open row graded
 * by the shared rule in TypeScript (not by the SQL twin the dashboard uses).
 */
function dashboardFromRows(db: CounterDb, now: Date) {
  const q = db.$client;
  const count = (sql: string, ...args: unknown[]) => (q.prepare(sql).get(...args) as { n: number }).n;
  const received = (a: string, b: string) => count(`SELECT count(*) AS n FROM dossier WHERE received_at >= ? AND received_at < ? AND status <> 'rejected'`, a, b);
  const returned = (a: string, b: string) => count(`SELECT count(*) AS n FROM dossier WHERE returned_at >= ? AND returned_at < ?`, a, b);
  const finished = (a: string, b: string) =>
    q
      .prepare(
        `SELECT count(*) AS n, coalesce(sum(${ON_TIME}), 0) AS onTime, coalesce(sum(NOT ${ON_TIME} AND extended_due_at IS NOT NULL), 0) AS apologised,
                coalesce(sum(supplement_count > 1), 0) AS exceptions
         FROM dossier WHERE finished_at >= ? AND finished_at < ? AND status <> 'rejected'`,
      )
      .get(a, b) as { n: number; onTime: number; apologised: number; exceptions: number };
  const nowIso = now.toISOString();
  const month = monthStart(now);
  const nextMonth = monthStart(now, 1);
  const monthDone = finished(month.iso, nextMonth.iso);
  type OpenRow = { id: string; code: string; applicantName: string; procedureName: string; dueAt: string; extendedDueAt: string | null } & GradeFields;
  const open = (
    q
      .prepare(
        `SELECT id, code, applicant_name AS applicantName, procedure_name AS procedureName, status, received_at AS receivedAt, due_at AS dueAt,
                finished_at AS finishedAt, paused_since AS pausedSince, supplement_count AS supplementCount,
                withdrawal_requested_at AS withdrawalRequestedAt, extended_due_at AS extendedDueAt
         FROM dossier NOT INDEXED WHERE status NOT IN ('returned', 'rejected', 'stopped') ORDER BY due_at, local_seq`,
      )
      .all() as OpenRow[]
  ).filter((r) => {
    const s = standingNow(r, nowIso);
    return s.state === 'pending' && s.grade === 'overdue';
  });
  const RUNNING = `status NOT IN ('returned', 'rejected', 'stopped', 'awaiting_supplement', 'result_ready', 'withdrawal_requested')`;
  const soon = q.prepare(`SELECT id, code, applicant_name AS applicantName, procedure_name AS procedureName, due_at AS dueAt FROM dossier WHERE ${RUNNING} AND due_at >= ? AND due_at < ? ORDER BY due_at LIMIT 50`).all(nowIso, dayStart(now, 3)) as { dueAt: string }[];
  const byField = (
    q
      .prepare(
        `SELECT procedure_field AS field, count(*) AS received, sum(finished_at IS NOT NULL) AS finished, sum(finished_at IS NOT NULL AND ${ON_TIME}) AS onTime
         FROM dossier WHERE received_at >= ? AND received_at < ? AND status <> 'rejected' GROUP BY procedure_field ORDER BY received DESC, procedure_field`,
      )
      .all(month.iso, nextMonth.iso) as { field: string; received: number; finished: number; onTime: number }[]
  ).map((r) => ({ ...r, label: PROCEDURE_FIELDS[r.field as ProcedureField] ?? r.field }));
  return {
    asOf: toVnIso(nowIso),
    today: { received: received(dayStart(now), dayStart(now, 1)), returned: returned(dayStart(now), dayStart(now, 1)) },
    month: {
      received: received(month.iso, nextMonth.iso),
      returned: returned(month.iso, nextMonth.iso),
      finished: monthDone.n,
      onTime: monthDone.onTime,
      lateApologised: monthDone.apologised,
      exceptions: monthDone.exceptions,
    },
    onTimeRate: monthDone.n > 0 ? monthDone.onTime / monthDone.n : null,
    overdueCount: open.length,
    overdueApologised: open.filter((r) => r.extendedDueAt !== null).length,
    overdue: open.slice(0, 50).map((r) => ({
      id: r.id,
      code: r.code,
      applicantName: r.applicantName,
      procedureName: r.procedureName,
      dueAt: toVnIso(r.dueAt),
      daysLate: Math.max(0, Math.ceil((now.getTime() - new Date(r.dueAt).getTime()) / MS_PER_DAY)),
      extendedDueAt: r.extendedDueAt ? toVnIso(r.extendedDueAt) : null,
      exception: r.supplementCount > 1,
    })),
    dueSoon: soon.map((r) => ({ ...r, dueAt: toVnIso(r.dueAt) })),
    byField,
    byMonth: Array.from({ length: 12 }, (_, i) => {
      const m = monthStart(now, i - 11);
      const next = monthStart(now, i - 10);
      const done = finished(m.iso, next.iso);
      return { month: m.key, received: received(m.iso, next.iso), finished: done.n, late: done.n - done.onTime };
    }),
  };
}

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir('motcua-counts-'), clock });
  await core.services.office.initialize(SAMPLE_SETUP.office, SAMPLE_SETUP.admin);
  seedDemo(core, { dossiers: 3000, seed: 11, since: '2025-01-02' });
  token = await desk.signIn('quantri', SAMPLE_SETUP.admin.password);

  // Today's work on top of the demo data: receipts, a refusal, every kind of step.
  const received: string[] = [];
  for (const [i, code] of ['1.004194', '2.000884', '2.000815', '1.004194', '2.000884'].entries()) {
    received.push(((await call('dossiers.receive', { procedureCode: code, applicant: { fullName: `Công dân ${i}` }, pages: 2 })) as { id: string }).id);
  }
  await call('dossiers.reject', { procedureCode: '2.000815', applicant: { fullName: 'Phạm Từ Chối' }, reason: 'Thiếu giấy tờ' });
  for (const a of ['startProcessing', 'resultReady', 'returnResult']) await call('dossiers.act', { id: received[1], action: a });
  await call('dossiers.act', { id: received[0], action: 'startProcessing' });
  await call('dossiers.act', { id: received[0], action: 'requestSupplement' });
  clock.set('2026-11-09T10:00:00+07:00');
  await call('dossiers.act', { id: received[0], action: 'supplementReceived' });
  await call('dossiers.act', { id: received[2], action: 'stop', note: 'Công dân rút hồ sơ' });
  await call('dossiers.act', { id: received[3], action: 'extend', newDueDate: '2026-11-30', note: 'Cần xác minh' });
  // An old demo dossier finished late, as a province status would bring it.
  core.db.$client.prepare(`UPDATE dossier SET status = 'returned', finished_at = ?, returned_at = ? WHERE local_seq = (SELECT min(local_seq) FROM dossier WHERE status = 'processing')`).run(
    '2026-11-09T02:00:00.000Z',
    '2026-11-09T03:00:00.000Z',
  );
  // Inserting and deleting a row with nothing hanging off it moves the counts back.
  const row = core.db.$client.prepare('SELECT * FROM dossier WHERE status = ? LIMIT 1').get('returned') as Record<string, unknown>;
  const cols = Object.keys(row).filter((c) => c !== 'local_seq');
  core.db.$client.prepare(`INSERT INTO dossier (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`).run(...cols.map((c) => (c === 'id' ? 'tmp-id' : c === 'code' ? 'TMP-CODE' : row[c])));
  core.db.$client.prepare("UPDATE dossier SET procedure_field = 'khac', due_at = '2020-01-01T00:00:00.000Z' WHERE id = 'tmp-id'").run();
  core.db.$client.prepare("DELETE FROM dossier WHERE id = 'tmp-id'").run();
});
afterAll(() => core?.close());

describe('dossier_day_stat', () => {
  it('equals a recount of the dossier rows after receipts, a refusal, lifecycle steps, edits and a deletion', () => {
    const expected = recount(core.db);
    expect(expected.length).toBeGreaterThan(500);
    expect(stored(core.db)).toEqual(expected);
  });
});

describe('Tổng quan from dossier_day_stat', () => {
  it.each(['2026-11-09T10:00:00+07:00', '2026-11-01T00:00:00+07:00', '2026-10-31T23:59:59+07:00', '2026-03-15T16:30:00+07:00', '2025-06-30T17:00:00Z'])(
    'gives the same figures as range counts over the rows at %s',
    (at) => {
      const now = new Date(at);
      expect(computeDashboard(core.db, now)).toEqual(dashboardFromRows(core.db, now));
    },
  );
});

describe('Biểu II.06a', () => {
  it('takes the same rows whichever plan it walks', () => {
    const key = (r: object) => JSON.stringify(r);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 200 }), (startDay, length) => {
        const from = new Date(Date.UTC(2025, 0, 2) + startDay * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2025, 0, 2) + (startDay + length) * 86_400_000).toISOString().slice(0, 10);
        const a = periodRows(core.db, from, to, 'receipts').map(key).sort();
        const b = periodRows(core.db, from, to, 'recent').map(key).sort();
        expect(b).toEqual(a);
        expect(periodRows(core.db, from, to).map(key).sort()).toEqual(a);
      }),
      { seed: 20261109, numRuns: 40 },
    );
    const { start } = periodBounds('2026-11-01', '2026-11-30');
    expect(periodRows(core.db, '2026-11-01', '2026-11-30').some((r) => r.receivedAt < start)).toBe(true); // carried over
  });
});

describe('search at any prefix', () => {
  type Row = { localSeq: number; code: string; status: string; procedureCode: string; words: string[] };
  let rows: Row[];
  beforeAll(() => {
    // What unicode61 (remove_diacritics 2) makes of each indexed column: folded words.
    rows = (
      core.db.$client
        .prepare('SELECT local_seq AS localSeq, code, status, procedure_code AS procedureCode, search_name AS n, applicant_id_number AS i, applicant_phone AS p, search_address AS a FROM dossier ORDER BY local_seq DESC')
        .all() as { localSeq: number; code: string; status: string; procedureCode: string; n: string; i: string | null; p: string | null; a: string }[]
    ).map((r) => ({ ...r, words: [r.code, r.n, r.i ?? '', r.p ?? '', r.a].flatMap((c) => foldForSearch(c).split(/[^a-z0-9]+/).filter(Boolean)) }));
  });

  const expected = (query: string, filter: (r: Row) => boolean = () => true) => {
    const words = foldForSearch(query).split(/[^a-z0-9]+/).filter(Boolean);
    return rows.filter((r) => filter(r) && words.every((w) => r.words.some((t) => t.startsWith(w)))).map((r) => r.code);
  };

  it('finds what a scan of every row finds, newest first, for prefixes of 1 to 9 letters and several words', async () => {
    const names = rows.slice(0, 400).map((r) => r.words);
    const queries = ['d', 'ng', 'tha', 'ngu', 'nguy', 'nguye', 'nguyen', 'nguyen v', 'thanh hoa', 'le thi h', 'Đỗ', 'ĐINH', 'xa tan', 'h56 2611', '0912', '0381'];
    for (let i = 0; i < 40; i++) {
      const w = names[(i * 37) % names.length]!;
      queries.push(w.slice(1, 1 + (i % 3) + 1).map((x) => x.slice(0, 1 + (i % 9))).join(' '));
    }
    for (const query of queries) {
      const res = (await call('dossiers.search', { query, limit: 50 })) as { items: { code: string }[] };
      expect(res.items.map((i) => i.code), query).toEqual(expected(query).slice(0, 50));
    }
  });

  it('pages through a broad query with filters and a cursor exactly like the scan', async () => {
    const filter = (r: Row) => r.status === 'returned' && r.procedureCode === '2.000884';
    const want = expected('nguyen', filter);
    expect(want.length).toBeGreaterThan(30);
    const got: string[] = [];
    let cursor: string | null | undefined;
    do {
      const res = (await call('dossiers.search', { query: 'nguyen', status: 'returned', procedureCode: '2.000884', limit: 25, ...(cursor ? { cursor } : {}) })) as {
        items: { code: string }[];
        nextCursor: string | null;
      };
      got.push(...res.items.map((i) => i.code));
      cursor = res.nextCursor;
    } while (cursor);
    expect(got).toEqual(want);
  });

  it('lists a receipt period newest first, page after page', async () => {
    const { start, end } = periodBounds('2026-03-01', '2026-03-31');
    const want = (
      core.db.$client.prepare('SELECT code FROM dossier NOT INDEXED WHERE received_at >= ? AND received_at < ? ORDER BY local_seq DESC').all(start, end) as { code: string }[]
    ).map((r) => r.code);
    const first = (await call('dossiers.search', { from: '2026-03-01', to: '2026-03-31', limit: 50 })) as { items: { code: string }[]; nextCursor: string };
    const second = (await call('dossiers.search', { from: '2026-03-01', to: '2026-03-31', limit: 50, cursor: first.nextCursor })) as { items: { code: string }[] };
    expect([...first.items, ...second.items].map((i) => i.code)).toEqual(want.slice(0, 100));
  });

  it('keeps receipt order in a period whose receipt times are out of step with it (a desk clock set wrong)', async () => {
    const { start, end } = periodBounds('2026-03-01', '2026-03-31');
    const sqlite = core.db.$client;
    const newest = sqlite.prepare('SELECT local_seq AS seq, received_at AS at FROM dossier ORDER BY local_seq DESC LIMIT 1').get() as { seq: number; at: string };
    const oldestInPeriod = sqlite.prepare('SELECT local_seq AS seq, received_at AS at FROM dossier WHERE received_at >= ? AND received_at < ? ORDER BY local_seq LIMIT 1').get(start, end) as { seq: number; at: string };
    const setReceived = sqlite.prepare('UPDATE dossier SET received_at = ? WHERE local_seq = ?');
    // The last receipt gets the period's first instant, the period's first receipt its last one.
    setReceived.run(start, newest.seq);
    setReceived.run(new Date(new Date(end).getTime() - 1).toISOString(), oldestInPeriod.seq);
    try {
      const want = (
        sqlite.prepare('SELECT code FROM dossier NOT INDEXED WHERE received_at >= ? AND received_at < ? ORDER BY local_seq DESC').all(start, end) as { code: string }[]
      ).map((r) => r.code);
      const first = (await call('dossiers.search', { from: '2026-03-01', to: '2026-03-31', limit: 50 })) as { items: { code: string }[]; nextCursor: string };
      const second = (await call('dossiers.search', { from: '2026-03-01', to: '2026-03-31', limit: 50, cursor: first.nextCursor })) as { items: { code: string }[] };
      expect([...first.items, ...second.items].map((i) => i.code)).toEqual(want.slice(0, 100));
    } finally {
      setReceived.run(newest.at, newest.seq);
      setReceived.run(oldestInPeriod.at, oldestInPeriod.seq);
    }
  });
});

describe('migrating a database that already holds dossiers', () => {
  it('fills the day counts and the new search index from the rows already there', async () => {
    const oldMigrations = migrationsBefore('0004');

    const dataDir = tempDir('motcua-upgrade-');
    const before = await openCore({ dataDir, migrationsDir: oldMigrations, clock });
    await initializeOldSchema(before);
    await seedOldSchema(before, { dossiers: 500, seed: 3, since: '2025-06-02' });
    expect(before.db.$client.prepare("SELECT 1 FROM sqlite_master WHERE name = 'dossier_day_stat'").get()).toBeUndefined();
    before.close();

    const after = await openCore({ dataDir, clock });
    try {
      // These three first, in order; migrations of later capabilities (files, signatures…) follow them.
      expect(after.migration.applied.slice(0, 3)).toEqual(['0004_dossier_day_stats', '0005_dossier_day_stat_triggers', '0006_dossier_fts_prefixes']);
      expect(after.migration.backupFile).not.toBeNull();
      expect(stored(after.db)).toEqual(recount(after.db));
      after.db.$client.prepare("INSERT INTO dossier_fts(dossier_fts) VALUES ('integrity-check')").run();
      const name = (after.db.$client.prepare('SELECT applicant_name AS n FROM dossier ORDER BY local_seq LIMIT 1').get() as { n: string }).n;
      const res = await after.dispatch('auth.login', { username: 'quantri', password: SAMPLE_SETUP.admin.password }, { token: null });
      const t = (res as { result: { token: string } }).result.token;
      const found = await after.dispatch('dossiers.search', { query: name.normalize('NFD').toUpperCase(), limit: 200 }, { token: t });
      expect((found as { result: { items: { applicantName: string }[] } }).result.items.map((i) => i.applicantName)).toContain(name);
    } finally {
      after.close();
    }
  });
});
