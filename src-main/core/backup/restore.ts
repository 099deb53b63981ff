/**
 * Restoring a backup in two steps, so no live connection ever has its file swapped under it:
 *  1. stage: the chosen backup is verified, copied to `restore-pending.sqlite`, given a new
 *     device epoch (sync can tell the reused outbox seqs apart) and an audit row, and folded
 *     out of WAL mode so it is one self-contained file;
 *  2. apply, at the next start before the database opens: the current database is copied to
 *     backups/pre-restore-…, its WAL dropped and the staged file renamed over it.
 * The CLI does both at once (the app is not running); the `backup.restore` RPC stages and asks
 * the host to restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { appendAudit } from '../audit/audit-log';
import { wrapDrizzle } from '../db/open';
import { syncMeta } from '../db/schema';
import { finaliseCopy, verifyDatabaseFile } from '../db/verify';
import { newId } from '../ids';
import { DEVICE_EPOCH_KEY, deviceEpoch } from '../outbox/outbox';
import { fileStamp } from './backup-files';
import { BACKUP_FILES_DIR, restoreFiles } from './file-mirror';

export const PENDING_RESTORE_FILE = 'restore-pending.sqlite';

export interface StagedRestore {
  source: string;
  previousEpoch: string;
  newEpoch: string;
}

export function stageRestore(
  dataDir: string,
  sourceFile: string,
  who: { officerId: string | null; via: 'cli' | 'rpc'; now: Date },
): StagedRestore {
  const check = verifyDatabaseFile(sourceFile, { requireCounterTables: true });
  if (!check.ok) throw new AppError('INVALID_INPUT', `Bản sao lưu không dùng được: ${check.problem}`);
  const pending = path.join(dataDir, PENDING_RESTORE_FILE);
  const tmp = `${pending}.tmp`;
  fs.rmSync(tmp, { force: true });
  fs.copyFileSync(sourceFile, tmp);

  const staged = new Database(tmp);
  try {
    const db = wrapDrizzle(staged);
    const result = db.transaction((tx) => {
      const previousEpoch = deviceEpoch(tx);
      const newEpoch = newId();
      tx.update(syncMeta).set({ value: newEpoch }).where(eq(syncMeta.key, DEVICE_EPOCH_KEY)).run();
      appendAudit(tx, {
        at: who.now.toISOString(),
        officerId: who.officerId,
        action: 'backup.restore',
        target: path.basename(sourceFile),
        details: { via: who.via, previousEpoch, newEpoch },
      });
      return { source: sourceFile, previousEpoch, newEpoch };
    });
    // One file, no -wal beside it: the rename in applyPendingRestore moves everything.
    staged.pragma('journal_mode = DELETE');
    staged.close();
    fs.renameSync(tmp, pending);
    return result;
  } catch (err) {
    if (staged.open) staged.close();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

export function hasPendingRestore(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, PENDING_RESTORE_FILE));
}

/** Copies the current database aside: through SQLite when it opens, byte for byte when it does not. */
async function saveCurrent(dbFile: string, backupDir: string, now: Date): Promise<string | null> {
  if (!fs.existsSync(dbFile)) return null;
  fs.mkdirSync(backupDir, { recursive: true });
  const target = path.join(backupDir, `pre-restore-${fileStamp(now)}.sqlite`);
  try {
    const current = new Database(dbFile, { fileMustExist: true });
    try {
      await current.backup(target);
    } finally {
      current.close();
    }
    const check = finaliseCopy(target);
    if (!check.ok) throw new Error(check.problem);
  } catch (checkedCopyFailed) {
    // A damaged database (the usual reason to restore) may not back up; keep its raw files. If
    // even that fails, the restore stops and says both why.
    try {
      fs.copyFileSync(dbFile, target);
      if (fs.existsSync(`${dbFile}-wal`)) fs.copyFileSync(`${dbFile}-wal`, `${target}-wal`);
    } catch (rawCopyFailed) {
      throw new AggregateError([checkedCopyFailed, rawCopyFailed], `Không giữ được bản sao của cơ sở dữ liệu hiện tại (${target}) trước khi khôi phục.`);
    }
  }
  return target;
}

/** Puts a staged restore in place. Must run before anything opens the database. */
export async function applyPendingRestore(dataDir: string, dbFile: string, now: Date): Promise<{ savedAs: string | null } | null> {
  const pending = path.join(dataDir, PENDING_RESTORE_FILE);
  if (!fs.existsSync(pending)) return null;
  const savedAs = await saveCurrent(dbFile, path.join(dataDir, 'backups'), now);
  // The old WAL must never be replayed onto the restored file: drop it before the rename.
  fs.rmSync(`${dbFile}-wal`, { force: true });
  fs.rmSync(`${dbFile}-shm`, { force: true });
  fs.renameSync(pending, dbFile);
  // Rows of the restored database may name files the store lost since; the backups hold them.
  restoreFiles(path.join(dataDir, 'backups', BACKUP_FILES_DIR), path.join(dataDir, 'files'));
  return { savedAs };
}
