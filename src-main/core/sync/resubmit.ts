/**
 * "Sửa và gửi lại": a rejected op is never sent again as is (the hub would answer with the same
 * rejection). After the officer fixed the dossier, a NEW op with a fresh opId carries its current
 * snapshot; the old row stays `rejected` and points at its replacement, so nothing disappears from
 * the record. Timeline events the hub refused only because their dossier was refused follow it.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { DossierEvent } from '@shared/dossier';
import type { Officer } from '@shared/rpc';
import { appendAudit } from '../audit/audit-log';
import type { CounterDb } from '../db/open';
import { outbox } from '../db/schema';
import { findRow, toSnapshot } from '../dossiers/records';
import { enqueueOp } from '../outbox/outbox';

export function resubmitOp(db: CounterDb, opId: string, officer: Officer, at: string): { newOpId: string } {
  return db.transaction((tx) => {
    const row = tx.select().from(outbox).where(eq(outbox.opId, opId)).get();
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy thao tác đồng bộ này');
    if (row.state !== 'rejected' || row.resubmittedAs) {
      throw new AppError('CONFLICT', 'Chỉ gửi lại được thao tác đã bị tỉnh từ chối và chưa được gửi lại');
    }
    let newOpId: string;
    let target: string;
    if (row.opType === 'dossier.upsert') {
      const current = findRow(tx, { id: row.entityId });
      target = current.code;
      newOpId = enqueueOp(tx, { opType: 'dossier.upsert', entityId: current.id, payload: toSnapshot(tx, current), at });
      const orphans = tx
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.state, 'rejected'),
            eq(outbox.opType, 'dossier.event'),
            eq(outbox.resultCode, 'dossier_not_found'),
            isNull(outbox.resubmittedAs),
            sql`json_extract(${outbox.payload}, '$.dossierId') = ${current.id}`,
          ),
        )
        .orderBy(asc(outbox.seq))
        .all();
      for (const event of orphans) {
        const again = enqueueOp(tx, { opType: 'dossier.event', entityId: event.entityId, payload: event.payload as DossierEvent, at });
        tx.update(outbox).set({ resubmittedAs: again }).where(eq(outbox.seq, event.seq)).run();
      }
    } else if (row.opType === 'dossier.event') {
      const event = row.payload as DossierEvent;
      target = event.dossierId;
      newOpId = enqueueOp(tx, { opType: 'dossier.event', entityId: row.entityId, payload: event, at });
    } else {
      throw new AppError('CONFLICT', `Không gửi lại được loại thao tác "${row.opType}"`);
    }
    tx.update(outbox).set({ resubmittedAs: newOpId }).where(eq(outbox.seq, row.seq)).run();
    appendAudit(tx, {
      at,
      officerId: officer.id,
      action: 'sync.resubmit',
      target,
      details: { opId, newOpId, rejectedCode: row.resultCode },
    });
    return { newOpId };
  });
}
