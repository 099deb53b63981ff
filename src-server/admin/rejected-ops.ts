/**
 * Ops the hub refused, per commune, with the Vietnamese reason the counter was given. Only first
 * answers are stored (applied_op keeps the first answer of every op id), so a resent duplicate is
 * never counted twice.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { RejectedOpRow, RejectedOpsInput, RejectedOpsSummary } from '@shared/hub-admin/api';
import type { HubDb } from '../db/types';

export async function rejectedOps(
  db: HubDb,
  input: RejectedOpsInput,
): Promise<{ summary: RejectedOpsSummary[]; rows: RejectedOpRow[] }> {
  const where = sql.join(
    [
      sql`a.result->>'result' = 'rejected'`,
      ...(input.commune ? [sql`dv.commune_code = ${input.commune}`] : []),
    ] as SQL[],
    sql` and `,
  );
  const summary = (await db.execute(sql`
    select c.code, c.name, count(*)::int as rejected
    from applied_op a join device dv on dv.id = a.device_id join commune c on c.code = dv.commune_code
    where ${where}
    group by c.code, c.name
    order by c.code`)) as { rows: Record<string, unknown>[] };
  const rows = (await db.execute(sql`
    select a.op_id, a.op_type, a.entity_id, a.result->>'code' as code, a.result->>'reason' as reason,
      a.received_at, dv.id as device_id, dv.name as device_name, c.code as commune_code, c.name as commune_name
    from applied_op a join device dv on dv.id = a.device_id join commune c on c.code = dv.commune_code
    where ${where}
    order by a.received_at desc
    limit ${input.limit}`)) as { rows: Record<string, unknown>[] };
  return {
    summary: summary.rows.map((r) => ({
      communeCode: String(r.code),
      communeName: String(r.name),
      rejected: Number(r.rejected),
    })),
    rows: rows.rows.map((r) => ({
      opId: String(r.op_id),
      communeCode: String(r.commune_code),
      communeName: String(r.commune_name),
      deviceId: String(r.device_id),
      deviceName: String(r.device_name),
      opType: String(r.op_type),
      entityId: String(r.entity_id),
      code: r.code == null ? null : String(r.code),
      reason: r.reason == null ? null : String(r.reason),
      receivedAt: new Date(r.received_at as string).toISOString(),
    })),
  };
}
