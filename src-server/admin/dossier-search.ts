/**
 * Province-wide dossier search for the admin page: by code, applicant name or ID number, with
 * status and commune filters, newest first.
 *
 * Diacritic-insensitive the same way as the counter (ARCHITECTURE.md §4): both sides are folded
 * (NFC → strip marks → đ/Đ → d → lower case). The query is folded in JS by the shared
 * `foldForSearch`; the stored text is folded in SQL by `translate()` with a table generated from
 * that same function, so the two folds cannot drift apart and no database extension (unaccent)
 * is needed on PGlite. It scans the matching rows: fine for a province's volume today; a stored
 * folded column with a trigram index is the step after, through a migration.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DossierStatus } from '@shared/dossier';
import { foldForSearch } from '@shared/domain/text';
import type { DossierSearchInput, DossierSearchRow } from '@shared/hub-admin/api';
import type { HubDb } from '../db/types';

/** Latin letters whose fold is a different single letter: the `translate()` table. */
function buildFoldTable(): { from: string; to: string } {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0x41, 0x5a], // A–Z
    [0xc0, 0x24f], // Latin-1 Supplement, Extended-A and -B (Ơ, Ư, Đ live here)
    [0x1e00, 0x1eff], // Latin Extended Additional (ả, ạ, ấ, ổ, ữ …)
  ];
  for (const [start, end] of ranges) {
    for (let cp = start; cp <= end; cp += 1) {
      const ch = String.fromCodePoint(cp);
      const folded = foldForSearch(ch);
      if (folded.length === 1 && folded !== ch) {
        from += ch;
        to += folded;
      }
    }
  }
  return { from, to };
}

const FOLD_TABLE = buildFoldTable();

/** The SQL twin of foldForSearch for one text expression. */
function foldSql(expr: SQL): SQL {
  return sql`translate(lower(normalize(coalesce(${expr}, ''), NFC)), ${FOLD_TABLE.from}, ${FOLD_TABLE.to})`;
}

/** LIKE metacharacters in the officer's words are meant literally. */
function likePattern(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const iso = (value: unknown): string | null => (value == null ? null : new Date(value as string).toISOString());

export async function searchDossiers(
  db: HubDb,
  input: DossierSearchInput,
): Promise<{ rows: DossierSearchRow[]; total: number }> {
  const conditions: SQL[] = [sql`true`];
  const folded = foldForSearch(input.q);
  if (folded) {
    const pattern = likePattern(folded);
    conditions.push(sql`(
      ${foldSql(sql`d.code`)} like ${pattern}
      or ${foldSql(sql`d.snapshot->'applicant'->>'fullName'`)} like ${pattern}
      or ${foldSql(sql`d.snapshot->'applicant'->>'idNumber'`)} like ${pattern}
    )`);
  }
  if (input.status) conditions.push(sql`d.status = ${input.status}`);
  if (input.commune) conditions.push(sql`d.commune_code = ${input.commune}`);
  const where = sql.join(conditions, sql` and `);

  // Both drivers (pg and PGlite) answer raw SQL with `{ rows }`.
  const page = (await db.execute(sql`
    select d.id, d.code, d.commune_code, c.name as commune_name, d.status,
      d.snapshot->'applicant'->>'fullName' as applicant_name,
      d.snapshot->>'procedureName' as procedure_name,
      d.received_at, d.snapshot->>'dueAt' as due_at, d.snapshot->>'finishedAt' as finished_at,
      d.province_status_at
    from dossier d join commune c on c.code = d.commune_code
    where ${where}
    order by d.received_at desc, d.code
    limit ${input.limit} offset ${input.offset}`)) as { rows: Record<string, unknown>[] };
  const count = (await db.execute(sql`select count(*)::int as n from dossier d where ${where}`)) as {
    rows: { n: number }[];
  };

  return {
    total: Number(count.rows[0]?.n ?? 0),
    rows: page.rows.map((r) => ({
      id: String(r.id),
      code: String(r.code),
      communeCode: String(r.commune_code),
      communeName: String(r.commune_name),
      status: r.status as DossierStatus,
      applicantName: String(r.applicant_name ?? ''),
      procedureName: String(r.procedure_name ?? ''),
      receivedAt: iso(r.received_at)!,
      dueAt: iso(r.due_at)!,
      finishedAt: iso(r.finished_at),
      provinceStatusAt: iso(r.province_status_at),
    })),
  };
}
