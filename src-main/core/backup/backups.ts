/**
 * Automatic and manual backups of the open database through SQLite's online backup API
 * (`db.backup()`, page by page between event-loop turns, consistent even while officers keep
 * writing on this same connection). Every copy is written to a .tmp name, verified by reopening
 * it read-only with `quick_check`, and only then renamed into place: a file in backups/ with
 * a final name is a file that was sound when it was made.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { Officer } from '@shared/rpc';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { finaliseCopy, removeCopy } from '../db/verify';
import { ensureDirWithin } from '../storage/durable-write';
import type { Dispatch, Logger } from '../rpc/dispatch';
import { BACKUP_NAME, dailyName, fileStamp, kindOf, listBackups, rotate, weeklyName, type BackupFile } from './backup-files';
import { BACKUP_FILES_DIR, mirrorFiles } from './file-mirror';
import { stageRestore, type StagedRestore } from './restore';

/** How often the timer looks for a missing daily copy (the PC may stay on for weeks). */
export const DAILY_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface BackupServiceOptions {
  sqlite: Database.Database;
  db: CounterDb;
  dataDir: string;
  clock: Clock;
  log: Logger;
  /** Nothing to protect before first-run setup: no copies of an empty database. */
  isInitialized: () => boolean;
}

export class BackupService {
  readonly dir: string;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private staged: StagedRestore | null = null;

  constructor(private readonly opts: BackupServiceOptions) {
    this.dir = path.join(opts.dataDir, 'backups');
  }

  list(): BackupFile[] {
    return listBackups(this.dir);
  }

  /** One copy of the open database, verified; copies never run concurrently. */
  create(kind: 'daily' | 'manual'): Promise<BackupFile> {
    const run = this.queue.then(() => this.copy(kind === 'daily' ? dailyName(this.opts.clock.now()) : `manual-${fileStamp(this.opts.clock.now())}.sqlite`));
    // The next copy waits for this one to settle; this one's caller gets its outcome.
    this.queue = Promise.allSettled([run]).then(() => undefined);
    return run;
  }

  /** Today's daily copy (and this week's weekly copy) if missing. */
  async ensureDaily(): Promise<BackupFile | null> {
    if (this.stopped || !this.opts.isInitialized()) return null;
    const now = this.opts.clock.now();
    if (fs.existsSync(path.join(this.dir, dailyName(now)))) return null;
    const daily = await this.create('daily');
    const weekly = path.join(this.dir, weeklyName(now));
    if (!fs.existsSync(weekly)) {
      try {
        fs.copyFileSync(path.join(this.dir, daily.name), `${weekly}.tmp`);
        fs.renameSync(`${weekly}.tmp`, weekly);
      } catch (err) {
        removeCopy(`${weekly}.tmp`);
        throw err;
      }
    }
    rotate(this.dir);
    return daily;
  }

  /** At start: leftovers of an interrupted copy go, today's copy is made if missing, then hourly checks. */
  start(intervalMs = DAILY_CHECK_INTERVAL_MS): void {
    if (fs.existsSync(this.dir)) {
      for (const name of fs.readdirSync(this.dir)) if (/\.tmp(-wal|-shm|-journal)?$/.test(name)) fs.rmSync(path.join(this.dir, name), { force: true });
    }
    const tick = () => {
      this.ensureDaily().catch((err) => {
        if (!this.stopped) this.opts.log.error('daily backup failed', err);
      });
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Stages a restore (see restore.ts). From here until the host restarts, every call is refused:
   * a dossier received now would be silently lost by the restore.
   */
  async restore(name: string, officer: Officer): Promise<{ restartRequired: true; previousEpoch: string; newEpoch: string }> {
    if (!BACKUP_NAME.test(name) || !kindOf(name)) throw new AppError('INVALID_INPUT', 'Tên bản sao lưu không hợp lệ');
    const file = path.join(this.dir, name);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `Không có bản sao lưu "${name}"`);
    await this.queue;
    const now = this.opts.clock.now();
    const staged = stageRestore(this.opts.dataDir, file, { officerId: officer.id, via: 'rpc', now });
    appendAudit(this.opts.db, {
      at: now.toISOString(),
      officerId: officer.id,
      action: 'backup.restore_staged',
      target: name,
      details: { previousEpoch: staged.previousEpoch, newEpoch: staged.newEpoch },
    });
    this.staged = staged;
    this.stop();
    return { restartRequired: true, previousEpoch: staged.previousEpoch, newEpoch: staged.newEpoch };
  }

  get restorePending(): boolean {
    return this.staged !== null;
  }

  /** Wraps the core's dispatch: after a staged restore nothing else may write. */
  guard(dispatch: Dispatch): Dispatch {
    return async (name, input, caller) => {
      if (this.staged) {
        return {
          ok: false,
          error: { code: 'UNAVAILABLE', message: 'Đang chờ khởi động lại ứng dụng để khôi phục dữ liệu từ bản sao lưu. Vui lòng khởi động lại.' },
        };
      }
      return dispatch(name, input, caller);
    };
  }

  private async copy(name: string): Promise<BackupFile> {
    if (this.stopped && !name.startsWith('manual-')) throw new Error('backups stopped');
    // Not recreated if the data drive is gone: a backup written elsewhere would be a false comfort.
    ensureDirWithin(this.opts.dataDir, this.dir);
    const target = path.join(this.dir, name);
    const tmp = `${target}.tmp`;
    // A full disk or a read-only drive fails the copy, its check or the rename: no half copy stays.
    try {
      // Created first by the file system, which names a read-only or full drive (EROFS, ENOSPC)
      // where SQLite would only say "unable to open database file"; SQLite then fills it.
      fs.closeSync(fs.openSync(tmp, 'w'));
      await this.opts.sqlite.backup(tmp);
      const check = finaliseCopy(tmp);
      if (!check.ok) throw new Error(`bản sao lưu không đạt kiểm tra: ${check.problem}`);
      fs.renameSync(tmp, target);
    } catch (err) {
      removeCopy(tmp);
      throw err;
    }
    // The stored files go with every copy, incrementally (file-mirror.ts).
    mirrorFiles(path.join(this.opts.dataDir, 'files'), path.join(this.dir, BACKUP_FILES_DIR));
    rotate(this.dir);
    const st = fs.statSync(target);
    return { name, kind: kindOf(name)!, sizeBytes: st.size, createdAt: st.mtime.toISOString() };
  }
}
