/**
 * One lifecycle step on a dossier (DOMAIN.md §4.1–4.2): the state machine decides, the legal due
 * date follows the law (pauses while awaiting a supplement, the longer limit once verification is
 * recorded), an extension (Mẫu 04) is kept apart as a promise, and the step is journaled (event,
 * outbox, audit) in the same transaction.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { DossierStatus } from '@shared/dossier';
import { limitInForce } from '@shared/domain/catalog';
import { checkExtension, formatDueVi } from '@shared/domain/deadline';
import { needsExceptionReason, transition, type DossierAction } from '@shared/domain/lifecycle';
import type { Officer } from '@shared/rpc';
import { dossier, dueRevision } from '../db/schema';
import { newId } from '../ids';
import type { DossierContext } from './context';
import { detailOf, procedureOfRow } from './detail';
import { recordChange } from './journal';
import { legalDueOf } from './legal-due';
import { findRow, type DossierRow } from './records';

export interface ActInput {
  id: string;
  action: DossierAction;
  note?: string;
  newDueDate?: string;
  collectedBy?: string;
}

const utc = (iso: string) => new Date(iso).toISOString();

export function actOnDossier(ctx: DossierContext, input: ActInput, officer: Officer) {
  const warnings: string[] = [];
  const updated = ctx.db.transaction((tx) => {
    const row = findRow(tx, { id: input.id });
    const procedure = procedureOfRow(ctx, row);
    const from = row.status as DossierStatus;
    const history = {
      supplementRequests: row.supplementCount,
      extensions: row.extensionCount,
      verified: row.verificationAt !== null,
      canVerify: procedure?.deadline?.whenVerifying !== undefined,
      reasonGiven: Boolean(input.note),
    };
    const to = transition(from, input.action, history);
    const at = ctx.clock.now().toISOString();
    const patch: Partial<DossierRow> = { status: to, updatedAt: at };
    const data: Record<string, unknown> = { collectedBy: input.collectedBy ?? null, newDueDate: input.newDueDate ?? null };
    const calendar = ctx.calendar.current();
    const { conventions } = ctx.catalog.current();
    const countingBasis = conventions.workingDayCounting.legalBasis;

    switch (input.action) {
      case 'requestSupplement':
        patch.pausedSince = at;
        patch.supplementCount = row.supplementCount + 1;
        data.legalDueAt = row.dueAt;
        if (needsExceptionReason('requestSupplement', history)) {
          data.exception = 'supplement_again';
          data.reason = input.note;
          warnings.push(
            `Đây là lần yêu cầu bổ sung thứ ${row.supplementCount + 1}: quy định chỉ yêu cầu bổ sung một lần, đầy đủ. Lý do đã được ghi lại; trong báo cáo, hồ sơ được tính là quá hạn và nêu riêng là trường hợp ngoại lệ.`,
          );
        }
        break;
      case 'supplementReceived': {
        const due = legalDueOf(tx, row, calendar, { until: at, countingBasis });
        patch.pausedSince = null;
        patch.dueAt = utc(due.dueAt);
        patch.dueProvisional = due.provisional;
        data.legalDueAt = patch.dueAt;
        break;
      }
      case 'extend': {
        if (!input.newDueDate) throw new AppError('INVALID_INPUT', 'Cần nhập ngày hẹn trả kết quả mới (Mẫu 04)');
        const check = checkExtension({
          calendar,
          legalDueAt: row.dueAt,
          currentPromiseAt: row.extendedDueAt ?? row.dueAt,
          issuedAt: at,
          extension: { newDueDate: input.newDueDate },
          noticeWorkingDays: conventions.extensionNotice.workingDays,
          noticeBasis: conventions.extensionNotice.legalBasis,
        });
        patch.extendedDueAt = utc(check.promisedAt);
        patch.extensionCount = row.extensionCount + 1;
        warnings.push(...check.warnings);
        Object.assign(data, { promisedAt: patch.extendedDueAt, legalDueAt: row.dueAt, issuedAfterDue: check.issuedAfterDue, issuedLate: check.issuedLate });
        break;
      }
      case 'recordVerification': {
        if (!input.note) throw new AppError('INVALID_INPUT', 'Cần ghi rõ lý do phải xác minh', { issues: [{ path: ['note'], message: 'Cần ghi rõ lý do phải xác minh' }] });
        if (!procedure?.deadline) throw new AppError('CONFLICT', 'Không tìm thấy quy định thời hạn của thủ tục trong danh mục');
        // While paused for a supplement the clock stood still at the request.
        const clockAt = row.status === 'awaiting_supplement' && row.pausedSince ? row.pausedSince : at;
        if (clockAt > row.dueAt) {
          throw new AppError(
            'CONFLICT',
            `Hồ sơ đã quá hạn giải quyết (${formatDueVi(row.dueAt)}): việc xác minh phải được ghi nhận trong thời hạn, không thể dùng để kéo dài thời hạn của hồ sơ đã quá hạn.`,
          );
        }
        const limit = limitInForce(procedure.deadline, true);
        const verified = { ...row, deadlineAmount: limit.amount, deadlineUnit: limit.unit, cutoff15: limit.cutoff15, verificationAt: at, verificationReason: input.note };
        const due = legalDueOf(tx, verified, calendar, { countingBasis });
        Object.assign(patch, {
          deadlineAmount: limit.amount,
          deadlineUnit: limit.unit,
          cutoff15: limit.cutoff15,
          verificationAt: at,
          verificationReason: input.note,
          dueAt: utc(due.dueAt),
          dueProvisional: due.provisional,
        });
        tx.insert(dueRevision)
          .values({ id: newId(), dossierId: row.id, at, cause: 'verification', oldDueAt: row.dueAt, newDueAt: patch.dueAt!, calendarVersionId: null, note: input.note })
          .run();
        Object.assign(data, { reason: input.note, oldDueAt: row.dueAt, legalDueAt: patch.dueAt, limit, explanation: due.explanation });
        warnings.push(`Hạn giải quyết mới theo quy định: ${formatDueVi(patch.dueAt!)}. Hãy in lại Giấy tiếp nhận hồ sơ và hẹn trả kết quả cho người nộp.`);
        break;
      }
      case 'requestWithdrawal':
        patch.withdrawalRequestedAt = at;
        break;
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
    recordChange(tx, next, { type: input.action, from, to, at, officer, ...(input.note ? { note: input.note } : {}), data });
    return next;
  });
  ctx.events.emit('dossier.changed', { id: updated.id });
  if (input.action === 'returnResult') ctx.onCounterAct?.({ event: 'returned', dossier: updated, officer });
  return { ...detailOf(ctx, updated, ctx.clock.now().toISOString()), warnings };
}
