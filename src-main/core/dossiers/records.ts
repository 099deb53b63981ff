/**
 * Reading a dossier back from its rows, in the shapes the UI (detail, summary) and sync (the
 * Dossier snapshot of src-shared/dossier.ts) need. Instants leave core with the +07:00 offset.
 */
import { asc, eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { Dossier, DossierEvent, DossierStatus } from '@shared/dossier';
import { gradeAsOf, type GradeFacts, type Standing } from '@shared/domain/grading';
import { allowedActions, nationalStatusCode, needsExceptionReason } from '@shared/domain/lifecycle';
import { toVnIso } from '@shared/domain/vn-time';
import type { DossierDetail, DossierSummary } from '@shared/rpc/dossiers';
import type { DbExecutor } from '../db/open';
import { dossier, dossierEvent } from '../db/schema';
import { collectedByOf } from './history';
import { lookupKeyHash, lookupKeyOf } from './lookup-key';
import { documentsOf, feesOf, type DossierRow } from './statements';

export type { DossierRow };
type EventRow = typeof dossierEvent.$inferSelect;

const vn = (iso: string | null) => (iso ? toVnIso(iso) : null);

/** What grading reads of a dossier row (the rule itself is src-shared/domain/grading.ts). */
export type GradeFields = Pick<
  DossierRow,
  'status' | 'receivedAt' | 'dueAt' | 'finishedAt' | 'pausedSince' | 'supplementCount' | 'withdrawalRequestedAt' | 'extendedDueAt'
>;

export function gradeFacts(row: GradeFields): GradeFacts {
  return {
    status: row.status as DossierStatus,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    finishedAt: row.finishedAt,
    pausedSince: row.pausedSince,
    supplementCount: row.supplementCount,
    withdrawn: row.withdrawalRequestedAt !== null,
    extended: row.extendedDueAt !== null,
  };
}

/** How the dossier stands now against its legal due date. */
export function standingNow(row: GradeFields, nowIso: string): Standing {
  return gradeAsOf(gradeFacts(row), nowIso);
}

/** Pending and past its legal due date (or an exception): the officer must act. */
export function isOverdue(row: GradeFields, nowIso: string): boolean {
  const s = standingNow(row, nowIso);
  return s.state === 'pending' && s.grade === 'overdue';
}

/** What a summary (a search result line) reads of a dossier row. */
export type SummaryFields = GradeFields &
  Pick<
    DossierRow,
    'id' | 'code' | 'applicantName' | 'applicantIdNumber' | 'applicantPhone' | 'procedureCode' | 'procedureName' | 'procedureField' | 'dueProvisional' | 'receivedByName'
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
    extendedDueAt: vn(row.extendedDueAt),
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

/** What the detail needs from the catalog about the dossier's procedure. */
export interface ProcedureFacts {
  /** The procedure has a longer limit for verification (whenVerifying). */
  canVerify: boolean;
  /** Received on behalf of another agency (cư trú: Công an cấp xã), which uses its own forms. */
  receivedFor: { agency: string; ownForms: string } | null;
}

export function toDetail(db: DbExecutor, row: DossierRow, nowIso: string, procedure: ProcedureFacts = { canVerify: false, receivedFor: null }): DossierDetail {
  const documents = documentsOf(db, row.id);
  const fees = feesOf(db, row.id);
  const status = row.status as DossierStatus;
  const history = {
    supplementRequests: row.supplementCount,
    extensions: row.extensionCount,
    verified: row.verificationAt !== null,
    canVerify: procedure.canVerify,
  };
  const standing = standingNow(row, nowIso);
  const events = eventsOf(db, row.id);
  return {
    ...toSummary(row, nowIso),
    agencyCode: row.agencyCode,
    procedureId: row.procedureId,
    catalogVersion: row.catalogVersion,
    deadline: { amount: row.deadlineAmount, unit: row.deadlineUnit, cutoff15: row.cutoff15, counting: row.deadlineCounting },
    standing:
      standing.state === 'solved' || standing.state === 'pending'
        ? { state: standing.state, grade: standing.grade, apologised: standing.apologised, exception: standing.exception }
        : null,
    verification: row.verificationAt ? { at: toVnIso(row.verificationAt), reason: row.verificationReason ?? '' } : null,
    receivedFor: procedure.receivedFor,
    supplementNeedsReason: needsExceptionReason('requestSupplement', history),
    withdrawalRequestedAt: vn(row.withdrawalRequestedAt),
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
    collectedBy: collectedByOf(events),
    nationalStatus: nationalStatusCode(status),
    completion: standing.state === 'solved' ? standing.grade : null,
    allowedActions: allowedActions(status, history),
    events: events.map((e) => ({
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
    procedureField: row.procedureField,
    extendedDueAt: row.extendedDueAt,
    supplementCount: row.supplementCount,
    withdrawalRequestedAt: row.withdrawalRequestedAt,
    verificationAt: row.verificationAt,
    ...(key ? { lookupKeyHash: lookupKeyHash(row.code, key) } : {}),
  };
}

export function toEventPayload(e: EventRow): DossierEvent {
  const legalDueAt = (e.data as { legalDueAt?: unknown } | null)?.legalDueAt;
  return {
    id: e.id,
    dossierId: e.dossierId,
    type: e.type,
    fromStatus: (e.fromStatus as DossierStatus | null) ?? null,
    toStatus: (e.toStatus as DossierStatus | null) ?? null,
    at: e.at,
    officer: e.officerName,
    ...(e.note ? { note: e.note } : {}),
    ...(typeof legalDueAt === 'string' ? { legalDueAt } : {}),
  };
}
