/**
 * Tổng quan: today's and this month's counts, the QĐ 766 on-time rate, what is late and what is
 * due soon, by field and by month. Every figure is a range count on an index (received_at,
 * returned_at, finished_at+due_at, the open-dossier due index), so it stays fast at a million.
 */
import { PROCEDURE_FIELDS, type ProcedureField } from '@shared/domain/catalog';
import { MS_PER_DAY, toVnIso } from '@shared/domain/vn-time';
import type { Dashboard } from '@shared/rpc/reports';
import type { CounterDb } from '../db/open';
import { dayStart, monthStart } from './period';

/** Matches the partial index dossier_open_due_idx, minus the statuses whose clock is stopped. */
const RUNNING = `status NOT IN ('returned', 'rejected', 'stopped') AND status NOT IN ('awaiting_supplement', 'result_ready')`;

export function computeDashboard(db: CounterDb, now: Date): Dashboard {
  const q = db.$client;
  const nowIso = now.toISOString();
  const count = (sql: string, ...args: unknown[]) => (q.prepare(sql).get(...args) as { n: number }).n;
  const received = (a: string, b: string) =>
    count(`SELECT count(*) AS n FROM dossier WHERE received_at >= ? AND received_at < ? AND status <> 'rejected'`, a, b);
  const returned = (a: string, b: string) => count(`SELECT count(*) AS n FROM dossier WHERE returned_at >= ? AND returned_at < ?`, a, b);
  const finished = (a: string, b: string) =>
    q.prepare(`SELECT count(*) AS n, sum(finished_at <= due_at) AS onTime FROM dossier WHERE finished_at >= ? AND finished_at < ?`).get(a, b) as {
      n: number;
      onTime: number | null;
    };

  const today = dayStart(now);
  const tomorrow = dayStart(now, 1);
  const month = monthStart(now);
  const nextMonth = monthStart(now, 1);
  const monthDone = finished(month.iso, nextMonth.iso);

  const lateRows = q
    .prepare(
      `SELECT id, code, applicant_name AS applicantName, procedure_name AS procedureName, due_at AS dueAt
       FROM dossier WHERE ${RUNNING} AND due_at < ? ORDER BY due_at LIMIT 50`,
    )
    .all(nowIso) as { id: string; code: string; applicantName: string; procedureName: string; dueAt: string }[];
  const soonRows = q
    .prepare(
      `SELECT id, code, applicant_name AS applicantName, procedure_name AS procedureName, due_at AS dueAt
       FROM dossier WHERE ${RUNNING} AND due_at >= ? AND due_at < ? ORDER BY due_at LIMIT 50`,
    )
    .all(nowIso, dayStart(now, 3)) as typeof lateRows;

  const byField = (
    q
      .prepare(
        `SELECT procedure_field AS field, count(*) AS received,
                sum(finished_at IS NOT NULL) AS finished, sum(finished_at IS NOT NULL AND finished_at <= due_at) AS onTime
         FROM dossier WHERE received_at >= ? AND received_at < ? AND status <> 'rejected' GROUP BY procedure_field ORDER BY received DESC`,
      )
      .all(month.iso, nextMonth.iso) as { field: string; received: number; finished: number; onTime: number }[]
  ).map((r) => ({ ...r, label: PROCEDURE_FIELDS[r.field as ProcedureField] ?? r.field, finished: r.finished ?? 0, onTime: r.onTime ?? 0 }));

  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const m = monthStart(now, i - 11);
    const next = monthStart(now, i - 10);
    const done = finished(m.iso, next.iso);
    return { month: m.key, received: received(m.iso, next.iso), finished: done.n, late: done.n - (done.onTime ?? 0) };
  });

  return {
    today: { received: received(today, tomorrow), returned: returned(today, tomorrow) },
    month: { received: received(month.iso, nextMonth.iso), returned: returned(month.iso, nextMonth.iso), finished: monthDone.n, onTime: monthDone.onTime ?? 0 },
    onTimeRate: monthDone.n > 0 ? (monthDone.onTime ?? 0) / monthDone.n : null,
    overdueCount: count(`SELECT count(*) AS n FROM dossier WHERE ${RUNNING} AND due_at < ?`, nowIso),
    overdue: lateRows.map((r) => ({ ...r, dueAt: toVnIso(r.dueAt), daysLate: Math.ceil((now.getTime() - new Date(r.dueAt).getTime()) / MS_PER_DAY) })),
    dueSoon: soonRows.map((r) => ({ ...r, dueAt: toVnIso(r.dueAt) })),
    byField,
    byMonth,
  };
}
