/**
 * Reading a dossier back from its rows, in the shapes the UI (detail, summary) and sync (the
 * Dossier snapshot of src-shared/dossier.ts) need. Instants leave core with the +07:00 offset.
 */
import { asc, eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { Dossier, DossierEvent, DossierStatus } from '@shared/dossier';
import { classifyCompletion } from '@shared/domain/deadline';
import { allowedActions, nationalStatusCode, OPEN_STATUSES } from '@shared/domain/lifecycle';
import { toVnIso } from '@shared/domain/vn-time';
import type { DossierDetail, DossierSummary } from '@shared/rpc/dossiers';
import type { DbExecutor } from '../db/open';
import { dossier, dossierEvent } from '../db/schema';
import { lookupKeyHash, lookupKeyOf } from './lookup-key';
import { documentsOf, feesOf, type DossierRow } from './statements';

export type { DossierRow };
type EventRow = typeof dossierEvent.$inferSelect;

const vn = (iso: string | null) => (iso ? toVnIso(iso) : null);

/** Still running against its deadline (the clock is paused while awaiting a supplement). */
export function isOverdue(row: Pick<DossierRow, 'status' | 'dueAt'>, nowIso: string): boolean {
  return OPEN_STATUSES.includes(row.status as DossierStatus) && row.status !== 'awaiting_supplement' && row.dueAt < nowIso;
}

/** What a summary (a search result line) reads of a dossier row. */
export type SummaryFields = Pick<
  DossierRow,
  | 'id' | 'code' | 'applicantName' | 'applicantIdNumber' | 'applicantPhone' | 'procedureCode' | 'procedureName' | 'procedureField'
  | 'status' | 'receivedAt' | 'dueAt' | 'dueProvisional' | 'receivedByName' | 'finishedAt'
>;

export function toSummary(row: SummaryFields, nowIso: string): DossierSummary {
  return {
    id: row.id,
    code: row.code,
    applicantName: row.applicantName,
    applicantIdNumber: row.applicantIdNumber,
    applicantPhone: row.applicantPhone,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    field: row.procedureField,
    status: row.status as DossierStatus,
    receivedAt: toVnIso(row.receivedAt),
    dueAt: toVnIso(row.dueAt),
    dueProvisional: row.dueProvisional,
    receivedByName: row.receivedByName,
    overdue: isOverdue(row, nowIso),
    finishedAt: vn(row.finishedAt),
  };
}

export function findRow(db: DbExecutor, key: { id: string } | { code: string }): DossierRow {
  const row =
    'id' in key
      ? db.select().from(dossier).where(eq(dossier.id, key.id)).get()
      : db.select().from(dossier).where(eq(dossier.code, key.code)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ');
  return row;
}

function eventsOf(db: DbExecutor, id: string): EventRow[] {
  return db.select().from(dossierEvent).where(eq(dossierEvent.dossierId, id)).orderBy(asc(dossierEvent.at), asc(dossierEvent.id)).all();
}

export function toDetail(db: DbExecutor, row: DossierRow, nowIso: string): DossierDetail {
  const documents = documentsOf(db, row.id);
  const fees = feesOf(db, row.id);
  const status = row.status as DossierStatus;
  return {
    ...toSummary(row, nowIso),
    agencyCode: row.agencyCode,
    procedureId: row.procedureId,
    catalogVersion: row.catalogVersion,
    deadline: { amount: row.deadlineAmount, unit: row.deadlineUnit, cutoff15: row.cutoff15 },
    applicant: applicantOf(row),
    documents: documents.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies })),
    fees: fees.map((f) => ({ label: f.label, amount: f.amount, ...(f.exemptReason ? { exemptReason: f.exemptReason } : {}) })),
    feeTotal: row.feeTotal,
    channel: row.channel,
    delivery: row.delivery,
    pages: row.pages,
    copies: row.copies,
    originalDueAt: toVnIso(row.originalDueAt),
    pausedSince: vn(row.pausedSince),
    supplementCount: row.supplementCount,
    extensionCount: row.extensionCount,
    returnedAt: vn(row.returnedAt),
    nationalStatus: nationalStatusCode(status),
    completion: row.finishedAt ? classifyCompletion(row.finishedAt, row.dueAt) : null,
    allowedActions: allowedActions(status, { supplementRequests: row.supplementCount, extensions: row.extensionCount }),
    events: eventsOf(db, row.id).map((e) => ({
      id: e.id,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      at: toVnIso(e.at),
      officerName: e.officerName,
      note: e.note,
    })),
  };
}

function applicantOf(row: DossierRow): Dossier['applicant'] {
  return {
    fullName: row.applicantName,
    ...(row.applicantIdNumber ? { idNumber: row.applicantIdNumber } : {}),
    ...(row.applicantBirthDate ? { birthDate: row.applicantBirthDate } : {}),
    ...(row.applicantGender ? { gender: row.applicantGender } : {}),
    ...(row.applicantAddress ? { address: row.applicantAddress } : {}),
    ...(row.applicantPhone ? { phone: row.applicantPhone } : {}),
    ...(row.applicantEmail ? { email: row.applicantEmail } : {}),
  };
}

/** The full snapshot that goes up to the province (dossier.upsert). */
export function toSnapshot(db: DbExecutor, row: DossierRow): Dossier {
  const documents = documentsOf(db, row.id);
  const fees = feesOf(db, row.id);
  const key = lookupKeyOf(db, row.id);
  return {
    id: row.id,
    code: row.code,
    agencyCode: row.agencyCode,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    applicant: applicantOf(row),
    documents: documents.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies })),
    fees: fees.map((f) => ({ label: f.label, amount: f.amount, ...(f.exemptReason ? { exemptReason: f.exemptReason } : {}) })),
    channel: row.channel,
    delivery: row.delivery,
    status: row.status as DossierStatus,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    dueProvisional: row.dueProvisional,
    receivedBy: row.receivedByName,
    finishedAt: row.finishedAt,
    returnedAt: row.returnedAt,
    updatedAt: row.updatedAt,
    ...(key ? { lookupKeyHash: lookupKeyHash(row.code, key) } : {}),
  };
}

export function toEventPayload(e: EventRow): DossierEvent {
  return {
    id: e.id,
    dossierId: e.dossierId,
    type: e.type,
    fromStatus: (e.fromStatus as DossierStatus | null) ?? null,
    toStatus: (e.toStatus as DossierStatus | null) ?? null,
    at: e.at,
    officer: e.officerName,
    ...(e.note ? { note: e.note } : {}),
  };
}
