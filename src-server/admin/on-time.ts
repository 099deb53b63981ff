/**
 * Tỷ lệ đúng hạn per commune (QĐ 766 indicator 2.1): of the dossiers whose processing ended in the
 * period, the share that ended on time — by the one rule of src-shared/domain/grading.ts, here in
 * SQL over the synced snapshots, so the hub and the counters' Biểu II.06a agree:
 *  - refusals at the counter (status rejected) are never counted;
 *  - graded against the LEGAL due date (snapshot.dueAt), never the Mẫu 04 promise;
 *  - withdrawn by the citizen → on time (II.06a footnote); more than one supplement request →
 *    late (QĐ 766), counted again as an exception;
 *  - late with a Mẫu 04 apology counted again apart ("quá hạn, đã xin lỗi").
 * Snapshots from counters older than these fields read as "none" (no supplement, no withdrawal).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { HubDb } from '../db/types';

export const onTimeInputSchema = z
  .object({
    /** Period on finishedAt, [from, to); both optional (all time). */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((p) => !p.from || !p.to || new Date(p.from) < new Date(p.to), {
    message: 'from must be before to',
    path: ['to'],
  });
export type OnTimeInput = z.infer<typeof onTimeInputSchema>;

export interface OnTimeRow {
  communeCode: string;
  communeName: string;
  finished: number;
  onTime: number;
  late: number;
  /** Of the late ones, those with a Mẫu 04 apology. */
  lateApologised: number;
  /** More than one supplement request (counted late). */
  exceptions: number;
  /** onTime / finished; null when nothing finished in the period. */
  rate: number | null;
}

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
  const supplements = sql`coalesce((d.snapshot->>'supplementCount')::int, 0)`;
  const onTime = sql`((d.snapshot->>'withdrawalRequestedAt') is not null
    or (${supplements} <= 1 and ${finishedAt} <= (d.snapshot->>'dueAt')::timestamptz))`;
  // Every commune appears, with zero when it finished nothing: a silent commune is news too.
  const result = (await db.execute(sql`
    select c.code, c.name,
      count(d.id)::int as finished,
      count(d.id) filter (where ${onTime})::int as on_time,
      count(d.id) filter (where not ${onTime} and (d.snapshot->>'extendedDueAt') is not null)::int as late_apologised,
      count(d.id) filter (where ${supplements} > 1)::int as exceptions
    from commune c left join dossier d on d.commune_code = c.code and d.status <> 'rejected' and ${period}
    group by c.code, c.name
    order by c.code`)) as { rows: Record<string, unknown>[] };
  return result.rows.map((r) => {
    const finished = Number(r.finished);
    const onTimeCount = Number(r.on_time);
    return {
      communeCode: String(r.code),
      communeName: String(r.name),
      finished,
      onTime: onTimeCount,
      late: finished - onTimeCount,
      lateApologised: Number(r.late_apologised),
      exceptions: Number(r.exceptions),
      rate: finished > 0 ? onTimeCount / finished : null,
    };
  });
}
