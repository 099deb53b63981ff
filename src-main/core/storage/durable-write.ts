/**
 * Writing a file so that a crash, a full disk or a vanished data drive never leaves half of it:
 * the bytes go to a temporary name, are synced, and only then take the final name; on any error
 * the temporary file is removed and the error (ENOSPC, EROFS, ENOENT…) goes up for the
 * dispatcher to name (../rpc/storage-errors.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

/** Writes `bytes` to `file` atomically with the given mode: afterwards there is the old file or the new one. */
export function writeFileDurably(file: string, bytes: Uint8Array, mode = 0o644): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'w', mode);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  // The mode given to open() is masked by umask; set it exactly.
  fs.chmodSync(file, mode);
}

/**
 * Creates `dir` (inside `root`, the data folder) unless it exists, but never recreates `root`:
 * when the data drive is unplugged or its share disconnected, a recursive mkdir would quietly
 * start a second data folder on whatever disk is left at that path. ENOENT instead.
 */
export function ensureDirWithin(root: string, dir: string): void {
  if (!fs.existsSync(root)) {
    throw Object.assign(new Error(`data folder missing: ${root}`), { code: 'ENOENT', path: root });
  }
  const relative = path.relative(root, dir);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`${dir} is outside ${root}`);
  fs.mkdirSync(dir, { recursive: true });
}
