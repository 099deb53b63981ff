/** How many signatures still owe a timestamp or a revocation check (plain SQL: no signing library loaded). */
import type { CounterDb } from '../db/open';

export function pendingSignatures(db: CounterDb): number {
  return db.$client.prepare("SELECT count(*) FROM signature WHERE timestamp_state = 'pending' OR revocation_state = 'pending'").pluck().get() as number;
}
