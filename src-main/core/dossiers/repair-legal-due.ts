/**
 * Once, at the first start after the legal-due migration (which leaves a marker for it): dossiers extended before it had their promise written over
 * due_at. The migration moved the promise to extended_due_at and put back the due date of the
 * first appointment slip; those that also had a supplement pause get their legal due recomputed
 * here from their timeline (SQL cannot walk the working calendar). Every dossier whose snapshot
 * the province graded differently (an extension, a withdrawal, more than one supplement request)
 * is sent up again, so the hub's on-time rates agree with the counter's.
 */
import { eq, gt, isNotNull, or } from 'drizzle-orm';
import { DomainError } from '@shared/domain/errors';
import { appendAudit } from '../audit/audit-log';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogService } from '../catalog/catalog-service';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { dossier } from '../db/schema';
import type { DbExecutor } from '../db/open';
import { enqueueOp } from '../outbox/outbox';
import { legalDueOf } from './legal-due';
import { toSnapshot } from './records';

export function repairLegalDueDates(deps: {
  db: CounterDb;
  clock: Clock;
  calendar: CalendarService;
  catalog: CatalogService;
  /** Left by migration 0008 in sync_meta (passed in from core.ts: sync sits above dossiers). */
  marker: { pending(tx: DbExecutor): boolean; clear(tx: DbExecutor): void };
}): void {
  const { db } = deps;
  if (!deps.marker.pending(db)) return;
  const at = deps.clock.now().toISOString();
  db.transaction((tx) => {
    const rows = tx
      .select()
      .from(dossier)
      .where(or(gt(dossier.extensionCount, 0), gt(dossier.supplementCount, 1), isNotNull(dossier.withdrawalRequestedAt)))
      .all();
    let recomputed = 0;
    const failed: string[] = [];
    const countingBasis = deps.catalog.current().conventions.workingDayCounting.legalBasis;
    for (const row of rows) {
      let current = row;
      if (row.extensionCount > 0 && row.supplementCount > 0) {
        try {
          const due = legalDueOf(tx, row, deps.calendar.current(), { countingBasis });
          current = tx
            .update(dossier)
            .set({ dueAt: new Date(due.dueAt).toISOString() })
            .where(eq(dossier.id, row.id))
            .returning()
            .get()!;
          recomputed += 1;
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          failed.push(row.code);
        }
      }
      if (row.status !== 'rejected') enqueueOp(tx, { opType: 'dossier.upsert', entityId: row.id, payload: toSnapshot(tx, current), at });
    }
    if (rows.length > 0) appendAudit(tx, { at, officerId: null, action: 'dossier.legal_due_repair', target: null, details: { resent: rows.length, recomputed, failed } });
    deps.marker.clear(tx);
  });
}
