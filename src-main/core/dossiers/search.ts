/**
 * Finding dossiers: one box for name, ID number, phone or code, diacritic-insensitive
 * (including đ), plus filters. Results stream newest-first by local_seq (receipt order), which
 * FTS5 (with prefix indexes, migration 0006) and the (…, local_seq) indexes walk without sorting;
 * a receipt period sorts the rowids of its index range, never whole rows. So the first page stays
 * fast at a million rows. The cursor is the last local_seq seen.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DossierStatus } from '@shared/dossier';
import { OPEN_STATUSES } from '@shared/domain/lifecycle';
import { foldForSearch } from '@shared/domain/text';
import { dayNumberOfYmd, MS_PER_DAY, vnInstant, vnYmd, ymdOfDayNumber } from '@shared/domain/vn-time';
import type { DossierSummary } from '@shared/rpc/dossiers';
import type { DossierContext } from './context';
import { toSummary, type DossierRow } from './records';

export interface SearchInput {
  query?: string;
  status?: DossierStatus | DossierStatus[];
  overdue?: boolean;
  dueWithinDays?: number;
  from?: string;
  to?: string;
  procedureCode?: string;
  field?: string;
  officerId?: string;
  limit: number;
  cursor?: string;
}

/** Statuses whose deadline clock is running (paused while awaiting a supplement). */
const RUNNING = OPEN_STATUSES.filter((s) => s !== 'awaiting_supplement');

/** "đỗ đức dũng 0912" → `"do"* "duc"* "dung"* "0912"*`: every word, as a prefix, in any column. */
export function ftsQuery(text: string): string | null {
  const words = foldForSearch(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 12);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

function startOfVnDay(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(vnInstant(y, m, d)).toISOString();
}

function columnsFilter(input: SearchInput, nowIso: string): SQL[] {
  const where: SQL[] = [];
  const statuses = input.status === undefined ? [] : Array.isArray(input.status) ? input.status : [input.status];
  if (statuses.length) where.push(sql`d.status IN (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})`);
  if (input.overdue !== undefined || input.dueWithinDays !== undefined) {
    where.push(sql`d.status IN (${sql.join(RUNNING.map((s) => sql`${s}`), sql`, `)})`);
  }
  if (input.overdue === true) where.push(sql`d.due_at < ${nowIso}`);
  if (input.overdue === false) where.push(sql`d.due_at >= ${nowIso}`);
  if (input.dueWithinDays !== undefined) {
    const lastDay = ymdOfDayNumber(dayNumberOfYmd(vnYmd(nowIso)) + input.dueWithinDays);
    const endExclusive = new Date(new Date(startOfVnDay(lastDay)).getTime() + MS_PER_DAY).toISOString();
    where.push(sql`d.due_at >= ${nowIso} AND d.due_at < ${endExclusive}`);
  }
  if (input.from) where.push(sql`d.received_at >= ${startOfVnDay(input.from)}`);
  if (input.to) {
    const end = new Date(new Date(startOfVnDay(input.to)).getTime() + MS_PER_DAY).toISOString();
    where.push(sql`d.received_at < ${end}`);
  }
  if (input.procedureCode) where.push(sql`d.procedure_code = ${input.procedureCode}`);
  if (input.field) where.push(sql`d.procedure_field = ${input.field}`);
  if (input.officerId) where.push(sql`d.received_by_id = ${input.officerId}`);
  return where;
}

export function searchDossiers(ctx: DossierContext, input: SearchInput): { items: DossierSummary[]; nextCursor: string | null } {
  const nowIso = ctx.clock.now().toISOString();
  const filters = columnsFilter(input, nowIso);
  const cursor = input.cursor && /^\d+$/.test(input.cursor) ? Number(input.cursor) : null;
  const take = input.limit + 1;
  const query = input.query?.trim() ?? '';
  let rows: DossierRow[];

  if (query && !/^[A-Za-z0-9.]+-\d{6,8}-\d{3,9}$/.test(query)) {
    const match = ftsQuery(query);
    if (!match) return { items: [], nextCursor: null };
    // FTS5 hands rowids out newest first and stops at the page; the cursor is a rowid bound it
    // applies itself. The dossier row is joined only when a filter needs its columns.
    const where = [sql`dossier_fts MATCH ${match}`, ...(cursor === null ? [] : [sql`dossier_fts.rowid < ${cursor}`]), ...filters];
    const from = filters.length ? sql`dossier_fts JOIN dossier d ON d.local_seq = dossier_fts.rowid` : sql`dossier_fts`;
    rows = select(ctx, sql`SELECT dossier_fts.rowid FROM ${from} ${whereOf(where)} ORDER BY dossier_fts.rowid DESC LIMIT ${take}`);
  } else {
    // Filters alone, or a whole dossier code (typed or scanned from the receipt's QR): an exact
    // lookup on the code's unique index.
    const where = [...(query ? [sql`d.code = ${query}`] : []), ...(cursor === null ? [] : [sql`d.local_seq < ${cursor}`]), ...filters];
    rows = select(ctx, sql`SELECT d.local_seq FROM dossier d ${whereOf(where)} ORDER BY d.local_seq DESC LIMIT ${take}`);
  }

  const page = rows.slice(0, input.limit);
  return {
    items: page.map((r) => toSummary(r, nowIso)),
    nextCursor: rows.length > input.limit ? String(page.at(-1)!.localSeq) : null,
  };
}

const whereOf = (where: SQL[]) => (where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``);

const COLUMNS = sql.raw(
  [
    'local_seq AS localSeq', 'id', 'code', 'agency_code AS agencyCode', 'procedure_id AS procedureId', 'procedure_code AS procedureCode',
    'procedure_name AS procedureName', 'procedure_field AS procedureField', 'catalog_version AS catalogVersion',
    'deadline_amount AS deadlineAmount', 'deadline_unit AS deadlineUnit', 'cutoff15', 'applicant_name AS applicantName',
    'applicant_id_number AS applicantIdNumber', 'applicant_birth_date AS applicantBirthDate', 'applicant_gender AS applicantGender',
    'applicant_address AS applicantAddress', 'applicant_phone AS applicantPhone', 'applicant_email AS applicantEmail',
    'search_name AS searchName', 'search_address AS searchAddress', 'channel', 'delivery', 'pages', 'copies', 'fee_total AS feeTotal',
    'status', 'received_at AS receivedAt', 'due_at AS dueAt', 'original_due_at AS originalDueAt', 'due_provisional AS dueProvisional',
    'received_by_id AS receivedById', 'received_by_name AS receivedByName', 'supplement_count AS supplementCount',
    'extension_count AS extensionCount', 'paused_since AS pausedSince', 'finished_at AS finishedAt', 'returned_at AS returnedAt',
    'updated_at AS updatedAt',
  ]
    .map((c) => `d.${c}`)
    .join(', '),
);

/**
 * The page's rows, from a query that finds their local_seq newest first. Finding reads only
 * indexes where it can (a month of receipts sorts its rowids, not its rows); the whole rows of the
 * page alone are then read by primary key.
 */
function select(ctx: DossierContext, seqs: SQL): DossierRow[] {
  const rows = ctx.db.all<DossierRow>(sql`SELECT ${COLUMNS} FROM dossier d WHERE d.local_seq IN (${seqs}) ORDER BY d.local_seq DESC`);
  return rows.map((r) => ({ ...r, cutoff15: Boolean(r.cutoff15), dueProvisional: Boolean(r.dueProvisional) }));
}
