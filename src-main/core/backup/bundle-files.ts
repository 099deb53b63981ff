/**
 * The paper files an offline bundle carries (offline-bundle.ts): the pages of this counter's
 * dossiers that the hub does not hold yet as far as this counter knows — every page bound to a
 * dossier without an `uploaded` row in `file_upload` (a page tus already delivered, or the hub
 * answered it already held, is not carried again).
 *
 * The pages go into the signed body as the claims the counter would send online, so their SHA-256
 * and size are covered by the signature; the files are copied beside the JSON, one per hash, each
 * streamed and hashed as it is copied (never read whole into memory, however many gigabytes), so a
 * file damaged on this disk is left behind rather than carried to be refused at the province.
 *
 * Nothing is marked uploaded here: the hub acknowledges the files when the counter next reaches it,
 * by answering its claim that it holds them (sync/file-upload.ts), exactly as for ops.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClaimedPage } from '@shared/sync/files';
import { bundleFileRelativePath } from '@shared/sync/offline-bundle';
import type { CounterDb } from '../db/open';
import type { FileStore } from '../files/store';

/** Every page bound to a dossier whose file the hub has not acknowledged, oldest first. */
export function pagesToCarry(db: Pick<CounterDb, '$client'>): ClaimedPage[] {
  return db.$client
    .prepare(
      `SELECT p.id AS pageId, p.dossier_id AS dossierId, p.sha256, p.size, p.role,
              p.item_position AS itemPosition, p.item_name AS itemName, p.seq
       FROM scan_page p LEFT JOIN file_upload u ON u.page_id = p.id
       WHERE p.dossier_id IS NOT NULL AND (u.state IS NULL OR u.state <> 'uploaded')
       ORDER BY p.added_at, p.id`,
    )
    .all() as ClaimedPage[];
}

export interface CarriedFiles {
  files: number;
  bytes: number;
  /** Hashes whose file on this disk is missing or no longer has its hash: their pages travel without it. */
  damaged: string[];
}

/**
 * Copies each distinct file of `pages` into `dir` (`ab/cdef…`), through a temporary name renamed
 * only once the copy's hash is the page's. Throws on a write error (a full USB stick: ENOSPC).
 */
export async function copyBundleFiles(store: FileStore, pages: ClaimedPage[], dir: string): Promise<CarriedFiles> {
  const carried: CarriedFiles = { files: 0, bytes: 0, damaged: [] };
  const seen = new Set<string>();
  for (const page of pages) {
    if (seen.has(page.sha256)) continue;
    seen.add(page.sha256);
    const source = store.pathOf(page.sha256);
    if (!fs.existsSync(source)) {
      carried.damaged.push(page.sha256);
      continue;
    }
    const target = path.join(dir, ...bundleFileRelativePath(page.sha256).split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.tmp`;
    const hash = createHash('sha256');
    let size = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(fs.createReadStream(source), hashing, fs.createWriteStream(tmp, { flush: true }));
    if (hash.digest('hex') !== page.sha256) {
      fs.rmSync(tmp, { force: true });
      carried.damaged.push(page.sha256);
      continue;
    }
    fs.renameSync(tmp, target);
    carried.files += 1;
    carried.bytes += size;
  }
  return carried;
}
