/**
 * The province's trust list (danh sách tin cậy) and checking a signed PDF against it, with the
 * verifier the counters use (src-shared/signing/verify.ts).
 */
import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { certificateDer, certificateFromPemOrDer, describeCertificate, isCaCertificate } from '@shared/signing/cms';
import { verifyPdf, type PdfVerification } from '@shared/signing/verify';
import type { HubDb } from '../db/types';
import { signingTrustAnchor } from '../db/schema';
import { HubError, notFound } from '../errors';

export const addAnchorInputSchema = z.object({ certificate: z.string().min(100).max(20_000) });
export const verifyInputSchema = z.object({ pdf: z.string().min(8).max(22_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/) });

type AnchorRow = typeof signingTrustAnchor.$inferSelect;
const publicAnchor = (r: AnchorRow) => ({ sha256: r.sha256, subject: r.subject, notAfter: r.notAfter.toISOString(), addedAt: r.addedAt.toISOString() });

export async function listAnchors(db: HubDb) {
  return { items: (await db.select().from(signingTrustAnchor).orderBy(desc(signingTrustAnchor.addedAt))).map(publicAnchor) };
}

export async function addAnchor(db: HubDb, text: string) {
  let der: Uint8Array;
  try {
    const trimmed = text.trim();
    const cert = certificateFromPemOrDer(trimmed.includes('BEGIN') ? trimmed : `-----BEGIN CERTIFICATE-----\n${trimmed}\n-----END CERTIFICATE-----`);
    if (!isCaCertificate(cert)) throw new HubError(400, 'invalid_input', 'Đây không phải chứng thư của tổ chức cung cấp dịch vụ chứng thực (CA).');
    der = certificateDer(cert);
  } catch (err) {
    if (err instanceof HubError) throw err;
    throw new HubError(400, 'invalid_input', 'Không đọc được chứng thư số (cần PEM hoặc DER).');
  }
  const info = describeCertificate(certificateFromPemOrDer(der));
  const row = { sha256: createHash('sha256').update(der).digest('hex'), der: Buffer.from(der).toString('base64'), subject: info.commonName, notAfter: info.notAfter };
  await db.insert(signingTrustAnchor).values(row).onConflictDoNothing();
  const [stored] = await db.select().from(signingTrustAnchor).where(eq(signingTrustAnchor.sha256, row.sha256));
  return publicAnchor(stored!);
}

export async function removeAnchor(db: HubDb, sha256: string) {
  const gone = await db.delete(signingTrustAnchor).where(eq(signingTrustAnchor.sha256, sha256)).returning();
  if (gone.length === 0) throw notFound('Không có chứng thư này trong danh sách tin cậy.');
  return { ok: true };
}

export async function verifyAgainstTrustList(db: HubDb, pdfBase64: string, now: Date): Promise<PdfVerification> {
  const anchors = (await db.select({ der: signingTrustAnchor.der }).from(signingTrustAnchor)).map((r) => new Uint8Array(Buffer.from(r.der, 'base64')));
  return verifyPdf(new Uint8Array(Buffer.from(pdfBase64, 'base64')), { trustAnchors: anchors, now });
}
