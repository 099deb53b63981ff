/**
 * What the province sees of each counter: last push/pull, clock drift, outbox depth.
 *
 * One constant statement instead of a drizzle update built per call: it runs on every push and
 * pull, and building the query cost the hub more than PostgreSQL spent on the one-row update.
 */
import { runNamed, type NamedStatement } from '../db/named-statement';
import type { HubExecutor } from '../db/types';

export interface Activity {
  kind: 'push' | 'pull';
  /** Device wall clock as reported in the request, if any. */
  clientTime?: string;
  pending?: number;
}

/** $1 device id, $2 'push' | 'pull', $3 now, $4 clock drift (ms) or null, $5 pending or null. */
const RECORD_ACTIVITY: NamedStatement = {
  // No name: a lookup by key, planned per run (db/named-statement.ts).
  text: `
    UPDATE device SET
      last_push_at = CASE WHEN $2::text = 'push' THEN $3::timestamptz ELSE last_push_at END,
      last_pull_at = CASE WHEN $2::text = 'pull' THEN $3::timestamptz ELSE last_pull_at END,
      clock_drift_ms = coalesce($4::bigint, clock_drift_ms),
      pending_reported = coalesce($5::integer, pending_reported),
      pending_reported_at = CASE WHEN $5::integer IS NULL THEN pending_reported_at ELSE $3::timestamptz END
    WHERE id = $1::uuid`,
};

export async function recordActivity(db: HubExecutor, deviceId: string, activity: Activity, now: Date): Promise<void> {
  const drift = activity.clientTime ? Date.parse(activity.clientTime) - now.getTime() : null;
  await runNamed(db, RECORD_ACTIVITY, [deviceId, activity.kind, now.toISOString(), drift, activity.pending ?? null]);
}
