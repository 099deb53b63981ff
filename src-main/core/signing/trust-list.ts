/**
 * The counter's trust list (danh sách tin cậy): the CA certificates an administrator accepts
 * (the government CA's and the commercial CAs' roots and issuing CAs). A signature is valid here
 * only if its certificate chains to one of them.
 */
import { desc, eq } from 'drizzle-orm';
import * as pkijs from 'pkijs';
import { AppError } from '@shared/errors';
import type { Officer } from '@shared/rpc';
import { certificateDer, certificateFromPemOrDer, describeCertificate, isCaCertificate } from '@shared/signing/cms';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { signingTrustAnchor } from '../db/schema';
import { sha256Hex } from '../files/store';

type AnchorRow = typeof signingTrustAnchor.$inferSelect;
const publicAnchor = (r: AnchorRow) => ({ sha256: r.sha256, subject: r.subject, notAfter: r.notAfter, addedAt: r.addedAt });

export class TrustList {
  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
  ) {}

  list() {
    return { items: this.db.select().from(signingTrustAnchor).orderBy(desc(signingTrustAnchor.addedAt)).all().map(publicAnchor) };
  }

  /** DER of every trusted CA certificate. */
  anchors(): Uint8Array<ArrayBuffer>[] {
    return this.db.select({ der: signingTrustAnchor.der }).from(signingTrustAnchor).all().map((r) => new Uint8Array(r.der));
  }

  add(pemOrBase64Der: string, officer: Officer) {
    let cert: pkijs.Certificate;
    try {
      const text = pemOrBase64Der.trim();
      cert = certificateFromPemOrDer(text.includes('BEGIN') ? text : `-----BEGIN CERTIFICATE-----\n${text}\n-----END CERTIFICATE-----`);
    } catch {
      throw new AppError('INVALID_INPUT', 'Không đọc được chứng thư số (cần tệp .cer/.crt dạng PEM hoặc DER)');
    }
    if (!isCaCertificate(cert)) throw new AppError('INVALID_INPUT', 'Đây không phải chứng thư của tổ chức cung cấp dịch vụ chứng thực (CA); danh sách tin cậy chỉ nhận chứng thư CA');
    const der = certificateDer(cert);
    const info = describeCertificate(cert);
    const at = this.clock.now().toISOString();
    const row: AnchorRow = { sha256: sha256Hex(der), der: Buffer.from(der), subject: info.commonName, notAfter: info.notAfter.toISOString(), addedAt: at, addedBy: officer.id };
    this.db.transaction((tx) => {
      tx.insert(signingTrustAnchor).values(row).onConflictDoNothing().run();
      appendAudit(tx, { at, officerId: officer.id, action: 'signing.trust.add', target: row.sha256, details: { subject: row.subject } });
    });
    return publicAnchor(row);
  }

  remove(sha256: string, officer: Officer) {
    const at = this.clock.now().toISOString();
    this.db.transaction((tx) => {
      const gone = tx.delete(signingTrustAnchor).where(eq(signingTrustAnchor.sha256, sha256)).returning().all();
      if (gone.length === 0) throw new AppError('NOT_FOUND', 'Không có chứng thư này trong danh sách tin cậy');
      appendAudit(tx, { at, officerId: officer.id, action: 'signing.trust.remove', target: sha256, details: { subject: gone[0]!.subject } });
    });
    return { ok: true as const };
  }
}
