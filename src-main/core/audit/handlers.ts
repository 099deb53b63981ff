/** RPC handlers for the audit log (src-shared/rpc/audit.ts; administrators only, by their rows' access). */
import type { auditRows } from '@shared/rpc/audit';
import type { CounterDb } from '../db/open';
import type { HandlerGroup } from '../rpc/handlers';
import { verifyAudit } from './audit-log';
import { auditRowCount, listAudit } from './audit-viewer';

export function auditHandlers(s: { db: CounterDb }): HandlerGroup<keyof typeof auditRows> {
  return {
    'audit.list': (i) => listAudit(s.db, i),
    'audit.verify': () => {
      const broken = verifyAudit(s.db);
      return { ok: broken === null, rows: auditRowCount(s.db), broken };
    },
  };
}
