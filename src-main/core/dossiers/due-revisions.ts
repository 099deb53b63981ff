/**
 * When the working calendar changes (the province publishes a holiday or a make-up day, the
 * administrator confirms a year), every pending dossier's legal due date is computed again under
 * the new calendar, inside the transaction that stores it. A date that moves is written with the
 * old and new dates (due_revision), journaled on the dossier (event, outbox so the province gets
 * it, audit row), and listed to the officer, who prints a new appointment slip. A due date that
 * stays and only loses its "dự kiến" mark is updated quietly (the province still gets the
 * snapshot).
 */
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { WorkingCalendar } from '@shared/domain/calendar/types';
import { DomainError } from '@shared/domain/errors';
import { OPEN_STATUSES } from '@shared/domain/lifecycle';
import { toVnIso } from '@shared/domain/vn-time';
import type { DbExecutor } from '../db/open';
import { dossier, dueRevision, printRecord } from '../db/schema';
import { newId } from '../ids';
import { enqueueOp } from '../outbox/outbox';
import { appendAudit } from '../audit/audit-log';
import { recordChange, type Actor } from './journal';
import { legalDueOf } from './legal-due';
import { toSnapshot } from './records';

/** Pending dossiers: their legal due date can still move. */
const PENDING_STATUSES = [...OPEN_STATUSES, 'withdrawal_requested'];

export interface RecomputeResult {
  moved: number;
  confirmed: number;
  /** Dossiers whose due could not be computed under the new calendar (e.g. a year left out). */
  failed: { code: string; reason: string }[];
}

export function recomputePendingDues(
  tx: DbExecutor,
  change: { calendar: WorkingCalendar; versionId: number; at: string; actor: Actor; countingBasis?: string; note: string },
): RecomputeResult {
  const ids = tx.select({ id: dossier.id }).from(dossier).where(inArray(dossier.status, PENDING_STATUSES)).all();
  const result: RecomputeResult = { moved: 0, confirmed: 0, failed: [] };
  for (const { id } of ids) {
    const row = tx.select().from(dossier).where(eq(dossier.id, id)).get()!;
    let dueAt: string;
    let provisional: boolean;
    try {
      // An open supplement pause is not counted yet (it is when the supplement arrives).
      const due = legalDueOf(tx, row, change.calendar, change.countingBasis ? { countingBasis: change.countingBasis } : {});
      dueAt = new Date(due.dueAt).toISOString();
      provisional = due.provisional;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      result.failed.push({ code: row.code, reason: err.message });
      continue;
    }
    if (dueAt === row.dueAt && provisional === row.dueProvisional) continue;
    const next = tx.update(dossier).set({ dueAt, dueProvisional: provisional, updatedAt: change.at }).where(eq(dossier.id, row.id)).returning().get();
    if (dueAt === row.dueAt) {
      result.confirmed += 1;
      enqueueOp(tx, { opType: 'dossier.upsert', entityId: row.id, payload: toSnapshot(tx, next), at: change.at });
      continue;
    }
    result.moved += 1;
    tx.insert(dueRevision)
      .values({ id: newId(), dossierId: row.id, at: change.at, cause: 'calendar', oldDueAt: row.dueAt, newDueAt: dueAt, calendarVersionId: change.versionId, note: change.note })
      .run();
    recordChange(tx, next, {
      type: 'dueRecomputed',
      from: row.status as never,
      to: row.status as never,
      at: change.at,
      officer: change.actor,
      note: change.note,
      data: { oldDueAt: row.dueAt, legalDueAt: dueAt, calendarVersionId: change.versionId },
    });
  }
  appendAudit(tx, {
    at: change.at,
    officerId: change.actor.id,
    action: 'calendar.recompute_due',
    target: String(change.versionId),
    details: { moved: result.moved, confirmed: result.confirmed, failed: result.failed, note: change.note },
  });
  return result;
}

/** The revisions since `sinceIso`, newest first, with whether a new Mẫu 01 was printed after. */
export function listDueRevisions(db: DbExecutor, sinceIso: string, limit: number) {
  const reprinted = sql<number>`exists (select 1 from ${printRecord} p where p.dossier_id = ${dueRevision.dossierId}
    and p.form = 'mau01' and p.result <> 'failed' and p.at >= ${dueRevision.at})`;
  return db
    .select({
      id: dueRevision.id,
      dossierId: dueRevision.dossierId,
      code: dossier.code,
      applicantName: dossier.applicantName,
      procedureName: dossier.procedureName,
      status: dossier.status,
      at: dueRevision.at,
      cause: dueRevision.cause,
      oldDueAt: dueRevision.oldDueAt,
      newDueAt: dueRevision.newDueAt,
      note: dueRevision.note,
      reprinted,
    })
    .from(dueRevision)
    .innerJoin(dossier, eq(dossier.id, dueRevision.dossierId))
    .where(and(gte(dueRevision.at, sinceIso)))
    .orderBy(desc(dueRevision.at), desc(dueRevision.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, at: toVnIso(r.at), oldDueAt: toVnIso(r.oldDueAt), newDueAt: toVnIso(r.newDueAt), reprinted: Boolean(r.reprinted) }));
}
