/**
 * Finding dossiers: one box for name, ID number, phone or code, or a word of the scanned papers
 * (their OCR text, core/scans/ocr), diacritic-insensitive (including đ), plus filters. Results
 * stream newest-first by local_seq (receipt order), which FTS5 (with prefix indexes, migration
 * 0006) and the (…, local_seq) indexes walk without sorting; a receipt period sorts the rowids of
 * its index range, never whole rows. So the first page stays fast at a million rows. The cursor is
 * the last local_seq seen.
 */
import type { DossierStatus } from '@shared/dossier';
import { OPEN_STATUSES } from '@shared/domain/lifecycle';
import { foldForSearch } from '@shared/domain/text';
import { dayNumberOfYmd, MS_PER_DAY, vnInstant, vnYmd, ymdOfDayNumber } from '@shared/domain/vn-time';
import type { DossierSummary } from '@shared/rpc/dossiers';
import { statementFor } from '../db/prepared';
import { overdueWhere } from './standing';
import type { DossierContext } from './context';
import { toSummary, type DossierRow, type SummaryFields } from './records';

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

/** A piece of WHERE clause and the values of its `?`s. */
interface Clause {
  text: string;
  params: (string | number)[];
  /** A bound of the receipt period (received_at). */
  period?: true;
}

const clause = (text: string, ...params: (string | number)[]): Clause => ({ text, params });
const periodBound = (text: string, param: string): Clause => ({ text, params: [param], period: true });
const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

function columnsFilter(input: SearchInput, nowIso: string): Clause[] {
  const where: Clause[] = [];
  const statuses = input.status === undefined ? [] : Array.isArray(input.status) ? input.status : [input.status];
  if (statuses.length) where.push(clause(`d.status IN (${marks(statuses)})`, ...statuses));
  // Overdue is the reports' rule (legal due date, supplement pauses, exceptions): reports/standing.ts.
  if (input.overdue === true) where.push(clause(`(${overdueWhere('d', '?')})`, nowIso));
  if (input.overdue === false) {
    where.push(clause(`d.status IN (${marks(RUNNING)})`, ...RUNNING));
    where.push(clause(`NOT (${overdueWhere('d', '?')})`, nowIso));
  }
  if (input.dueWithinDays !== undefined) {
    where.push(clause(`d.status IN (${marks(RUNNING)})`, ...RUNNING));
    const lastDay = ymdOfDayNumber(dayNumberOfYmd(vnYmd(nowIso)) + input.dueWithinDays);
    const endExclusive = new Date(new Date(startOfVnDay(lastDay)).getTime() + MS_PER_DAY).toISOString();
    where.push(clause('d.due_at >= ? AND d.due_at < ?', nowIso, endExclusive));
  }
  if (input.from) where.push(periodBound('d.received_at >= ?', startOfVnDay(input.from)));
  if (input.to) {
    const end = new Date(new Date(startOfVnDay(input.to)).getTime() + MS_PER_DAY).toISOString();
    where.push(periodBound('d.received_at < ?', end));
  }
  if (input.procedureCode) where.push(clause('d.procedure_code = ?', input.procedureCode));
  if (input.field) where.push(clause('d.procedure_field = ?', input.field));
  if (input.officerId) where.push(clause('d.received_by_id = ?', input.officerId));
  return where;
}

export function searchDossiers(ctx: DossierContext, input: SearchInput): { items: (DossierSummary & { foundInPapers?: true })[]; nextCursor: string | null } {
  const nowIso = ctx.clock.now().toISOString();
  const filters = columnsFilter(input, nowIso);
  const cursor = input.cursor && /^\d+$/.test(input.cursor) ? Number(input.cursor) : null;
  const take = input.limit + 1;
  const query = input.query?.trim() ?? '';
  let rows: SummaryRow[];

  if (query && !/^[A-Za-z0-9.]+-\d{6,8}-\d{3,9}$/.test(query)) {
    const match = ftsQuery(query);
    if (!match) return { items: [], nextCursor: null };
    // Each index hands rowids out newest first and stops at the page; the cursor is a rowid bound
    // it applies itself. The dossier row is joined only when a filter needs its columns. The
    // papers' index (migration scan_ocr) shares dossier_fts's rowids, so SQLite merges the two
    // ordered streams (MERGE (UNION ALL), no sort) and stops at the page. UNION ALL keeps a dossier
    // found both ways twice, its own-fields hit first: 2 × take hits always hold `take` dossiers,
    // each knowing whether its own fields matched.
    const side = (table: string, own: 0 | 1) => {
      const where = [clause(`${table} MATCH ?`, match), ...(cursor === null ? [] : [clause(`${table}.rowid < ?`, cursor)]), ...filters];
      const from = filters.length ? `${table} JOIN dossier d ON d.local_seq = ${table}.rowid` : table;
      return { text: `SELECT ${table}.rowid AS seq, ${own} AS own FROM ${from} ${whereOf(where)}`, where };
    };
    const byOwn = side('dossier_fts', 1);
    const byPapers = side('dossier_paper_fts', 0);
    const hits = statementFor(ctx.db, `${byOwn.text} UNION ALL ${byPapers.text} ORDER BY 1 DESC, 2 DESC LIMIT ?`).all(
      ...[...byOwn.where, ...byPapers.where].flatMap((c) => c.params),
      take * 2,
    ) as { seq: number; own: number }[];
    const ownFields = new Map<number, boolean>();
    for (const h of hits) if (!ownFields.has(h.seq)) ownFields.set(h.seq, h.own === 1);
    const seqs = [...ownFields.keys()].slice(0, take);
    rows = select(ctx, 'SELECT value FROM json_each(?) LIMIT ?', [clause('', JSON.stringify(seqs))], take);
    const page = rows.slice(0, input.limit);
    return {
      items: page.map((r) => (ownFields.get(r.localSeq) ? toSummary(r, nowIso) : { ...toSummary(r, nowIso), foundInPapers: true as const })),
      nextCursor: rows.length > input.limit ? String(page.at(-1)!.localSeq) : null,
    };
  } else {
    // Filters alone, or a whole dossier code (typed or scanned from the receipt's QR): an exact
    // lookup on the code's unique index.
    const where = [...(query ? [clause('d.code = ?', query)] : []), ...(cursor === null ? [] : [clause('d.local_seq < ?', cursor)]), ...filters];
    const periodOnly = !query && filters.length > 0 && filters.every((f) => f.period);
    // A receipt period alone is read from its index newest first (LIMIT -1 keeps SQLite from
    // dropping that inner ORDER BY): the page's top-51 sort then keeps the first rows it sees
    // and turns the rest away at one comparison, where oldest first made it replace a row at
    // nearly every step (a month at a million dossiers: 21 → 8 ms). Same rows, same order.
    const seqs = periodOnly
      ? `SELECT local_seq FROM (SELECT d.local_seq FROM dossier d ${whereOf(where)} ORDER BY d.received_at DESC LIMIT -1) ORDER BY local_seq DESC LIMIT ?`
      : `SELECT d.local_seq FROM dossier d ${whereOf(where)} ORDER BY d.local_seq DESC LIMIT ?`;
    rows = select(ctx, seqs, where, take);
  }

  const page = rows.slice(0, input.limit);
  return {
    items: page.map((r) => toSummary(r, nowIso)),
    nextCursor: rows.length > input.limit ? String(page.at(-1)!.localSeq) : null,
  };
}

const whereOf = (where: Clause[]) => (where.length ? `WHERE ${where.map((c) => c.text).join(' AND ')}` : '');

type SummaryRow = SummaryFields & Pick<DossierRow, 'localSeq'>;

/** The columns a summary shows, and nothing else: a page reads 51 rows of them. */
const COLUMNS = [
  'local_seq AS localSeq', 'id', 'code', 'applicant_name AS applicantName', 'applicant_id_number AS applicantIdNumber',
  'applicant_phone AS applicantPhone', 'procedure_code AS procedureCode', 'procedure_name AS procedureName',
  'procedure_field AS procedureField', 'status', 'received_at AS receivedAt', 'due_at AS dueAt', 'due_provisional AS dueProvisional',
  'received_by_name AS receivedByName', 'finished_at AS finishedAt', 'paused_since AS pausedSince', 'supplement_count AS supplementCount',
  'withdrawal_requested_at AS withdrawalRequestedAt', 'extended_due_at AS extendedDueAt',
]
  .map((c) => `d.${c}`)
  .join(', ');

/**
 * The page's rows, from a query that finds their local_seq newest first. Finding reads only
 * indexes where it can (a month of receipts sorts its rowids, not its rows); the rows of the page
 * alone are then read by primary key. The SQL text depends only on which filters are set, so its
 * statement is prepared once per shape (db/prepared.ts), not per call.
 */
function select(ctx: DossierContext, seqs: string, where: Clause[], take: number): SummaryRow[] {
  const text = `SELECT ${COLUMNS} FROM dossier d WHERE d.local_seq IN (${seqs}) ORDER BY d.local_seq DESC`;
  const rows = statementFor(ctx.db, text).all(...where.flatMap((c) => c.params), take) as (Omit<SummaryRow, 'dueProvisional'> & { dueProvisional: number })[];
  return rows.map((r) => ({ ...r, dueProvisional: Boolean(r.dueProvisional) }));
}
