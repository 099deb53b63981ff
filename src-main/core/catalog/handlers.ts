/**
 * RPC handlers for the procedure catalog (src-shared/rpc/catalog.ts). Catalog edits decide due
 * dates: each is audited in the transaction of the change itself.
 */
import type { catalogRows } from '@shared/rpc/catalog';
import { appendAudit } from '../audit/audit-log';
import { audited } from '../audit/audited';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { CatalogService } from './catalog-service';

export function catalogHandlers(s: { db: CounterDb; clock: Clock; catalog: CatalogService }): HandlerGroup<keyof typeof catalogRows> {
  return {
    'catalog.search': (i) => ({ items: s.catalog.search(i.query, i.limit), version: s.catalog.currentVersion(), conventions: s.catalog.current().conventions }),
    'catalog.get': (i) => s.catalog.get(i.procedureCode),
    'catalog.versions': () => ({ items: s.catalog.versions() }),
    'catalog.export': () => s.catalog.current(),
    'catalog.import': (i, c) =>
      audited(s.db, s.clock, { officerId: signedIn(c).id, action: 'catalog.import' }, () => s.catalog.import(i.catalog, 'import', signedIn(c).id)),
    'catalog.saveProcedure': (i, c) =>
      audited(s.db, s.clock, { officerId: signedIn(c).id, action: 'catalog.saveProcedure' }, () => s.catalog.saveProcedure(i.procedure, signedIn(c).id)),
    // The audit row keeps the rule before and after, and the decision it comes from.
    'catalog.setDeadline': (i, c) =>
      s.db.transaction((tx) => {
        const { before, version } = s.catalog.setDeadline(i.procedureId, i.deadline, signedIn(c).id);
        appendAudit(tx, {
          at: s.clock.now().toISOString(),
          officerId: signedIn(c).id,
          action: 'catalog.setDeadline',
          target: i.procedureId,
          details: { before, after: i.deadline, catalogVersion: version.version },
        });
        return version;
      }),
  };
}
