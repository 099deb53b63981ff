/**
 * Is this file a sound counter database? Opened read-only, so checking a backup never changes
 * it; `quick_check` reads every page (cheaper than integrity_check: it skips index-vs-table
 * comparisons, which a copied file cannot get wrong without its pages being damaged too).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';

export type FileCheck = { ok: true } | { ok: false; problem: string };

/** The tables without which a file is not one of ours (a restore refuses anything else). */
export const COUNTER_TABLES = ['office', 'officer', 'dossier', 'outbox', 'sync_meta', 'audit_log'] as const;

export function quickCheck(sqlite: Database.Database): string[] {
  const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check);
}

export function verifyDatabaseFile(file: string, opts: { requireCounterTables?: boolean } = {}): FileCheck {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems = quickCheck(db);
    if (problems.length !== 1 || problems[0] !== 'ok') return { ok: false, problem: `quick_check: ${problems.slice(0, 5).join('; ')}` };
    if (opts.requireCounterTables) {
      const names = new Set(
        (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
      );
      const missing = COUNTER_TABLES.filter((t) => !names.has(t));
      if (missing.length > 0) return { ok: false, problem: `không phải cơ sở dữ liệu Một Cửa Xã (thiếu bảng ${missing.join(', ')})` };
    }
    return { ok: true };
  } catch (err) {
    return { ok: false, problem: (err as Error).message };
  } finally {
    db?.close();
  }
}

/**
 * Turns a fresh `db.backup()` copy into one self-contained file (rollback journal instead of
 * WAL), so it can be verified read-only, copied to a USB stick or restored without a -wal
 * companion, then checks it. Removes the file when it is not sound.
 */
export function finaliseCopy(file: string): FileCheck {
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  } catch (err) {
    removeCopy(file);
    return { ok: false, problem: (err as Error).message };
  }
  const check = verifyDatabaseFile(file);
  if (!check.ok) removeCopy(file);
  return check;
}

export function removeCopy(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** For callers that must not go on with a bad copy (the pre-migration backup). */
export function assertSoundBackup(file: string): void {
  const check = finaliseCopy(file);
  if (!check.ok) throw new Error(`Bản sao lưu ${file} bị lỗi: ${check.problem}`);
}
