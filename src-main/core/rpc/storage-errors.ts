/**
 * The disk problems an officer can do something about, named instead of "Đã có lỗi trong ứng
 * dụng…": a full disk, a data folder that cannot be written, a data drive that is gone. Node's
 * fs errors carry errno codes (ENOSPC, EROFS…), better-sqlite3's carry SQLite's (SQLITE_FULL,
 * SQLITE_READONLY…); both are read here. Every writer in core writes to a temporary file or
 * inside a transaction first, so "dữ liệu chưa bị thay đổi" stays true when these are answered.
 */
import fs from 'node:fs';
import type { AppErrorBody } from '@shared/errors';

export type StorageProblem = 'full' | 'read_only' | 'missing';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_READONLY_CANTINIT']);

function codeOf(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  const code = (err as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** Which storage problem an error is, if any; `dataDir` tells a vanished drive from a missing file. */
export function storageProblem(err: unknown, dataDir: string): StorageProblem | null {
  const code = codeOf(err);
  if (!code) return null;
  if (FULL.has(code)) return 'full';
  if (READ_ONLY.has(code)) return 'read_only';
  // A missing file is a bug unless the whole data folder is gone (an unplugged USB drive, a
  // disconnected network share): then SQLite and fs fail in several ways, all meaning the same.
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EIO' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    return fs.existsSync(dataDir) ? (code === 'EIO' || code.startsWith('SQLITE_IOERR') ? 'missing' : null) : 'missing';
  }
  return null;
}

const MESSAGES: Record<StorageProblem, AppErrorBody> = {
  full: {
    code: 'STORAGE_FULL',
    message:
      'Ổ đĩa chứa dữ liệu của ứng dụng đã đầy nên chưa lưu được; dữ liệu chưa bị thay đổi. Hãy giải phóng chỗ trống (chép bớt bản sao lưu cũ sang USB, xóa tệp không cần thiết) rồi thử lại.',
  },
  read_only: {
    code: 'STORAGE_READ_ONLY',
    message:
      'Không ghi được vào thư mục dữ liệu của ứng dụng (ổ đĩa đang ở chế độ chỉ đọc hoặc không có quyền ghi); dữ liệu chưa bị thay đổi. Hãy báo quản trị viên kiểm tra ổ đĩa.',
  },
  missing: {
    code: 'STORAGE_MISSING',
    message:
      'Không tìm thấy ổ đĩa hoặc thư mục chứa dữ liệu của ứng dụng (có thể ổ USB hoặc ổ mạng đã bị rút, ngắt kết nối); dữ liệu chưa bị thay đổi. Hãy cắm lại ổ đĩa rồi thử lại.',
  },
};

export function storageErrorBody(err: unknown, dataDir: string): AppErrorBody | null {
  const problem = storageProblem(err, dataDir);
  return problem ? { ...MESSAGES[problem], details: { problem } } : null;
}
