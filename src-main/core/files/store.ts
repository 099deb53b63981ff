/**
 * The content-addressed file store (ARCHITECTURE.md §10): every file is kept once under the data
 * folder, named by its SHA-256 (`files/ab/cdef…` for a hash starting "abcdef"), never inside
 * SQLite. `put` makes the file durable (written to a temporary name, fsynced, renamed, and the
 * folder fsynced) before it returns, so a row written afterwards never names a missing file.
 * Files are never rewritten or deleted here: a changed document is a new file with a new hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/errors';

export interface StoredFile {
  sha256: string;
  size: number;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class FileStore {
  constructor(readonly root: string) {}

  /** Where the file of this hash lives (whether or not it is there yet). */
  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new AppError('INVALID_INPUT', 'Mã băm tệp không hợp lệ');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  /** Stores the bytes durably and returns their hash; storing the same bytes again is a no-op. */
  put(bytes: Uint8Array): StoredFile {
    const sha256 = sha256Hex(bytes);
    const target = this.pathOf(sha256);
    if (fs.existsSync(target)) return { sha256, size: bytes.byteLength };
    const dir = path.dirname(target);
    const createdDir = !fs.existsSync(dir);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `.${sha256.slice(2, 14)}-${randomBytes(6).toString('hex')}.tmp`);
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } catch (err) {
      fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      throw err;
    }
    fs.closeSync(fd);
    fs.renameSync(tmp, target);
    // The rename is durable only once the folder holding it is; a new folder also needs its parent.
    fsyncDir(dir);
    if (createdDir) fsyncDir(this.root);
    return { sha256, size: bytes.byteLength };
  }

  /** The bytes of a stored file, checked against their name: a damaged file is an error, never data. */
  get(sha256: string): Buffer {
    const file = this.pathOf(sha256);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp lưu trữ trên máy này');
    const bytes = fs.readFileSync(file);
    if (sha256Hex(bytes) !== sha256) throw new AppError('CONFLICT', 'Tệp lưu trữ đã bị hỏng hoặc bị sửa (mã băm không khớp)');
    return bytes;
  }

  /** True when the file is there and its content still has its hash. */
  verify(sha256: string): boolean {
    const file = this.pathOf(sha256);
    return fs.existsSync(file) && sha256Hex(fs.readFileSync(file)) === sha256;
  }
}

function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
