/**
 * Taking in one file of an offline bundle's folder, after its bundle was imported
 * (offline-bundles.ts): the file must be one a signed bundle (or an online claim) named for a
 * dossier, its bytes must hash to that name and have the signed size. The bytes are streamed to a
 * staged file while hashed — never held in memory — and only a match enters the same PaperStore
 * as a tus upload and gets its hub_file row, so it dedups with tus and the admin's papers list
 * shows it like any other. A mismatch is removed and records nothing. Sending the same file again
 * records nothing either.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { dossierPaper } from '../db/schema';
import type { HubDb } from '../db/types';
import { HubError, notFound } from '../errors';
import type { PaperStore } from '../files/paper-store';
import { hasFile, recordStoredFile } from '../files/papers';

export interface BundleFileTaken {
  sha256: string;
  size: number;
  /** False when the hub already held the file (sent by tus or an earlier import): nothing recorded. */
  stored: boolean;
}

export const BUNDLE_FILE_MISMATCH = 'hash_mismatch';

function mismatch(sha256: string): HubError {
  return new HubError(
    422,
    BUNDLE_FILE_MISMATCH,
    `Tệp ${sha256.slice(0, 12)}… trong thư mục của tệp đồng bộ không khớp mã băm đã ký: tệp đã bị sửa hoặc hỏng khi chép. Tỉnh không nhận tệp này; hãy chép lại tệp đồng bộ từ máy của xã.`,
  );
}

export async function takeBundleFile(
  db: HubDb,
  store: PaperStore,
  stagingDir: string,
  sha256: string,
  body: Readable,
  now: Date,
): Promise<BundleFileTaken> {
  const [claimed] = await db.select({ deviceId: dossierPaper.deviceId, size: dossierPaper.size }).from(dossierPaper).where(eq(dossierPaper.sha256, sha256)).limit(1);
  if (!claimed) {
    body.resume();
    throw notFound('Tệp này không thuộc giấy tờ nào đã khai báo với tỉnh: hãy nhập tệp đồng bộ (.json) của máy xã trước, rồi mới gửi các tệp đi kèm.');
  }
  if (await hasFile(db, sha256)) {
    body.resume();
    return { sha256, size: claimed.size, stored: false };
  }

  await fs.promises.mkdir(stagingDir, { recursive: true });
  const staged = path.join(stagingDir, `usb-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      // More bytes than the signed size: not the file the bundle named; stop reading now.
      if (size > claimed.size) return done(mismatch(sha256));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    try {
      await pipeline(body, hashing, fs.createWriteStream(staged));
    } catch (err) {
      if (err instanceof HubError) throw err;
      throw new HubError(400, 'incomplete_upload', 'Tệp gửi lên bị ngắt giữa chừng; chưa ghi nhận gì, hãy gửi lại.');
    }
    if (size !== claimed.size || hash.digest('hex') !== sha256) throw mismatch(sha256);
    await store.adopt(sha256, staged, size);
    await recordStoredFile(db, { sha256, size, storage: store.kind, uploadedBy: claimed.deviceId, storedAt: now });
    return { sha256, size, stored: true };
  } finally {
    // The store keeps its own link or copy; nothing resumes a bundle file, so its stage goes.
    await fs.promises.rm(staged, { force: true });
  }
}
