/**
 * Tỷ lệ đúng hạn per commune (QĐ 766 indicator 2.1): of the dossiers whose processing ended in the
 * period, the share that ended by their due time (finishedAt ≤ dueAt). The same rule as the
 * counter's dashboard, computed on what the communes synced. Times are compared as instants;
 * both come from the dossier snapshot (UTC ISO strings).
 */
import { sql } from 'drizzle-orm';
import type { OnTimeInput, OnTimeRow } from '@shared/hub-admin/api';
import type { HubDb } from '../db/types';

export async function onTimeRates(db: HubDb, input: OnTimeInput): Promise<OnTimeRow[]> {
  const finishedAt = sql`(d.snapshot->>'finishedAt')::timestamptz`;
  const period = sql.join(
    [
      sql`d.snapshot->>'finishedAt' is not null`,
      ...(input.from ? [sql`${finishedAt} >= ${input.from}::timestamptz`] : []),
      ...(input.to ? [sql`${finishedAt} < ${input.to}::timestamptz`] : []),
    ],
    sql` and `,
  );
  // Every commune appears, with zero when it finished nothing: a silent commune is news too.
  const result = (await db.execute(sql`
    select c.code, c.name,
      count(d.id)::int as finished,
      count(d.id) filter (where ${finishedAt} <= (d.snapshot->>'dueAt')::timestamptz)::int as on_time
    from commune c left join dossier d on d.commune_code = c.code and ${period}
    group by c.code, c.name
    order by c.code`)) as { rows: Record<string, unknown>[] };
  return result.rows.map((r) => {
    const finished = Number(r.finished);
    const onTime = Number(r.on_time);
    return {
      communeCode: String(r.code),
      communeName: String(r.name),
      finished,
      onTime,
      late: finished - onTime,
      rate: finished > 0 ? onTime / finished : null,
    };
  });
}
