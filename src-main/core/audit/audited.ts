/**
 * Runs an administrative change and its audit row in one transaction: either both are on disk
 * or neither. (better-sqlite3 has one connection, so services writing through `db` inside the
 * callback join this transaction.)
 */
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { appendAudit } from './audit-log';

export function audited<T>(
  db: CounterDb,
  clock: Clock,
  entry: { officerId: string; action: string; target?: string | null; details?: unknown },
  change: () => T,
): T {
  return db.transaction((tx) => {
    const result = change();
    appendAudit(tx, { at: clock.now().toISOString(), officerId: entry.officerId, action: entry.action, target: entry.target ?? null, details: entry.details ?? null });
    return result;
  });
}
