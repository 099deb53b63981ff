/**
 * The grading rule of src-shared/domain/grading.ts applied to stored dossier rows (by search and
 * by reports/):
 *  - `overdueWhere`: the SQL twin of "pending and overdue" for Tổng quan and search (the day-stat
 *    triggers, migration legal_due_backfill, are the twin of "solved on time");
 *  - `factsAt`: a dossier's facts as they stood at a past instant, replayed from its timeline, for
 *    reports whose instant is a past period's end.
 * The property test over demo data (tests/integration/core/report-identities) holds the twins to
 * the rule.
 */
import type { DossierStatus } from '@shared/dossier';
import type { GradeFacts } from '@shared/domain/grading';
import { OPEN_STATUSES } from '@shared/domain/lifecycle';
import type { DbExecutor } from '../db/open';
import { preparedPerConnection } from '../db/prepared';
import { gradeFacts } from './records';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Pending and overdue at the instant bound to `now` (a named or a `?` parameter), for rows of
 * `alias`. The first clause repeats
 * the partial index's predicate (dossier_open_due_idx) so SQLite can use it.
 */
export function overdueWhere(alias = '', now = '@now'): string {
  const a = alias ? `${alias}.` : '';
  return `${a}status NOT IN ('returned', 'rejected', 'stopped') AND ${a}status IN (${quoted(OPEN_STATUSES)}) AND (
    ${a}supplement_count > 1
    OR (${a}status = 'awaiting_supplement' AND ${a}paused_since > ${a}due_at)
    OR (${a}status <> 'awaiting_supplement' AND ${a}due_at < ${now}))`;
}

/** The report's instant: now, or the last moment of the period when the period is over. */
export function reportInstant(periodEndExclusive: string, nowIso: string): string {
  const lastMoment = new Date(new Date(periodEndExclusive).getTime() - 1).toISOString();
  return lastMoment < nowIso ? lastMoment : nowIso;
}

/** What a report reads of a dossier row to grade it. */
export interface GradedRow {
  id: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  originalDueAt: string;
  finishedAt: string | null;
  pausedSince: string | null;
  supplementCount: number;
  withdrawalRequestedAt: string | null;
  extendedDueAt: string | null;
  updatedAt: string;
}

export const GRADED_COLUMNS = `id, status, received_at AS receivedAt, due_at AS dueAt, original_due_at AS originalDueAt,
  finished_at AS finishedAt, paused_since AS pausedSince, supplement_count AS supplementCount,
  withdrawal_requested_at AS withdrawalRequestedAt, extended_due_at AS extendedDueAt, updated_at AS updatedAt`;

interface EventRow {
  type: string;
  toStatus: string | null;
  at: string;
  data: string | null;
}

const timeline = preparedPerConnection((c) =>
  c.prepare<[string], EventRow>('SELECT type, to_status AS toStatus, at, data FROM dossier_event WHERE dossier_id = ? ORDER BY at, id'),
);

/** Steps that move the legal due date; each records the new one as data.legalDueAt. */
const DUE_MOVES = new Set(['supplementReceived', 'recordVerification', 'dueRecomputed']);

function legalDueIn(data: string | null): string | null {
  if (!data) return null;
  const parsed = JSON.parse(data) as { legalDueAt?: unknown } | null;
  return typeof parsed?.legalDueAt === 'string' ? parsed.legalDueAt : null;
}

/** The facts of `row` as they stood at `asOf` (the row itself when nothing changed since). */
export function factsAt(db: DbExecutor, row: GradedRow, asOf: string): GradeFacts {
  // Nothing changed since, or it was already solved then: a solved dossier's facts no longer move
  // (a calendar recompute touches pending dossiers only).
  if (row.updatedAt <= asOf || (row.finishedAt !== null && row.finishedAt <= asOf)) return gradeFacts(row);

  let status: string = 'received';
  let pausedSince: string | null = null;
  let supplements = 0;
  let extended = false;
  let dueAt: string | null = null;
  let dueMovedLater = false;
  for (const e of timeline(db).all(row.id)) {
    if (e.at > asOf) {
      if (DUE_MOVES.has(e.type)) dueMovedLater = true;
      continue;
    }
    if (e.toStatus) status = e.toStatus;
    if (e.toStatus === 'awaiting_supplement') pausedSince = e.at;
    if (e.type === 'requestSupplement') supplements += 1;
    if (e.type === 'extend') extended = true;
    dueAt = legalDueIn(e.data) ?? dueAt;
  }
  return {
    status: status as DossierStatus,
    receivedAt: row.receivedAt,
    // Timelines written before due dates were recorded per step fall back to the due at receipt.
    dueAt: dueAt ?? (dueMovedLater ? row.originalDueAt : row.dueAt),
    finishedAt: row.finishedAt,
    pausedSince: status === 'awaiting_supplement' ? pausedSince : null,
    supplementCount: supplements,
    withdrawn: row.withdrawalRequestedAt !== null && row.withdrawalRequestedAt <= asOf,
    extended,
  };
}
