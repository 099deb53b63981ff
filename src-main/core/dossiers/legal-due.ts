/**
 * The legal due date of a dossier, recomputed from what the law lets move it: the receipt, the
 * limit in force (the procedure's, or its verification limit), the working calendar and the
 * supplement pauses of its timeline. Never the Mẫu 04 promise (dossier.extended_due_at).
 */
import { and, asc, eq, or } from 'drizzle-orm';
import type { WorkingCalendar } from '@shared/domain/calendar/types';
import { computeDue, type DeadlineUnit, type DueResult, type PauseInterval, type WorkingDayCounting } from '@shared/domain/deadline';
import type { DbExecutor } from '../db/open';
import { dossierEvent } from '../db/schema';
import type { DossierRow } from './records';

const PAUSED = 'awaiting_supplement';

/**
 * Supplement pauses from the timeline, whoever moved the status (the counter's own steps or the
 * province's): a pause runs from entering "chờ bổ sung" to leaving it. An open pause runs until
 * `until` (left out without it).
 */
export function pausesOf(tx: DbExecutor, id: string, until?: string): PauseInterval[] {
  const steps = tx
    .select({ from: dossierEvent.fromStatus, to: dossierEvent.toStatus, at: dossierEvent.at })
    .from(dossierEvent)
    .where(and(eq(dossierEvent.dossierId, id), or(eq(dossierEvent.toStatus, PAUSED), eq(dossierEvent.fromStatus, PAUSED))))
    .orderBy(asc(dossierEvent.at), asc(dossierEvent.id))
    .all();
  const pauses: PauseInterval[] = [];
  let open: string | null = null;
  for (const e of steps) {
    if (e.to === PAUSED) open ??= e.at;
    else if (e.from === PAUSED && open) {
      pauses.push({ from: open, to: e.at });
      open = null;
    }
  }
  if (open && until) pauses.push({ from: open, to: until });
  return pauses;
}


export type LegalDueRow = Pick<
  DossierRow,
  'id' | 'receivedAt' | 'deadlineAmount' | 'deadlineUnit' | 'cutoff15' | 'deadlineCounting' | 'verificationReason' | 'verificationAt'
>;

export function legalDueOf(
  tx: DbExecutor,
  row: LegalDueRow,
  calendar: WorkingCalendar,
  opts: { until?: string; countingBasis?: string; limit?: { amount: number; unit: string; cutoff15: boolean } } = {},
): DueResult {
  const limit = opts.limit ?? { amount: row.deadlineAmount, unit: row.deadlineUnit, cutoff15: row.cutoff15 };
  return computeDue({
    receivedAt: row.receivedAt,
    amount: limit.amount,
    unit: limit.unit as DeadlineUnit,
    cutoff15: limit.cutoff15,
    counting: row.deadlineCounting as WorkingDayCounting,
    ...(opts.countingBasis ? { countingBasis: opts.countingBasis } : {}),
    ...(row.verificationAt ? { verification: { reason: row.verificationReason ?? '' } } : {}),
    calendar,
    pauses: pausesOf(tx, row.id, opts.until),
  });
}
