/** Kết thúc ngày (daily closing): what one counter day received, refused, solved, returned and collected. */
import type { CounterDb } from '../db/open';
import { periodBounds } from './period';

export function computeDailyClosing(db: CounterDb, date: string) {
  const { start, end } = periodBounds(date, date);
  const q = db.$client;
  const totals = q
    .prepare(
      `SELECT sum(status <> 'rejected') AS received, sum(status = 'rejected') AS rejected, coalesce(sum(fee_total), 0) AS feesTotal
       FROM dossier WHERE received_at >= ? AND received_at < ?`,
    )
    .get(start, end) as { received: number | null; rejected: number | null; feesTotal: number };
  // Results handed back and dossiers solved that day, whenever received, graded against their legal
  // due dates: kept per day by the dossier_day_stat triggers.
  const day = q
    .prepare(
      `SELECT coalesce(sum(returned), 0) AS returned, coalesce(sum(finished), 0) AS finished, coalesce(sum(finished_on_time), 0) AS onTime,
              coalesce(sum(finished_late_apologised), 0) AS lateApologised
       FROM dossier_day_stat WHERE day = ?`,
    )
    .get(date) as { returned: number; finished: number; onTime: number; lateApologised: number };
  const byProcedure = q
    .prepare(
      `SELECT procedure_code AS procedureCode, procedure_name AS procedureName, count(*) AS received, coalesce(sum(fee_total), 0) AS fees
       FROM dossier WHERE received_at >= ? AND received_at < ? AND status <> 'rejected' GROUP BY procedure_code ORDER BY received DESC`,
    )
    .all(start, end) as { procedureCode: string; procedureName: string; received: number; fees: number }[];
  const byOfficer = q
    .prepare(
      `SELECT received_by_name AS officer, count(*) AS received FROM dossier
       WHERE received_at >= ? AND received_at < ? AND status <> 'rejected' GROUP BY received_by_name ORDER BY received DESC`,
    )
    .all(start, end) as { officer: string; received: number }[];
  return {
    date,
    received: totals.received ?? 0,
    rejected: totals.rejected ?? 0,
    returned: day.returned,
    solved: { total: day.finished, onTime: day.onTime, late: day.finished - day.onTime, lateApologised: day.lateApologised },
    feesTotal: totals.feesTotal,
    byProcedure,
    byOfficer,
  };
}
