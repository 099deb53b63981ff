/**
 * The statements of the dossier write path (receipt, refusal, every lifecycle step), prepared once
 * per connection (see db/prepared.ts): at a million dossiers a receipt is mostly its one fsync,
 * not the building of fifteen queries. The column lists are written once, here, from the drizzle
 * schema's names, so a row goes in exactly as drizzle would have written it.
 */
import { preparedPerConnection, jsonColumn } from '../db/prepared';
import type { DbExecutor } from '../db/open';
import type { dossier, dossierDocument, dossierEvent, feeLine } from '../db/schema';

export type DossierRow = typeof dossier.$inferSelect;
export type NewDossierRow = Omit<DossierRow, 'localSeq'>;
type DocumentRow = typeof dossierDocument.$inferSelect;
type FeeRow = typeof feeLine.$inferSelect;
type EventRow = typeof dossierEvent.$inferSelect;

/** [column, key of NewDossierRow]: every column but local_seq, which SQLite assigns. */
const DOSSIER_COLUMNS: [string, keyof NewDossierRow][] = [
  ['id', 'id'], ['code', 'code'], ['agency_code', 'agencyCode'], ['procedure_id', 'procedureId'], ['procedure_code', 'procedureCode'],
  ['procedure_name', 'procedureName'], ['procedure_field', 'procedureField'], ['catalog_version', 'catalogVersion'],
  ['deadline_amount', 'deadlineAmount'], ['deadline_unit', 'deadlineUnit'], ['cutoff15', 'cutoff15'], ['applicant_name', 'applicantName'],
  ['applicant_id_number', 'applicantIdNumber'], ['applicant_birth_date', 'applicantBirthDate'], ['applicant_gender', 'applicantGender'],
  ['applicant_address', 'applicantAddress'], ['applicant_phone', 'applicantPhone'], ['applicant_email', 'applicantEmail'],
  ['search_name', 'searchName'], ['search_address', 'searchAddress'], ['channel', 'channel'], ['delivery', 'delivery'], ['pages', 'pages'],
  ['copies', 'copies'], ['fee_total', 'feeTotal'], ['status', 'status'], ['received_at', 'receivedAt'], ['due_at', 'dueAt'],
  ['original_due_at', 'originalDueAt'], ['due_provisional', 'dueProvisional'], ['received_by_id', 'receivedById'],
  ['received_by_name', 'receivedByName'], ['supplement_count', 'supplementCount'], ['extension_count', 'extensionCount'],
  ['paused_since', 'pausedSince'], ['finished_at', 'finishedAt'], ['returned_at', 'returnedAt'], ['updated_at', 'updatedAt'],
  ['extended_due_at', 'extendedDueAt'], ['deadline_counting', 'deadlineCounting'], ['verification_at', 'verificationAt'],
  ['verification_reason', 'verificationReason'], ['withdrawal_requested_at', 'withdrawalRequestedAt'],
];

const statements = preparedPerConnection((c) => ({
  office: c.prepare<[], { agencyCode: string; deskNumber: number | null }>(
    'SELECT agency_code AS agencyCode, desk_number AS deskNumber FROM office WHERE id = 1',
  ),
  sequence: c.prepare<[string, string, number], number>('SELECT last FROM dossier_sequence WHERE agency_code = ? AND day = ? AND desk = ?').pluck(),
  updateSequence: c.prepare('UPDATE dossier_sequence SET last = ? WHERE agency_code = ? AND day = ? AND desk = ?'),
  insertSequence: c.prepare('INSERT INTO dossier_sequence (agency_code, day, desk, last) VALUES (?, ?, ?, ?)'),
  insertDossier: c.prepare(
    `INSERT INTO dossier (${DOSSIER_COLUMNS.map(([col]) => col).join(', ')}) VALUES (${DOSSIER_COLUMNS.map(([, key]) => `@${key}`).join(', ')})`,
  ),
  insertDocument: c.prepare('INSERT INTO dossier_document (dossier_id, position, name, originals, copies) VALUES (?, ?, ?, ?, ?)'),
  insertFee: c.prepare('INSERT INTO fee_line (dossier_id, position, label, amount, exempt_reason) VALUES (?, ?, ?, ?, ?)'),
  insertEvent: c.prepare(
    'INSERT INTO dossier_event (id, dossier_id, type, from_status, to_status, at, officer_id, officer_name, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ),
  documents: c.prepare<[string], Pick<DocumentRow, 'name' | 'originals' | 'copies'>>(
    'SELECT name, originals, copies FROM dossier_document WHERE dossier_id = ? ORDER BY position',
  ),
  fees: c.prepare<[string], Pick<FeeRow, 'label' | 'amount' | 'exemptReason'>>(
    'SELECT label, amount, exempt_reason AS exemptReason FROM fee_line WHERE dossier_id = ? ORDER BY position',
  ),
}));

export function officeForCodes(db: DbExecutor): { agencyCode: string; deskNumber: number | null } | undefined {
  return statements(db).office.get();
}

export function sequenceLast(db: DbExecutor, agencyCode: string, day: string, desk: number): number | null {
  return statements(db).sequence.get(agencyCode, day, desk) ?? null;
}

export function storeSequence(db: DbExecutor, agencyCode: string, day: string, desk: number, last: number, exists: boolean): void {
  if (exists) statements(db).updateSequence.run(last, agencyCode, day, desk);
  else statements(db).insertSequence.run(agencyCode, day, desk, last);
}

/** Inserts the row and returns it as read back (booleans stored as 0/1, local_seq assigned). */
export function insertDossier(db: DbExecutor, row: NewDossierRow): DossierRow {
  const params: Record<string, unknown> = {};
  for (const [, key] of DOSSIER_COLUMNS) {
    const v = row[key];
    params[key] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  const { lastInsertRowid } = statements(db).insertDossier.run(params);
  return { localSeq: Number(lastInsertRowid), ...row };
}

export function insertDocuments(db: DbExecutor, dossierId: string, documents: { name: string; originals: number; copies: number }[]): void {
  const st = statements(db).insertDocument;
  documents.forEach((d, position) => st.run(dossierId, position, d.name, d.originals, d.copies));
}

export function insertFees(db: DbExecutor, dossierId: string, fees: { label: string; amount: number; exemptReason?: string | null }[]): void {
  const st = statements(db).insertFee;
  fees.forEach((f, position) => st.run(dossierId, position, f.label, f.amount, f.exemptReason ?? null));
}

export function insertEvent(db: DbExecutor, e: EventRow): void {
  statements(db).insertEvent.run(e.id, e.dossierId, e.type, e.fromStatus, e.toStatus, e.at, e.officerId, e.officerName, e.note, jsonColumn(e.data));
}

export function documentsOf(db: DbExecutor, dossierId: string) {
  return statements(db).documents.all(dossierId);
}

export function feesOf(db: DbExecutor, dossierId: string) {
  return statements(db).fees.all(dossierId);
}
