/**
 * Citizens' satisfaction per commune (issue #18; QĐ 766 gives satisfaction 18 of 100 points): the
 * answered ratings the counters pushed, by submission time in [from, to). Every commune appears,
 * with zeros when nobody rated: a commune without a tablet is news too.
 */
import { sql } from 'drizzle-orm';
import { satisfiedPercent } from '@shared/domain/satisfaction';
import type { OnTimeInput, SatisfactionRow } from '@shared/hub-admin/api';
import type { HubDb } from '../db/types';

export async function satisfactionByCommune(db: HubDb, input: OnTimeInput): Promise<SatisfactionRow[]> {
  const period = sql.join(
    [
      sql`true`,
      ...(input.from ? [sql`r.submitted_at >= ${input.from}::timestamptz`] : []),
      ...(input.to ? [sql`r.submitted_at < ${input.to}::timestamptz`] : []),
    ],
    sql` and `,
  );
  const result = (await db.execute(sql`
    select c.code, c.name,
      count(r.id) filter (where r.level = 'very_satisfied')::int as very_satisfied,
      count(r.id) filter (where r.level = 'satisfied')::int as satisfied,
      count(r.id) filter (where r.level = 'dissatisfied')::int as dissatisfied
    from commune c left join commune_rating r on r.commune_code = c.code and ${period}
    group by c.code, c.name
    order by c.code`)) as { rows: Record<string, unknown>[] };
  return result.rows.map((r) => {
    const counts = { very_satisfied: Number(r.very_satisfied), satisfied: Number(r.satisfied), dissatisfied: Number(r.dissatisfied) };
    return {
      communeCode: String(r.code),
      communeName: String(r.name),
      verySatisfied: counts.very_satisfied,
      satisfied: counts.satisfied,
      dissatisfied: counts.dissatisfied,
      total: counts.very_satisfied + counts.satisfied + counts.dissatisfied,
      satisfiedPercent: satisfiedPercent(counts),
    };
  });
}
