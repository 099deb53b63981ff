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

/** Who made the change: an officer, or the app itself on the province's behalf (id null). */
export type Actor = Pick<Officer, 'id' | 'fullName'> | { id: null; fullName: string };

export function recordChange(
  tx: DbExecutor,
  row: DossierRow,
  change: { type: string; from: DossierStatus | null; to: DossierStatus | null; at: string; officer: Actor; note?: string; data?: unknown },
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
    details: { dossierId: row.id, from: change.from, to: change.to, ...(auditDetails(change.data) ?? {}) },
  });
}

/** The due-date facts of a change go into the audit row too (old and new dates, why). */
function auditDetails(data: unknown): Record<string, unknown> | null {
  if (!data || typeof data !== 'object') return null;
  const keep = ['oldDueAt', 'legalDueAt', 'promisedAt', 'reason', 'exception', 'calendarVersionId', 'issuedAfterDue', 'exemption'];
  const out = Object.fromEntries(Object.entries(data as Record<string, unknown>).filter(([k]) => keep.includes(k)));
  return Object.keys(out).length ? out : null;
}
