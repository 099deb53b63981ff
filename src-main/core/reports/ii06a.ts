/**
 * Biểu số II.06a/VPCP/KSTT for a period (DOMAIN.md §9.1), per field (lĩnh vực):
 *   (3) received = (4) online + (5) direct/postal + (6) carried over from before the period
 *   (7) solved in the period = (8) early + (9) on time + (10) late
 *   (11) still pending at the report's instant = (12) in time + (13) late
 * and (3) = (7) + (11) by construction. Every dossier is graded by src-shared/domain/grading.ts
 * against its LEGAL due date at the report's instant: now, or the period's last moment when the
 * period is over (a dossier pending today is not "late at the end of the month" before the month
 * ends). Dossiers refused at the counter (Mẫu 03) are not received. Late dossiers with a Mẫu 04
 * apology and dossiers with more than one supplement request are counted again, apart, so the
 * province sees them.
 */
import { PROCEDURE_FIELDS, type ProcedureField } from '@shared/domain/catalog';
import { gradeAsOf } from '@shared/domain/grading';
import { toVnIso } from '@shared/domain/vn-time';
import type { II06a, II06aRow } from '@shared/rpc/reports';
import type { CounterDb } from '../db/open';
import { periodBounds, periodLabel } from './period';
import { factsAt, GRADED_COLUMNS, reportInstant, type GradedRow } from '../dossiers/standing';

function emptyRow(field: string): II06aRow {
  return {
    field,
    fieldLabel: PROCEDURE_FIELDS[field as ProcedureField] ?? field,
    receivedOnline: 0, receivedDirect: 0, carriedOver: 0, received: 0,
    resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, resolved: 0,
    pendingInTime: 0, pendingLate: 0, pending: 0,
    resolvedLateApologised: 0, pendingLateApologised: 0, withdrawn: 0, exceptions: 0,
  };
}

const COLUMNS = `procedure_field AS field, channel, ${GRADED_COLUMNS}`;

/**
 * Everything received before the end that was still open at the start, refusals excluded: received
 * in the period, or carried over. Two plans give the same rows: walk receipts up to the end (cheap
 * for an early period), or take receipts in the period plus what was finished after the start or
 * is still open (cheap for a recent one). dossier_day_stat says which side is smaller.
 */
export function periodRows(db: CounterDb, from: string, to: string, plan?: 'receipts' | 'recent'): PeriodRow[] {
  const { start, end } = periodBounds(from, to);
  const q = db.$client;
  const cheaper = () => {
    const sizes = q
      .prepare(
        `SELECT coalesce(sum(CASE WHEN day < @from THEN received END), 0) AS before,
                coalesce(sum(CASE WHEN day >= @from THEN finished END), 0) AS finishedSince
         FROM dossier_day_stat`,
      )
      .get({ from }) as { before: number; finishedSince: number };
    return sizes.before <= sizes.finishedSince ? 'receipts' : 'recent';
  };
  if ((plan ?? cheaper()) === 'receipts') {
    return q
      .prepare(`SELECT ${COLUMNS} FROM dossier WHERE received_at < ? AND status <> 'rejected' AND (finished_at IS NULL OR finished_at >= ?)`)
      .all(end, start) as PeriodRow[];
  }
  return q
    .prepare(
      `SELECT ${COLUMNS} FROM dossier
       WHERE received_at >= @start AND received_at < @end AND status <> 'rejected' AND (finished_at IS NULL OR finished_at >= @start)
       UNION ALL
       SELECT ${COLUMNS} FROM dossier WHERE finished_at >= @start AND received_at < @start AND status <> 'rejected'
       UNION ALL
       SELECT ${COLUMNS} FROM dossier WHERE finished_at IS NULL AND received_at < @start AND status <> 'rejected'`,
    )
    .all({ start, end }) as PeriodRow[];
}

export type PeriodRow = GradedRow & { field: string; channel: string };

export function computeII06a(db: CounterDb, from: string, to: string, now: Date): II06a {
  const { start, end } = periodBounds(from, to);
  const asOf = reportInstant(end, now.toISOString());
  const rows = periodRows(db, from, to);

  const byField = new Map<string, II06aRow>();
  for (const d of rows) {
    const standing = gradeAsOf(factsAt(db, d, asOf), asOf);
    if (standing.state !== 'solved' && standing.state !== 'pending') continue; // received after the instant
    const r = byField.get(d.field) ?? emptyRow(d.field);
    byField.set(d.field, r);
    if (d.receivedAt < start) r.carriedOver += 1;
    else if (d.channel === 'online') r.receivedOnline += 1;
    else r.receivedDirect += 1;

    if (standing.exception) r.exceptions += 1;
    if (standing.state === 'solved') {
      if (standing.grade === 'early') r.resolvedEarly += 1;
      else if (standing.grade === 'on_time') r.resolvedOnTime += 1;
      else r.resolvedLate += 1;
      if (standing.apologised) r.resolvedLateApologised += 1;
      if (standing.withdrawn) r.withdrawn += 1;
    } else if (standing.grade === 'in_time') {
      r.pendingInTime += 1;
    } else {
      r.pendingLate += 1;
      if (standing.apologised) r.pendingLateApologised += 1;
    }
  }

  const total = emptyRow('total');
  total.fieldLabel = 'Tổng cộng';
  const out = [...byField.values()].sort((a, b) => a.field.localeCompare(b.field));
  for (const r of out) {
    r.received = r.receivedOnline + r.receivedDirect + r.carriedOver;
    r.resolved = r.resolvedEarly + r.resolvedOnTime + r.resolvedLate;
    r.pending = r.pendingInTime + r.pendingLate;
    for (const k of Object.keys(total) as (keyof II06aRow)[]) {
      if (typeof total[k] === 'number') (total[k] as number) += r[k] as number;
    }
  }
  return { from, to, periodLabel: periodLabel(from, to), asOf: toVnIso(asOf), rows: out, total };
}
