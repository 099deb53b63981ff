/**
 * Unclean-shutdown detection. A marker file sits beside the database while a core has it open
 * and is removed by a clean close; finding it at the next open means the app was killed or the
 * power went. Only then is `quick_check` paid for (it reads every page); a damaged database is
 * refused with a typed error that tells the administrator to restore a backup, instead of
 * letting officers keep writing into it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { openSqlite } from '../db/open';
import { quickCheck } from '../db/verify';

export const MARKER_SUFFIX = '.running';

export interface MarkerContent {
  pid: number;
  openedAt: string;
}

/** Thrown by openCore; the Electron and browser hosts show its message and exit. */
export class DatabaseDamagedError extends AppError {
  constructor(
    readonly dbFile: string,
    readonly problems: string[],
  ) {
    super(
      'UNAVAILABLE',
      'Cơ sở dữ liệu bị hỏng sau lần tắt máy đột ngột. Không thể tiếp tục làm việc trên dữ liệu này: ' +
        'quản trị viên cần khôi phục từ bản sao lưu gần nhất (npm run cli -- restore --data-dir <thư mục> --file <bản sao lưu>).',
      { dbFile, problems: problems.slice(0, 10), backupsDir: path.join(path.dirname(dbFile), 'backups') },
    );
    this.name = 'DatabaseDamagedError';
  }
}

export function markerPath(dbFile: string): string {
  return dbFile + MARKER_SUFFIX;
}

export function readMarker(dbFile: string): MarkerContent | null {
  try {
    return JSON.parse(fs.readFileSync(markerPath(dbFile), 'utf8')) as MarkerContent;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A torn marker (power cut while writing it) still means "not closed cleanly".
    return { pid: 0, openedAt: '' };
  }
}

/** True when the marker names a process that is still alive (the app runs on this data folder). */
export function isHeldByLiveProcess(dbFile: string): boolean {
  const marker = readMarker(dbFile);
  if (!marker || !marker.pid || marker.pid === process.pid) return false;
  try {
    process.kill(marker.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export interface GuardedOpen {
  sqlite: Database.Database;
  /** The previous run did not close cleanly (its marker was still there). */
  uncleanShutdown: boolean;
  /** Writes the marker: from now until markClean() a crash is detectable. */
  markOpen(now: Date): void;
  /** Called after the connection closed (its WAL checkpointed): the next open skips the check. */
  markClean(): void;
}

export function openGuarded(dbFile: string): GuardedOpen {
  const uncleanShutdown = readMarker(dbFile) !== null;
  let sqlite: Database.Database;
  try {
    sqlite = openSqlite(dbFile);
    // Touches the schema, so a file with a damaged header fails here rather than mid-morning.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    if (isCorruption(err)) throw new DatabaseDamagedError(dbFile, [(err as Error).message]);
    throw err;
  }
  if (uncleanShutdown) {
    let problems: string[];
    try {
      problems = quickCheck(sqlite);
    } catch (err) {
      if (!isCorruption(err)) throw err;
      problems = [(err as Error).message];
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      sqlite.close();
      throw new DatabaseDamagedError(dbFile, problems);
    }
  }
  return {
    sqlite,
    uncleanShutdown,
    markOpen: (now) => {
      const content: MarkerContent = { pid: process.pid, openedAt: now.toISOString() };
      fs.writeFileSync(markerPath(dbFile), JSON.stringify(content));
    },
    markClean: () => fs.rmSync(markerPath(dbFile), { force: true }),
  };
}
