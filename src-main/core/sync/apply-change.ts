/**
 * Down: applying one change of a province feed to the counter database, inside the transaction
 * that also moves the scope's cursor. Province-owned data wins (ANCHORS.md §8.6): catalogs,
 * calendars and the agency list are replaced; a dossier's processing status is taken from the hub.
 *
 * Nothing here writes the outbox: these changes came from the hub and must not echo back up.
 * Every write is idempotent (a re-pulled change finds its event already there), and a change the
 * counter cannot apply is recorded in sync_meta with its reason rather than blocking the feed.
 */
import { count, desc, eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { DossierStatus } from '@shared/dossier';
import { STATUS_LABELS } from '@shared/domain/lifecycle';
import type { Change, DossierStatusPayload } from '@shared/sync/protocol';
import { appendAudit } from '../audit/audit-log';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogService } from '../catalog/catalog-service';
import type { DbExecutor } from '../db/open';
import { calendarVersion, dossier, dossierEvent, dueRevision } from '../db/schema';
import { legalDueOf } from '../dossiers/legal-due';
import { recordUnapplied, writeMeta } from './meta';

export interface ApplyDeps {
  catalog: CatalogService;
  calendar: CalendarService;
}

/** What the UI should hear about after the transaction commits. */
export interface AppliedChange {
  dossierId?: string;
  kind: Change['kind'];
  message: string;
}

export function applyChange(tx: DbExecutor, deps: ApplyDeps, scope: string, change: Change, nowIso: string): AppliedChange | null {
  const unapplied = (reason: string) => {
    recordUnapplied(tx, { scope, seq: change.seq, kind: change.kind, reason, at: nowIso });
    return null;
  };
  switch (change.kind) {
    case 'catalog':
      try {
        deps.catalog.import(change.payload.data, 'province', null);
      } catch (err) {
        if (err instanceof AppError) return unapplied(`Danh mục thủ tục ${change.payload.version} không hợp lệ: ${err.message}`);
        throw err;
      }
      return { kind: 'catalog', message: `Đã nhận danh mục thủ tục phiên bản ${change.payload.version} từ tỉnh.` };
    case 'calendar': {
      try {
        // Holidays and make-up days come from the province; the commune's own sessions stay.
        deps.calendar.save(change.payload.data, 'province', `Lịch làm việc do tỉnh ban hành, phiên bản ${change.payload.version}`, null);
      } catch (err) {
        if (err instanceof AppError) return unapplied(`Lịch làm việc ${change.payload.version} không hợp lệ: ${err.message}`);
        throw err;
      }
      const moved = movedByLatestCalendar(tx);
      const movedText = moved > 0 ? ` ${moved} hồ sơ đang giải quyết thay đổi ngày hẹn trả: xem danh sách ở Tổng quan và in lại giấy hẹn.` : '';
      return { kind: 'calendar', message: `Đã nhận lịch làm việc phiên bản ${change.payload.version} từ tỉnh.${movedText}` };
    }
    case 'agency':
      writeMeta(tx, 'agencies', change.payload);
      return { kind: 'agency', message: `Đã cập nhật danh sách cơ quan (phiên bản ${change.payload.version}).` };
    case 'dossier.status':
      return applyStatus(tx, deps, change.payload, change.seq, nowIso, unapplied);
  }
}

function applyStatus(
  tx: DbExecutor,
  deps: ApplyDeps,
  p: DossierStatusPayload,
  seq: number,
  nowIso: string,
  unapplied: (reason: string) => null,
): AppliedChange | null {
  const row = tx.select().from(dossier).where(eq(dossier.id, p.dossierId)).get();
  if (!row) return unapplied(`Hồ sơ ${p.code} không có trên máy này (có thể do khôi phục bản sao lưu cũ).`);
  if (tx.select({ id: dossierEvent.id }).from(dossierEvent).where(eq(dossierEvent.id, p.event.id)).get()) return null;

  const from = row.status as DossierStatus;
  const to = p.status;
  const entersPause = to === 'awaiting_supplement' && from !== 'awaiting_supplement';
  tx.update(dossier)
    .set({
      status: to,
      finishedAt: p.dossier.finishedAt,
      returnedAt: p.dossier.returnedAt,
      // The supplement pause follows the province's status: it stops the deadline clock locally too.
      pausedSince: to === 'awaiting_supplement' ? (row.pausedSince ?? p.event.at) : null,
      supplementCount: entersPause ? row.supplementCount + 1 : row.supplementCount,
      withdrawalRequestedAt: to === 'withdrawal_requested' ? (row.withdrawalRequestedAt ?? p.event.at) : row.withdrawalRequestedAt,
      updatedAt: p.event.at,
    })
    .where(eq(dossier.id, row.id))
    .run();
  tx.insert(dossierEvent)
    .values({
      id: p.event.id,
      dossierId: row.id,
      type: 'province.status',
      fromStatus: from,
      toStatus: to,
      at: p.event.at,
      officerId: null,
      officerName: p.event.officer,
      note: p.event.note ?? null,
      data: { source: 'province', feedSeq: seq, provinceType: p.event.type },
    })
    .run();
  // Leaving a supplement pause the province opened moves the legal due date by the pause.
  if (from === 'awaiting_supplement' && to !== 'awaiting_supplement' && !p.dossier.finishedAt) {
    const due = legalDueOf(tx, { ...row }, deps.calendar.current(), { until: p.event.at });
    tx.update(dossier).set({ dueAt: new Date(due.dueAt).toISOString(), dueProvisional: due.provisional }).where(eq(dossier.id, row.id)).run();
  }
  appendAudit(tx, {
    at: nowIso,
    officerId: null,
    action: 'sync.province_status',
    target: row.code,
    details: { dossierId: row.id, from, to, feedSeq: seq },
  });
  return { kind: 'dossier.status', dossierId: row.id, message: `Hồ sơ ${row.code}: tỉnh cập nhật trạng thái "${STATUS_LABELS[to]}".` };
}

/** Due dates the calendar version just stored moved (due_revision rows written in this transaction). */
function movedByLatestCalendar(tx: DbExecutor): number {
  const latest = tx.select({ id: calendarVersion.id }).from(calendarVersion).orderBy(desc(calendarVersion.id)).limit(1).get();
  if (!latest) return 0;
  return tx.select({ n: count() }).from(dueRevision).where(eq(dueRevision.calendarVersionId, latest.id)).get()?.n ?? 0;
}
