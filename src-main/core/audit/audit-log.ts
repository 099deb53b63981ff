/**
 * The hash-chained audit log. Each row's hash covers its content and the previous row's hash,
 * so editing, inserting or deleting any row breaks every hash after it (`verify`).
 * Rows are appended inside the caller's transaction: an action and its audit row commit together.
 */
import { createHash } from 'node:crypto';
import type { CounterDb, DbExecutor } from '../db/open';
import { jsonColumn, preparedPerConnection } from '../db/prepared';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  officerId: string | null;
  action: string;
  target: string | null;
  details: unknown;
}

function rowHash(prevHash: string, e: AuditEntry): string {
  const canonical = JSON.stringify([prevHash, e.at, e.officerId, e.action, e.target, e.details ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Every action appends a row: the statements are prepared once per connection. */
const statements = preparedPerConnection((c) => ({
  lastHash: c.prepare<[], string>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck(),
  insert: c.prepare('INSERT INTO audit_log (at, officer_id, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)'),
}));

export function appendAudit(db: DbExecutor, entry: AuditEntry): void {
  const { lastHash, insert } = statements(db);
  const prevHash = lastHash.get() ?? GENESIS_HASH;
  insert.run(entry.at, entry.officerId ?? null, entry.action, entry.target ?? null, jsonColumn(entry.details), prevHash, rowHash(prevHash, entry));
}

/** Walks the chain; returns the first broken row, or null when the log is intact. */
export function verifyAudit(db: CounterDb): { seq: number; problem: string } | null {
  let prev = GENESIS_HASH;
  let expectedSeq: number | null = null;
  // Streams the log row by row: it grows without bound and must verify on an old PC.
  const rows = db.$client
    .prepare('SELECT seq, at, officer_id AS officerId, action, target, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<{ seq: number; at: string; officerId: string | null; action: string; target: string | null; details: string | null; prevHash: string; hash: string }>;
  for (const raw of rows) {
    const row = { ...raw, details: raw.details === null ? null : (JSON.parse(raw.details) as unknown) };
    if (expectedSeq !== null && row.seq !== expectedSeq) return { seq: row.seq, problem: 'Thiếu dòng nhật ký (đã bị xóa)' };
    if (row.prevHash !== prev) return { seq: row.seq, problem: 'Chuỗi băm bị đứt (dòng bị chèn hoặc xóa)' };
    const expected = rowHash(prev, { at: row.at, officerId: row.officerId, action: row.action, target: row.target, details: row.details });
    if (row.hash !== expected) return { seq: row.seq, problem: 'Nội dung dòng nhật ký đã bị sửa' };
    prev = row.hash;
    expectedSeq = row.seq + 1;
  }
  return null;
}
