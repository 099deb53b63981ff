/**
 * Tiếp nhận: one transaction allocates the dossier code, writes the dossier, its documents, fees,
 * first event, outbox ops and audit row. Either all of it is on disk when the officer sees the
 * code, or none of it is.
 */
import type { z } from 'zod';
import { AppError } from '@shared/errors';
import type { DeadlineUnit } from '@shared/domain/deadline';
import { formatDossierCode, nextSequence } from '@shared/domain/dossier-code';
import { limitInForce, notReceivableReason } from '@shared/domain/catalog';
import { computeFees } from '@shared/domain/fees';
import { toVnIso, vnYmd } from '@shared/domain/vn-time';
import type { Officer } from '@shared/rpc';
import type { receiveInputSchema } from '@shared/rpc/dossiers';
import type { DbExecutor } from '../db/open';
import type { DossierContext } from './context';
import { recordChange } from './journal';
import { storeNewLookupKey } from './lookup-key';
import { newDossierRow } from './new-row';
import { insertDocuments, insertDossier, insertFees, officeForCodes, sequenceLast, storeSequence } from './statements';

export type ReceiveInput = z.output<typeof receiveInputSchema>;

/** Next number for (agency, day, desk), claimed inside the receiving transaction. */
export function claimSequence(tx: DbExecutor, agencyCode: string, day: string, desk: number): number {
  const current = sequenceLast(tx, agencyCode, day, desk);
  const seq = nextSequence(current, desk);
  storeSequence(tx, agencyCode, day, desk, seq, current !== null);
  return seq;
}

/** The office's agency code and desk number, read inside the transaction that numbers a dossier. */
export function officeForCode(tx: DbExecutor): { agencyCode: string; desk: number } {
  const off = officeForCodes(tx);
  if (!off) throw new AppError('NOT_INITIALIZED', 'Ứng dụng chưa được khởi tạo');
  return { agencyCode: off.agencyCode, desk: off.deskNumber ?? 0 };
}

export function receiveDossier(ctx: DossierContext, input: ReceiveInput, officer: Officer) {
  const procedure = ctx.catalog.get(input.procedureCode);
  const refused = notReceivableReason(procedure);
  if (refused || !procedure.deadline) throw new AppError('CONFLICT', refused ?? '', { reason: 'no_deadline', procedureId: procedure.id });
  const now = ctx.clock.now();
  const receivedAt = now.toISOString();
  const { workingDayCounting } = ctx.catalog.current().conventions;
  const limit = limitInForce(procedure.deadline, false);
  const due = ctx.calendar.computeDue({
    receivedAt,
    amount: limit.amount,
    unit: limit.unit as DeadlineUnit,
    cutoff15: limit.cutoff15,
    counting: workingDayCounting.counting,
    countingBasis: workingDayCounting.legalBasis,
  });
  if (input.exemptionId && input.exemptionReason) {
    throw new AppError('INVALID_INPUT', 'Chọn một trường hợp miễn phí, lệ phí trong danh mục hoặc ghi lý do khác, không chọn cả hai');
  }
  const exemption = input.exemptionId ? { id: input.exemptionId } : input.exemptionReason ? { reason: input.exemptionReason } : undefined;
  const fees = computeFees(procedure, {
    pages: input.pages,
    copies: input.copies,
    channel: input.channel,
    conditions: input.conditions,
    onDate: vnYmd(now),
    ...(exemption ? { exemption } : {}),
  });
  const documents =
    input.documents ??
    procedure.documents.map((d) => ({
      name: d.name,
      originals: d.form === 'original' ? d.count : 0,
      copies: d.form === 'copy' || d.form === 'original_or_copy' ? d.count : 0,
    }));
  const pattern = ctx.settings.get().dossierCodePattern;
  const catalogVersion = ctx.catalog.currentVersion();

  const row = ctx.db.transaction((tx) => {
    const off = officeForCode(tx);
    const seq = claimSequence(tx, off.agencyCode, vnYmd(now), off.desk);
    const code = formatDossierCode({ agencyCode: off.agencyCode, receivedAt, seq, pattern });
    const inserted = insertDossier(
      tx,
      newDossierRow({
        code,
        agencyCode: off.agencyCode,
        procedure,
        catalogVersion,
        applicant: input.applicant,
        officer,
        at: receivedAt,
        channel: input.channel,
        delivery: input.delivery,
        status: 'received',
        dueAt: new Date(due.dueAt).toISOString(),
        dueProvisional: due.provisional,
        deadlineCounting: workingDayCounting.counting,
        feeTotal: fees.total,
        pages: input.pages,
        copies: input.copies,
      }),
    );
    insertDocuments(tx, inserted.id, documents);
    insertFees(tx, inserted.id, fees.lines);
    // Before the snapshot goes into the outbox: it carries the key's hash to the hub.
    storeNewLookupKey(tx, inserted.id);
    if (input.scanBatch) ctx.bindScans(tx, input.scanBatch, inserted.id, officer);
    recordChange(tx, inserted, {
      type: 'receive',
      from: null,
      to: 'received',
      at: receivedAt,
      officer,
      data: { explanation: due.explanation, legalDueAt: inserted.dueAt, ...(exemption ? { exemption: fees.lines.find((l) => l.exemptReason)?.exemptReason ?? null } : {}) },
    });
    return inserted;
  });

  ctx.events.emit('dossier.changed', { id: row.id });
  ctx.onCounterAct?.({ event: 'received', dossier: row, officer });
  return { id: row.id, code: row.code, dueAt: toVnIso(row.dueAt), status: 'received' as const, provisional: row.dueProvisional };
}
