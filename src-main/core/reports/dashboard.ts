/**
 * Tổng quan: today's and this month's counts, the QĐ 766 on-time rate, what is late and what is
 * due soon, by field and by month. The counts add up dossier_day_stat (one row per Vietnamese day
 * and field, kept by triggers in the same statement as every dossier change), so a year is a few
 * thousand small rows, not half a million dossiers; the late and due-soon lists walk the partial
 * index of open dossiers by due time. It stays well under a tenth of a second at a million.
 */
import { PROCEDURE_FIELDS, type ProcedureField } from '@shared/domain/catalog';
import { MS_PER_DAY, toVnIso, vnYmd } from '@shared/domain/vn-time';
import type { Dashboard } from '@shared/rpc/reports';
import { isSupplementException } from '@shared/domain/grading';
import type { CounterDb } from '../db/open';
import { dayStart, monthStart } from './period';
import { overdueWhere } from '../dossiers/standing';

/**
 * Open statuses whose deadline clock runs (for "due soon"). The first NOT IN repeats the predicate
 * of the partial index dossier_open_due_idx word for word: SQLite uses a partial index only when
 * the query's WHERE contains its condition.
 */
const RUNNING = `status NOT IN ('returned', 'rejected', 'stopped') AND status NOT IN ('awaiting_supplement', 'result_ready', 'withdrawal_requested')`;

type Sums = {
  received: number;
  receivedFinished: number;
  receivedOnTime: number;
  finished: number;
  finishedOnTime: number;
  finishedLateApologised: number;
  finishedException: number;
  returned: number;
};

const SUMS = `coalesce(sum(received), 0) AS received, coalesce(sum(received_finished), 0) AS receivedFinished,
  coalesce(sum(received_on_time), 0) AS receivedOnTime, coalesce(sum(finished), 0) AS finished,
  coalesce(sum(finished_on_time), 0) AS finishedOnTime, coalesce(sum(finished_late_apologised), 0) AS finishedLateApologised,
  coalesce(sum(finished_exception), 0) AS finishedException, coalesce(sum(returned), 0) AS returned`;

/** The first day (yyyy-mm-dd) of the Vietnamese month `offset` months from now's. */
const monthFirstDay = (now: Date, offset: number) => `${monthStart(now, offset).key}-01`;

export function computeDashboard(db: CounterDb, now: Date): Dashboard {
  const q = db.$client;
  const nowIso = now.toISOString();
  /** Days are compared as yyyy-mm-dd text: [from, to). */
  const sums = (from: string, to: string) => q.prepare(`SELECT ${SUMS} FROM dossier_day_stat WHERE day >= ? AND day < ?`).get(from, to) as Sums;

  const today = vnYmd(now);
  const tomorrow = vnYmd(new Date(dayStart(now, 1)));
  const month = monthFirstDay(now, 0);
  const nextMonth = monthFirstDay(now, 1);
  const todaySums = sums(today, tomorrow);
  const monthSums = sums(month, nextMonth);

  const lateRows = q
    .prepare(
      `SELECT id, code, applicant_name AS applicantName, procedure_name AS procedureName, due_at AS dueAt,
              extended_due_at AS extendedDueAt, supplement_count AS supplementCount
       FROM dossier WHERE ${overdueWhere()} ORDER BY due_at LIMIT 50`,
    )
    .all({ now: nowIso }) as {
    id: string;
    code: string;
    applicantName: string;
    procedureName: string;
    dueAt: string;
    extendedDueAt: string | null;
    supplementCount: number;
  }[];
  const soonRows = q
    .prepare(
      `SELECT id, code, applicant_name AS applicantName, procedure_name AS procedureName, due_at AS dueAt
       FROM dossier WHERE ${RUNNING} AND due_at >= ? AND due_at < ? ORDER BY due_at LIMIT 50`,
    )
    .all(nowIso, dayStart(now, 3)) as { id: string; code: string; applicantName: string; procedureName: string; dueAt: string }[];

  // Dossiers received this month, per field: how many, how many finished, how many on time.
  const byField = (
    q
      .prepare(
        `SELECT field, sum(received) AS received, sum(received_finished) AS finished, sum(received_on_time) AS onTime
         FROM dossier_day_stat WHERE day >= ? AND day < ? GROUP BY field HAVING sum(received) > 0 ORDER BY received DESC, field`,
      )
      .all(month, nextMonth) as { field: string; received: number; finished: number; onTime: number }[]
  ).map((r) => ({ ...r, label: PROCEDURE_FIELDS[r.field as ProcedureField] ?? r.field }));

  // Twelve months ending with this one, in one pass over their days.
  const firstMonth = monthFirstDay(now, -11);
  const perMonth = new Map(
    (
      q
        .prepare(
          `SELECT substr(day, 1, 7) AS month, sum(received) AS received, sum(finished) AS finished, sum(finished) - sum(finished_on_time) AS late
           FROM dossier_day_stat WHERE day >= ? AND day < ? GROUP BY substr(day, 1, 7)`,
        )
        .all(firstMonth, nextMonth) as { month: string; received: number; finished: number; late: number }[]
    ).map((r) => [r.month, r]),
  );
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const key = monthStart(now, i - 11).key;
    const m = perMonth.get(key);
    return { month: key, received: m?.received ?? 0, finished: m?.finished ?? 0, late: m?.late ?? 0 };
  });

  const overdue = q
    .prepare(`SELECT count(*) AS n, coalesce(sum(extended_due_at IS NOT NULL), 0) AS apologised FROM dossier WHERE ${overdueWhere()}`)
    .get({ now: nowIso }) as { n: number; apologised: number };
  return {
    asOf: toVnIso(nowIso),
    today: { received: todaySums.received, returned: todaySums.returned },
    month: {
      received: monthSums.received,
      returned: monthSums.returned,
      finished: monthSums.finished,
      onTime: monthSums.finishedOnTime,
      lateApologised: monthSums.finishedLateApologised,
      exceptions: monthSums.finishedException,
    },
    onTimeRate: monthSums.finished > 0 ? monthSums.finishedOnTime / monthSums.finished : null,
    overdueCount: overdue.n,
    overdueApologised: overdue.apologised,
    overdue: lateRows.map((r) => ({
      id: r.id,
      code: r.code,
      applicantName: r.applicantName,
      procedureName: r.procedureName,
      dueAt: toVnIso(r.dueAt),
      daysLate: Math.max(0, Math.ceil((now.getTime() - new Date(r.dueAt).getTime()) / MS_PER_DAY)),
      extendedDueAt: r.extendedDueAt ? toVnIso(r.extendedDueAt) : null,
      exception: isSupplementException(r.supplementCount),
    })),
    dueSoon: soonRows.map((r) => ({ ...r, dueAt: toVnIso(r.dueAt) })),
    byField,
    byMonth,
  };
}
