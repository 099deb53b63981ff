/**
 * Importing a counter's offline bundle (carried on USB after weeks without a connection). The
 * bundle must be signed by the device it names; that device's key is pinned on its first
 * import (an admin sees the fingerprint) and every later bundle must carry the same key. The
 * ops then go through the same per-op path as an online push, so importing a bundle twice, or
 * pushing the same ops later, answers `duplicate` and applies nothing twice.
 *
 * The pages the bundle carries are then claimed for that device exactly as an online claim
 * (files/papers.ts): the dossier and page links are recorded, a page of another commune's dossier
 * is refused, and the answer lists the files the hub still lacks. Those files are then sent one by
 * one from the bundle's folder (offline-bundle-files.ts), each checked against its signed hash.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { bundleFileSchema, verifyBundleSignature } from '@shared/sync/offline-bundle';
import { opEnvelopeSchema, type PushResult } from '@shared/sync/protocol';
import { commune, device } from '../db/schema';
import type { HubDb } from '../db/types';
import { badRequest, conflict, forbidden, HubError, notFound } from '../errors';
import { claimPages } from '../files/papers';
import { applyBatch } from '../sync/push';

/** Pages per claim: well under PostgreSQL's limit of bind parameters per statement. */
const PAGES_PER_CLAIM = 500;

export function keyFingerprint(publicKeyB64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex').slice(0, 32);
}

export async function importOfflineBundle(db: HubDb, raw: unknown, log: FastifyBaseLogger, now: Date) {
  const parsed = bundleFileSchema.safeParse(raw);
  if (!parsed.success) throw badRequest(parsed.error, 'Tệp đồng bộ không đúng định dạng.');
  const { body, signature } = parsed.data;
  const ops = body.ops.map((op) => opEnvelopeSchema.safeParse(op));
  const badOp = ops.find((o) => !o.success);
  if (badOp?.error) throw badRequest(badOp.error, 'Tệp đồng bộ có thao tác không hợp lệ.');

  const [row] = await db
    .select({ id: device.id, revoked: device.revoked, communeCode: device.communeCode, communeName: commune.name, signingKey: device.signingKey })
    .from(device)
    .innerJoin(commune, eq(commune.code, device.communeCode))
    .where(eq(device.id, body.deviceId));
  if (!row) throw notFound('Tệp đồng bộ của một thiết bị chưa đăng ký với tỉnh.');
  if (row.revoked) throw forbidden('Thiết bị tạo tệp này đã bị thu hồi quyền đồng bộ.');
  // Verified over the body exactly as received, before anything is written.
  if (!(await verifyBundleSignature((raw as { body: unknown }).body, body.publicKey, signature))) {
    throw new HubError(400, 'bad_signature', 'Chữ ký của tệp đồng bộ không hợp lệ: tệp đã bị sửa hoặc không do thiết bị này tạo.');
  }
  if (row.signingKey && row.signingKey !== body.publicKey) {
    throw conflict('Tệp được ký bằng khóa khác với khóa đã ghi nhận cho thiết bị này.', { fingerprint: keyFingerprint(body.publicKey) });
  }
  if (!row.signingKey) await db.update(device).set({ signingKey: body.publicKey }).where(eq(device.id, row.id));

  const results: PushResult[] = await applyBatch(
    db,
    { id: row.id, communeCode: row.communeCode, communeName: row.communeName },
    ops.map((o) => o.data!),
    log,
    now,
  );
  const summary = { applied: 0, duplicate: 0, rejected: 0, retry_later: 0 };
  for (const r of results) summary[r.result] += 1;

  // After the ops: a page may be claimed only for a dossier the hub holds, and the bundle's own
  // dossier.upsert ops have just put theirs in.
  const missing = new Set<string>();
  const refused: { pageId: string; code: string; message: string }[] = [];
  const pages = body.pages ?? [];
  const sender = { id: row.id, communeCode: row.communeCode, communeName: row.communeName };
  for (let i = 0; i < pages.length; i += PAGES_PER_CLAIM) {
    const answer = await claimPages(db, sender, pages.slice(i, i + PAGES_PER_CLAIM), now);
    for (const h of answer.missing) missing.add(h);
    refused.push(...answer.refused);
  }
  const files = { missing: [...missing], refused };
  log.info({ deviceId: row.id, communeCode: row.communeCode, ...summary, pages: pages.length, missingFiles: files.missing.length }, 'offline bundle imported');
  return { deviceId: row.id, communeCode: row.communeCode, fingerprint: keyFingerprint(body.publicKey), summary, results, files };
}
