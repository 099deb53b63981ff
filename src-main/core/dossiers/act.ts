/**
 * One lifecycle step on a dossier (DOMAIN.md §4.1–4.2): the state machine decides, the due date
 * follows the QĐ 766 rules (pauses while awaiting a supplement, one extension), and the step is
 * journaled (event, outbox, audit) in the same transaction.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { DossierStatus } from '@shared/dossier';
import type { DeadlineUnit, PauseInterval } from '@shared/domain/deadline';
import { transition, type DossierAction } from '@shared/domain/lifecycle';
import type { Officer } from '@shared/rpc';
import type { DbExecutor } from '../db/open';
import { dossier, dossierEvent } from '../db/schema';
import type { DossierContext } from './context';
import { recordChange } from './journal';
import { findRow, toDetail, type DossierRow } from './records';

export interface ActInput {
  id: string;
  action: DossierAction;
  note?: string;
  newDueDate?: string;
  collectedBy?: string;
}

/** Supplement pauses from the timeline; an open pause runs until `until`. */
function pausesOf(tx: DbExecutor, id: string, until?: string): PauseInterval[] {
  const own = tx
    .select({ type: dossierEvent.type, at: dossierEvent.at })
    .from(dossierEvent)
    .where(and(eq(dossierEvent.dossierId, id), inArray(dossierEvent.type, ['requestSupplement', 'supplementReceived'])))
    .orderBy(asc(dossierEvent.at))
    .all();
  const pauses: PauseInterval[] = [];
  let open: string | null = null;
  for (const e of own) {
    if (e.type === 'requestSupplement') open = e.at;
    else if (open) {
      pauses.push({ from: open, to: e.at });
      open = null;
    }
  }
  if (open && until) pauses.push({ from: open, to: until });
  return pauses;
}

export function actOnDossier(ctx: DossierContext, input: ActInput, officer: Officer) {
  const updated = ctx.db.transaction((tx) => {
    const row = findRow(tx, { id: input.id });
    const from = row.status as DossierStatus;
    const to = transition(from, input.action, { supplementRequests: row.supplementCount, extensions: row.extensionCount });
    const at = ctx.clock.now().toISOString();
    const patch: Partial<DossierRow> = { status: to, updatedAt: at };
    const deadline = { amount: row.deadlineAmount, unit: row.deadlineUnit as DeadlineUnit, cutoff15: row.cutoff15 };

    switch (input.action) {
      case 'requestSupplement':
        patch.pausedSince = at;
        patch.supplementCount = row.supplementCount + 1;
        break;
      case 'supplementReceived': {
        const pauses = pausesOf(tx, row.id, at);
        const extension = row.extensionCount > 0 ? { newDueAt: row.dueAt } : undefined;
        patch.pausedSince = null;
        if (!extension) patch.dueAt = new Date(ctx.calendar.computeDue({ receivedAt: row.receivedAt, ...deadline, pauses }).dueAt).toISOString();
        break;
      }
      case 'extend': {
        if (!input.newDueDate) throw new AppError('INVALID_INPUT', 'Cần nhập ngày hẹn trả kết quả mới (Mẫu 04)');
        const due = ctx.calendar.computeDue({ receivedAt: row.receivedAt, ...deadline, extension: { newDueDate: input.newDueDate } });
        if (new Date(due.dueAt).toISOString() <= row.dueAt) throw new AppError('INVALID_INPUT', 'Ngày hẹn mới phải sau ngày hẹn hiện tại');
        patch.dueAt = new Date(due.dueAt).toISOString();
        patch.extensionCount = row.extensionCount + 1;
        break;
      }
      case 'resultReady':
        patch.finishedAt = at;
        break;
      case 'returnResult':
        patch.returnedAt = at;
        break;
      case 'stop':
        patch.finishedAt = row.finishedAt ?? at;
        break;
      default:
        break;
    }

    const next = tx.update(dossier).set(patch).where(eq(dossier.id, row.id)).returning().get();
    recordChange(tx, next, {
      type: input.action,
      from,
      to,
      at,
      officer,
      ...(input.note ? { note: input.note } : {}),
      data: { collectedBy: input.collectedBy ?? null, newDueDate: input.newDueDate ?? null },
    });
    return next;
  });
  ctx.events.emit('dossier.changed', { id: updated.id });
  return toDetail(ctx.db, updated, ctx.clock.now().toISOString());
}
