/** Reading the audit log for administrators: newest first, paged by seq, filtered by action or officer. */
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { toVnIso } from '@shared/domain/vn-time';
import type { AuditEntryView } from '@shared/rpc/audit';
import type { CounterDb } from '../db/open';
import { auditLog, officer } from '../db/schema';

export interface AuditQuery {
  action?: string;
  officerId?: string;
  before?: number;
  limit: number;
}

/** LIKE wildcards in a typed filter are literal characters, not patterns. */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function listAudit(db: CounterDb, q: AuditQuery): { items: AuditEntryView[]; nextCursor: number | null } {
  const conditions: SQL[] = [];
  if (q.action) {
    conditions.push(
      q.action.endsWith('.') ? sql`${auditLog.action} LIKE ${`${escapeLike(q.action)}%`} ESCAPE '\\'` : eq(auditLog.action, q.action),
    );
  }
  if (q.officerId) conditions.push(eq(auditLog.officerId, q.officerId));
  if (q.before) conditions.push(lt(auditLog.seq, q.before));
  const rows = db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      officerId: auditLog.officerId,
      officerName: officer.fullName,
      action: auditLog.action,
      target: auditLog.target,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(officer, eq(officer.id, auditLog.officerId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(q.limit + 1)
    .all();
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({ ...r, at: toVnIso(r.at), officerName: r.officerName ?? null })),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.seq : null,
  };
}

export function auditRowCount(db: CounterDb): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}
