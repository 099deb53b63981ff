/**
 * Where the hub keeps the files of dossiers' papers once their hash is verified: named by SHA-256,
 * on the hub's filesystem by default (`<dir>/ab/cdef…`, the counter's layout) or in S3-compatible
 * object storage when one is configured (./s3-paper-store.ts). Uploads in progress are staged by
 * tus elsewhere (routes/files.ts); a file reaches this store only whole and verified.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface PaperStore {
  readonly kind: 'fs' | 's3';
  /**
   * Takes a verified staged file in under its hash; resolves only once the store holds it whole.
   * The staged file is left in place: the caller decides when to release it.
   */
  adopt(sha256: string, stagedPath: string, size: number): Promise<void>;
  /** Whether the store holds the file under this hash (asked of the store itself, not the database). */
  has(sha256: string): Promise<boolean>;
  /** The file's bytes, or null when the store does not hold it. */
  open(sha256: string): Promise<Readable | null>;
}

export class FsPaperStore implements PaperStore {
  readonly kind = 'fs';
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  async adopt(sha256: string, stagedPath: string): Promise<void> {
    const target = this.pathOf(sha256);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // fsync before the link, and the link before the hub_file row: a row never names a file that a
    // power cut could leave empty. A hard link costs no space; across drives it is a copy.
    const handle = await fs.open(stagedPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.link(stagedPath, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return; // the same bytes, verified by another upload
      if (code !== 'EXDEV') throw err;
      const tmp = `${target}.${process.pid}.tmp`;
      await fs.copyFile(stagedPath, tmp);
      await fs.rename(tmp, target);
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sha256));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async open(sha256: string): Promise<Readable | null> {
    if (!(await this.has(sha256))) return null;
    return createReadStream(this.pathOf(sha256));
  }
}
