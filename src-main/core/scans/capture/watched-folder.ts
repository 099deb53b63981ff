/**
 * "Scan to folder": every scanner can drop its files into a shared folder, and the counter takes
 * them from there. A file taken is moved into the folder's `da-nhap/` subfolder (never deleted),
 * so the officer can still find what the scanner wrote. The Tiếp nhận screen polls the list,
 * which is how the folder is watched: no file-system watcher to miss events on a network share.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/errors';
import { MAX_INPUT_BYTES, tooBig } from '../normalise';

export const TAKEN_SUBFOLDER = 'da-nhap';
const SCAN_EXTENSIONS = /\.(pdf|jpe?g|png|tiff?)$/i;

export interface FolderFile {
  name: string;
  size: number;
  modifiedAt: string;
}

export class WatchedFolder {
  constructor(readonly dir: string) {}

  /** The files waiting, oldest first (the order the scanner wrote them). */
  list(): FolderFile[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.') && SCAN_EXTENSIONS.test(e.name))
      .map((e) => {
        const st = fs.statSync(path.join(this.dir, e.name));
        return { name: e.name, size: st.size, modifiedAt: st.mtime.toISOString(), mtimeMs: st.mtimeMs };
      })
      .sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name))
      .map(({ name, size, modifiedAt }) => ({ name, size, modifiedAt }));
  }

  /** The bytes of one waiting file; its size is checked before it is read. */
  read(name: string): Buffer {
    const file = this.fileOf(name);
    if (!SCAN_EXTENSIONS.test(name)) throw new AppError('INVALID_INPUT', `Tệp "${name}" không phải PDF, JPEG, PNG hoặc TIFF`);
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile()) throw new AppError('NOT_FOUND', `Không còn tệp "${name}" trong thư mục quét`);
    if (st.size > MAX_INPUT_BYTES) throw tooBig(st.size);
    return fs.readFileSync(file);
  }

  /** Moves a file that was stored into `da-nhap/`, prefixed with when, so two scans of one name both stay. */
  markTaken(name: string, stamp: string): void {
    const taken = path.join(this.dir, TAKEN_SUBFOLDER);
    fs.mkdirSync(taken, { recursive: true });
    fs.renameSync(this.fileOf(name), path.join(taken, `${stamp.replace(/[^0-9]/g, '').slice(0, 14)}-${name}`));
  }

  private fileOf(name: string): string {
    if (name !== path.basename(name) || name === '..' || name === '.' || name.includes('\\')) {
      throw new AppError('INVALID_INPUT', 'Tên tệp không hợp lệ');
    }
    return path.join(this.dir, name);
  }
}
