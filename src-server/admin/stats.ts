/** Per-commune health of the sync, for `stats --json` and the admin API. */
import { sql } from 'drizzle-orm';
import type { CommuneStats } from '@shared/hub-admin/api';
import type { HubDb } from '../db/types';

const iso = (value: unknown): string | null => (value == null ? null : new Date(value as string).toISOString());

export async function communeStats(db: HubDb): Promise<CommuneStats[]> {
  // Both drivers (pg and PGlite) answer raw SQL with `{ rows }`.
  const result = (await db.execute(sql`
    select c.code, c.name,
      (select count(*) from device d where d.commune_code = c.code)::int as devices,
      (select count(*) from device d where d.commune_code = c.code and not d.revoked)::int as active_devices,
      (select count(*) from dossier x where x.commune_code = c.code)::int as dossiers,
      (select max(d.last_push_at) from device d where d.commune_code = c.code) as last_push_at,
      (select max(d.last_pull_at) from device d where d.commune_code = c.code) as last_pull_at,
      (select coalesce(sum(d.pending_reported), 0) from device d
         where d.commune_code = c.code and not d.revoked)::int as pending_reported,
      (select max(abs(d.clock_drift_ms)) from device d
         where d.commune_code = c.code and not d.revoked)::bigint as max_clock_drift_ms
    from commune c order by c.code`)) as { rows: Record<string, unknown>[] };
  return result.rows.map((r) => ({
    code: String(r.code),
    name: String(r.name),
    devices: Number(r.devices),
    activeDevices: Number(r.active_devices),
    dossiers: Number(r.dossiers),
    lastPushAt: iso(r.last_push_at),
    lastPullAt: iso(r.last_pull_at),
    pendingReported: Number(r.pending_reported),
    maxClockDriftMs: r.max_clock_drift_ms == null ? null : Number(r.max_clock_drift_ms),
  }));
}
