/** RPC handlers for the audit log (administrators only, by their rows' access). */
import type { CounterDb } from '../db/open';
import type { HandlerGroup } from '../rpc/handlers';
import { verifyAudit } from './audit-log';
import { auditRowCount, listAudit } from './audit-viewer';

export function auditHandlers(s: { db: CounterDb }): HandlerGroup<'audit.list' | 'audit.verify'> {
  return {
    'audit.list': (i) => listAudit(s.db, i),
    'audit.verify': () => {
      const broken = verifyAudit(s.db);
      return { ok: broken === null, rows: auditRowCount(s.db), broken };
    },
  };
}
