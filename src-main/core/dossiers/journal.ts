/**
 * Recording a change to a dossier: the timeline event, the outbox ops and the audit row, all
 * inside the caller's transaction. Every write path of dossiers goes through here, so none can
 * forget sync or accountability.
 */
import type { DossierStatus } from '@shared/dossier';
import type { Officer } from '@shared/rpc';
import { appendAudit } from '../audit/audit-log';
import type { DbExecutor } from '../db/open';
import { newId } from '../ids';
import { enqueueOp } from '../outbox/outbox';
import { toEventPayload, toSnapshot, type DossierRow } from './records';
import { insertEvent } from './statements';

export function recordChange(
  tx: DbExecutor,
  row: DossierRow,
  change: { type: string; from: DossierStatus | null; to: DossierStatus | null; at: string; officer: Officer; note?: string; data?: unknown },
): void {
  const event = {
    id: newId(),
    dossierId: row.id,
    type: change.type,
    fromStatus: change.from,
    toStatus: change.to,
    at: change.at,
    officerId: change.officer.id,
    officerName: change.officer.fullName,
    note: change.note ?? null,
    data: change.data ?? null,
  };
  insertEvent(tx, event);
  enqueueOp(tx, { opType: 'dossier.upsert', entityId: row.id, payload: toSnapshot(tx, row), at: change.at });
  enqueueOp(tx, { opType: 'dossier.event', entityId: event.id, payload: toEventPayload(event), at: change.at });
  appendAudit(tx, {
    at: change.at,
    officerId: change.officer.id,
    action: `dossier.${change.type}`,
    target: row.code,
    details: { dossierId: row.id, from: change.from, to: change.to },
  });
}
