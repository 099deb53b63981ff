/**
 * Ký số at the counter (ARCHITECTURE.md §12): sign an archived print, a digitised paper or an
 * electronic result with a certificate on the officer's or the commune's token, keep the signed
 * copy as a new file of the dossier, and add the timestamp and revocation check when the link
 * is up (now, or later from the pending list). See README.md beside this file.
 *
 * Order of a signature, so that nothing half-done is kept: check the certificate (validity now,
 * chain to the trust list) before asking the token for anything; log in; sign; verify the result
 * with the same verifier anyone else uses; add what the network can give; only then write the
 * file (durably) and, after it, the rows that name it.
 */
import fs from 'node:fs';
import { and, desc, eq, or } from 'drizzle-orm';
import { SignPdf } from '@signpdf/signpdf';
import * as pkijs from 'pkijs';
import { formatDateTimeVi } from '@shared/domain/text';
import { AppError } from '@shared/errors';
import type { Officer } from '@shared/rpc';
import type { SignatureRecord, SigningRole, SigningSettings, SigningStep, TokenCertificateInfo } from '@shared/rpc/signing';
import { certificateDer, describeCertificate, isCaCertificate as isCa, parseSignedData } from '@shared/signing/cms';
import { findPdfSignatures } from '@shared/signing/pdf-signatures';
import { chainToTrustList, verifyPdf, type PdfVerification } from '@shared/signing/verify';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { dossier, dossierFile, office, printRecord, signature } from '../db/schema';
import type { CoreEvents } from '../events';
import { sha256Hex, type FileStore } from '../files/store';
import { newId } from '../ids';
import { loadPdfForSigning, preparePdf } from './appearance';
import { augmentSignedPdf, signatureValueOf, type Additions } from './augment';
import { TokenPdfSigner } from './cms-signer';
import { checkRevocation } from './revocation-client';
import { SigningSettingsStore } from './signing-settings';
import { requestTimestamp } from './timestamp-client';
import { defaultPkcs11Factory, readTokenCertificate, TokenModule, type Pkcs11Factory, type TokenCertificate } from './token';
import { pendingSignatures } from './pending';
import { TrustList } from './trust-list';

type SignatureRow = typeof signature.$inferSelect;
type FileRow = typeof dossierFile.$inferSelect;

export interface SigningServiceDeps {
  db: CounterDb;
  clock: Clock;
  events: CoreEvents;
  files: FileStore;
  /** Loads the token vendor's PKCS#11 library (pkcs11js by default). */
  pkcs11?: Pkcs11Factory;
}

export interface SignRequest {
  source: { kind: 'print'; printRecordId: string } | { kind: 'file'; fileId: string };
  role: SigningRole;
  certificate: { tokenSerial: string; id: string };
  pin: string;
  requestId: string;
}

const MAX_ADDED_PDF = 1_400_000;

function publicFile(r: FileRow) {
  return { id: r.id, dossierId: r.dossierId, kind: r.kind, label: r.label, sha256: r.sha256, size: r.size, derivedFrom: r.derivedFrom, addedAt: r.addedAt };
}

export class SigningService {
  readonly settings: SigningSettingsStore;
  readonly trust: TrustList;
  private token: TokenModule | null = null;
  private augmenting: Promise<unknown> | null = null;

  constructor(private readonly deps: SigningServiceDeps) {
    this.settings = new SigningSettingsStore(deps.db, deps.clock);
    this.trust = new TrustList(deps.db, deps.clock);
  }

  /** Lets go of the token's module (core is closing). */
  stop(): void {
    this.token?.reset();
    this.token = null;
  }

  private tokenModule(): TokenModule {
    const { modulePath } = this.settings.get();
    if (!modulePath) throw new AppError('CONFLICT', 'Chưa cài đặt thư viện của thiết bị ký số (USB token); quản trị viên chọn tệp .dll/.so trong Cài đặt › Ký số');
    if (this.token?.modulePath !== modulePath) {
      this.token?.reset();
      this.token = new TokenModule(modulePath, this.deps.pkcs11 ?? defaultPkcs11Factory);
    }
    return this.token;
  }

  updateSettings(patch: { modulePath?: string | null; tsaUrl?: string | null }, officer: Officer): SigningSettings {
    if (patch.modulePath && !fs.existsSync(patch.modulePath)) throw new AppError('INVALID_INPUT', 'Không thấy tệp thư viện ở đường dẫn này trên máy', { issues: [{ path: ['modulePath'], message: 'Không thấy tệp' }] });
    const next = this.settings.update(patch);
    this.audit(officer, 'signing.settings', null, { modulePath: next.modulePath, tsaUrl: next.tsaUrl });
    return next;
  }

  setSeal(pngBase64: string | null, officer: Officer): SigningSettings {
    if (pngBase64 === null) {
      this.audit(officer, 'signing.seal', null, { removed: true });
      return this.settings.update({ sealSha256: null });
    }
    const png = Buffer.from(pngBase64, 'base64');
    if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new AppError('INVALID_INPUT', 'Ảnh con dấu phải là tệp PNG (nền trong suốt)');
    const stored = this.deps.files.put(png);
    this.audit(officer, 'signing.seal', stored.sha256, { size: stored.size });
    return this.settings.update({ sealSha256: stored.sha256 });
  }

  // ---- certificates on the token

  /** What the officer can pick, each already checked (validity now, trust list) before any PIN. */
  async certificates(): Promise<{ items: TokenCertificateInfo[] }> {
    const onToken = this.tokenModule().listCertificates();
    const now = this.deps.clock.now();
    const anchors = this.anchorCertificates();
    const items: TokenCertificateInfo[] = [];
    for (const c of onToken) {
      const cert = readTokenCertificate(c);
      if (!cert || isCa(cert)) continue;
      const info = describeCertificate(cert);
      let problem = validityProblem(cert, now);
      if (!problem) {
        const carried = onToken.filter((o) => o.tokenSerial === c.tokenSerial).map(readTokenCertificate).filter((o): o is pkijs.Certificate => o !== null && isCa(o));
        const chain = anchors.length === 0 ? null : await chainToTrustList(cert, [...carried, ...anchors], anchors, now);
        problem = anchors.length === 0 ? NO_TRUST_LIST : chain && !chain.ok ? chain.message : null;
      }
      items.push({
        tokenLabel: c.tokenLabel,
        tokenSerial: c.tokenSerial,
        id: c.id,
        label: c.label,
        commonName: info.commonName,
        organisation: info.organisation,
        issuerName: info.issuerName,
        notBefore: info.notBefore.toISOString(),
        notAfter: info.notAfter.toISOString(),
        sha256: sha256Hex(c.der),
        usable: problem === null,
        problem,
        pinState: c.pinState,
      });
    }
    return { items };
  }

  private anchorCertificates(): pkijs.Certificate[] {
    return this.trust.anchors().map((der) => pkijs.Certificate.fromBER(der));
  }

  // ---- files of a dossier

  addFile(input: { dossierId: string; kind: 'document' | 'result'; label: string; pdf: string }, officer: Officer) {
    const exists = this.deps.db.select({ id: dossier.id }).from(dossier).where(eq(dossier.id, input.dossierId)).get();
    if (!exists) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ');
    const bytes = Buffer.from(input.pdf, 'base64');
    if (bytes.length > MAX_ADDED_PDF) throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp PDF lớn hơn 1,4 MB; hãy quét ở độ phân giải thấp hơn');
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('INVALID_INPUT', 'Tệp gửi lên không phải PDF');
    const stored = this.deps.files.put(bytes);
    const row: FileRow = {
      id: newId(),
      dossierId: input.dossierId,
      kind: input.kind,
      label: input.label,
      sha256: stored.sha256,
      mediaType: 'application/pdf',
      size: stored.size,
      derivedFrom: null,
      addedAt: this.deps.clock.now().toISOString(),
      addedBy: officer.id,
    };
    this.deps.db.transaction((tx) => {
      tx.insert(dossierFile).values(row).run();
      appendAudit(tx, { at: row.addedAt, officerId: officer.id, action: 'files.add', target: input.dossierId, details: { kind: row.kind, sha256: row.sha256, size: row.size } });
    });
    return publicFile(row);
  }

  files(dossierId: string) {
    return { items: this.deps.db.select().from(dossierFile).where(eq(dossierFile.dossierId, dossierId)).orderBy(desc(dossierFile.addedAt)).all().map(publicFile) };
  }

  download(fileId: string) {
    const row = this.deps.db.select().from(dossierFile).where(eq(dossierFile.id, fileId)).get();
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp');
    const bytes = this.deps.files.get(row.sha256);
    const safe = row.label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
    return { fileName: `${safe || 'tep'}-${row.sha256.slice(0, 8)}.pdf`, sha256: row.sha256, pdf: bytes.toString('base64') };
  }

  // ---- signing

  async sign(req: SignRequest, officer: Officer): Promise<SignatureRecord> {
    const progress = (step: SigningStep) => this.deps.events.emit('signing.progress', { requestId: req.requestId, step });
    try {
      progress('checking');
      const source = this.readSource(req.source);
      await loadPdfForSigning(source.bytes);
      const token = this.tokenModule();
      const onToken = token.listCertificates();
      const chosen = onToken.find((c) => c.tokenSerial === req.certificate.tokenSerial && c.id === req.certificate.id);
      const cert = chosen ? readTokenCertificate(chosen) : null;
      if (!chosen || !cert) throw new AppError('NOT_FOUND', 'Không tìm thấy chứng thư đã chọn trên thiết bị; hãy rút ra cắm lại thiết bị rồi chọn lại');
      const now = this.deps.clock.now();
      const chain = await this.checkCertificate(cert, onToken.filter((c) => c.tokenSerial === chosen.tokenSerial), now);
      const who = describeCertificate(cert);
      const organisation = who.organisation ?? this.officeName();
      const sealPng = req.role === 'organisation' ? this.sealBytes() : null;
      if (req.role === 'organisation' && !sealPng) throw new AppError('CONFLICT', 'Chưa có ảnh con dấu của cơ quan; quản trị viên tải ảnh con dấu trong Cài đặt › Ký số');

      const prepared = await preparePdf(source.bytes, {
        role: req.role,
        signerName: who.commonName,
        organisation,
        claimedAt: now,
        sealPng,
        reason: req.role === 'organisation' ? 'Ký số của cơ quan' : source.kind === 'form' ? 'Ký số văn bản' : 'Ký số bản sao điện tử',
        location: this.officeName(),
      });

      progress('pin');
      const session = token.openSigningSession(req.certificate, req.pin);
      let signedPdf: Buffer;
      try {
        progress('signing');
        signedPdf = await new SignPdf().sign(prepared, new TokenPdfSigner(cert, chain, session));
      } finally {
        session.close();
      }

      // The signature must check out with the verifier anyone else will use, or it is not kept.
      const self = await this.verifyBytes(signedPdf);
      if (self.status === 'invalid') {
        throw new AppError('CONFLICT', `Chữ ký vừa tạo không kiểm tra được (${self.signatures[0]?.summary ?? self.summary}); khóa trên thiết bị có thể không khớp với chứng thư. Không có tệp nào được lưu`, { reason: 'selfCheck' });
      }

      progress('timestamp');
      const online = await this.onlineAdditions(signedPdf, cert, chain);
      if (online.revocation?.state === 'revoked') {
        throw new AppError('FORBIDDEN', 'Chứng thư số này đã bị thu hồi (theo nơi cấp); chữ ký không được lưu. Hãy dùng chứng thư số khác', { reason: 'revoked' });
      }
      const finalPdf = online.pdf;

      progress('saving');
      const record = this.store(req, officer, source, finalPdf, who, now, online);
      progress('done');
      return record;
    } catch (err) {
      // Attempts that reached the certificate or the token are on record, like failed sign-ins
      // (never the PIN); a request that named nothing real changes nothing.
      const reason = err instanceof AppError ? (err.details as { reason?: string } | undefined)?.reason : 'internal';
      if (reason) this.audit(officer, 'signing.failed', null, { source: req.source, role: req.role, reason });
      throw err;
    }
  }

  private readSource(src: SignRequest['source']): { kind: 'form' | 'document' | 'result'; bytes: Buffer; sha256: string; dossierId: string | null; printRecordId: string | null; form: string | null; label: string } {
    if (src.kind === 'print') {
      const rec = this.deps.db.select().from(printRecord).where(eq(printRecord.id, src.printRecordId)).get();
      if (!rec) throw new AppError('NOT_FOUND', 'Không tìm thấy bản in này');
      if (!fs.existsSync(rec.file)) throw new AppError('NOT_FOUND', 'Tệp PDF lưu trữ của bản in này không còn; hãy in lại từ hồ sơ');
      const bytes = fs.readFileSync(rec.file);
      if (sha256Hex(bytes) !== rec.sha256) throw new AppError('CONFLICT', 'Tệp PDF lưu trữ của bản in đã bị thay đổi (mã băm không khớp); không ký');
      return { kind: 'form', bytes, sha256: rec.sha256, dossierId: rec.dossierId, printRecordId: rec.id, form: rec.form, label: formLabel(rec.form) };
    }
    const row = this.deps.db.select().from(dossierFile).where(eq(dossierFile.id, src.fileId)).get();
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp của hồ sơ');
    if (row.kind === 'signed') throw new AppError('CONFLICT', 'Tệp này đã là bản đã ký số; hãy ký bản gốc');
    return { kind: row.kind, bytes: this.deps.files.get(row.sha256), sha256: row.sha256, dossierId: row.dossierId, printRecordId: null, form: null, label: row.label };
  }

  /** Validity now and a chain to the trust list, before the PIN is asked (no try is wasted). */
  private async checkCertificate(cert: pkijs.Certificate, sameToken: TokenCertificate[], now: Date): Promise<pkijs.Certificate[]> {
    if (isCa(cert)) throw new AppError('INVALID_INPUT', 'Chứng thư đã chọn là chứng thư của tổ chức chứng thực, không dùng để ký');
    const problem = validityProblem(cert, now);
    if (problem) throw new AppError('FORBIDDEN', problem, { reason: 'certificateValidity' });
    if (cert.subjectPublicKeyInfo.algorithm.algorithmId !== '1.2.840.113549.1.1.1') throw new AppError('INVALID_INPUT', 'Ứng dụng mới hỗ trợ chứng thư số dùng khóa RSA');
    const anchors = this.anchorCertificates();
    // CA certificates on the token itself may complete the path (tokens usually carry them).
    const carried = sameToken
      .map(readTokenCertificate)
      .filter((c): c is pkijs.Certificate => c !== null && isCa(c));
    const chain = await chainToTrustList(cert, [...carried, ...anchors], anchors, now);
    if (!chain.ok) throw new AppError('FORBIDDEN', anchors.length === 0 ? NO_TRUST_LIST : chain.message, { reason: 'untrusted' });
    return chain.path.filter((c) => !sameCert(c, cert));
  }

  /** Asks the network for what is owed: a timestamp (unless the signature has one) and a revocation check. */
  private async onlineAdditions(pdf: Buffer, cert: pkijs.Certificate, chain: pkijs.Certificate[], want = { timestamp: true, revocation: true }) {
    const { tsaUrl } = this.settings.get();
    const add: Additions = {};
    const errors: string[] = [];
    let timestampAt: Date | null = null;
    let revocation: { state: 'good' | 'revoked' | 'unknown'; source: string } | null = null;
    if (tsaUrl && want.timestamp) {
      try {
        const ts = await requestTimestamp(tsaUrl, signatureValueOf(pdf));
        add.timestampToken = ts.token;
        timestampAt = ts.genTime;
      } catch (err) {
        errors.push(`Chưa lấy được dấu thời gian: ${err instanceof AppError ? err.message : 'lỗi không rõ'}`);
      }
    }
    const issuer = chain.find((c) => c.subject.isEqual(cert.issuer));
    if (issuer && want.revocation) {
      try {
        const answer = await checkRevocation(cert, issuer);
        add.revocation = { ...(answer.crl ? { crl: answer.crl } : {}), ...(answer.ocsp ? { ocsp: answer.ocsp } : {}) };
        revocation = { state: answer.state, source: `${answer.source}:${answer.url}` };
      } catch (err) {
        errors.push(`Chưa kiểm tra được tình trạng thu hồi: ${err instanceof AppError ? err.message : 'lỗi không rõ'}`);
      }
    }
    let out: Uint8Array = pdf;
    if (add.timestampToken || add.revocation) {
      try {
        out = augmentSignedPdf(pdf, add);
      } catch (err) {
        // Too big for the reserved room (a very large CRL): keep the timestamp alone.
        if (add.revocation && add.timestampToken) out = augmentSignedPdf(pdf, { timestampToken: add.timestampToken });
        else if (!add.timestampToken) out = pdf;
        else throw err;
        errors.push('Danh sách thu hồi quá lớn để đính kèm vào chữ ký; kết quả kiểm tra được ghi lại trong ứng dụng');
      }
      const check = await this.verifyBytes(out);
      if (check.status === 'invalid') {
        out = pdf;
        timestampAt = null;
        errors.push(`Dữ liệu bổ sung không hợp lệ (${check.signatures[0]?.summary ?? check.summary})`);
      }
    }
    return { pdf: Buffer.from(out), timestampAt, revocation, error: errors.length ? errors.join('; ') : null, tsaConfigured: tsaUrl !== null };
  }

  private store(
    req: SignRequest,
    officer: Officer,
    source: ReturnType<SigningService['readSource']>,
    pdf: Buffer,
    who: ReturnType<typeof describeCertificate>,
    now: Date,
    online: Awaited<ReturnType<SigningService['onlineAdditions']>>,
  ): SignatureRecord {
    const stored = this.deps.files.put(pdf);
    const at = now.toISOString();
    const cert = signerOf(pdf);
    const file: FileRow = {
      id: newId(),
      dossierId: source.dossierId,
      kind: 'signed',
      label: `${source.label} (đã ký số)`,
      sha256: stored.sha256,
      mediaType: 'application/pdf',
      size: stored.size,
      derivedFrom: source.sha256,
      addedAt: at,
      addedBy: officer.id,
    };
    const row: SignatureRow = {
      id: newId(),
      dossierId: source.dossierId,
      fileId: file.id,
      sourceKind: source.kind,
      sourceSha256: source.sha256,
      printRecordId: source.printRecordId,
      form: source.form,
      role: req.role,
      signerName: who.commonName,
      signerOrganisation: who.organisation,
      issuerName: who.issuerName,
      certSha256: sha256Hex(certificateDer(cert)),
      signedAt: at,
      level: online.timestampAt ? 'B-T' : 'B-B',
      timestampAt: online.timestampAt?.toISOString() ?? null,
      // With no timestamp authority configured there is nothing to wait for.
      timestampState: online.timestampAt || !online.tsaConfigured ? 'done' : 'pending',
      revocationState: online.revocation?.state ?? 'pending',
      revocationCheckedAt: online.revocation ? at : null,
      revocationSource: online.revocation?.source ?? null,
      lastError: online.error,
      officerId: officer.id,
    };
    this.deps.db.transaction((tx) => {
      tx.insert(dossierFile).values(file).run();
      tx.insert(signature).values(row).run();
      appendAudit(tx, {
        at,
        officerId: officer.id,
        action: 'signing.sign',
        target: source.dossierId,
        details: { signatureId: row.id, role: row.role, source: source.kind, sourceSha256: source.sha256, signedSha256: stored.sha256, certSha256: row.certSha256, level: row.level },
      });
    });
    return this.toRecord(row, file);
  }

  // ---- what is still owed

  pendingCount(): number {
    return pendingSignatures(this.deps.db);
  }

  list(input: { dossierId?: string; missingTimestamp?: boolean }) {
    const conditions = [];
    if (input.dossierId) conditions.push(eq(signature.dossierId, input.dossierId));
    if (input.missingTimestamp) conditions.push(eq(signature.timestampState, 'pending'));
    const rows = this.deps.db
      .select({ s: signature, f: dossierFile })
      .from(signature)
      .innerJoin(dossierFile, eq(dossierFile.id, signature.fileId))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(signature.signedAt))
      .limit(500)
      .all();
    const missing = this.deps.db.$client.prepare("SELECT count(*) FROM signature WHERE timestamp_state = 'pending'").pluck().get() as number;
    return { items: rows.map((r) => this.toRecord(r.s, r.f)), missingTimestamp: missing };
  }

  /** Adds owed timestamps and revocation checks; each success is a new file. One run at a time. */
  async augmentPending(): Promise<{ completed: number; remaining: number; error: string | null }> {
    if (this.augmenting) await this.augmenting;
    const run = this.runAugment();
    this.augmenting = run;
    try {
      return await run;
    } finally {
      this.augmenting = null;
    }
  }

  private async runAugment() {
    const pending = this.deps.db
      .select({ s: signature, f: dossierFile })
      .from(signature)
      .innerJoin(dossierFile, eq(dossierFile.id, signature.fileId))
      .where(or(eq(signature.timestampState, 'pending'), eq(signature.revocationState, 'pending')))
      .all();
    let completed = 0;
    let lastError: string | null = null;
    for (const { s, f } of pending) {
      const pdf = this.deps.files.get(f.sha256);
      const signed = parseSignedData(findPdfSignatures(pdf).at(-1)!.cms);
      const carried = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
      const cert = carried.find((c) => sha256Hex(certificateDer(c)) === s.certSha256);
      if (!cert) continue;
      const wantsTimestamp = s.timestampState === 'pending';
      const wantsRevocation = s.revocationState === 'pending';
      const online = await this.onlineAdditions(pdf, cert, carried, { timestamp: wantsTimestamp, revocation: wantsRevocation });
      const gotTimestamp = wantsTimestamp && online.timestampAt !== null;
      const gotRevocation = wantsRevocation && online.revocation !== null;
      if (!gotTimestamp && !gotRevocation) {
        lastError = online.error;
        this.deps.db.update(signature).set({ lastError: online.error }).where(eq(signature.id, s.id)).run();
        continue;
      }
      const at = this.deps.clock.now().toISOString();
      const stored = this.deps.files.put(online.pdf);
      const file: FileRow = { ...f, id: newId(), sha256: stored.sha256, size: stored.size, derivedFrom: f.sha256, addedAt: at };
      const patch: Partial<SignatureRow> = { fileId: file.id, lastError: online.error };
      if (gotTimestamp) Object.assign(patch, { level: 'B-T', timestampAt: online.timestampAt!.toISOString(), timestampState: 'done' });
      if (online.revocation) Object.assign(patch, { revocationState: online.revocation.state, revocationCheckedAt: at, revocationSource: online.revocation.source });
      this.deps.db.transaction((tx) => {
        tx.insert(dossierFile).values(file).run();
        tx.update(signature).set(patch).where(eq(signature.id, s.id)).run();
        appendAudit(tx, { at, officerId: null, action: 'signing.augment', target: s.dossierId, details: { signatureId: s.id, from: f.sha256, to: stored.sha256, timestamp: gotTimestamp, revocation: online.revocation?.state ?? null } });
      });
      if (online.timestampAt || !wantsTimestamp) completed += 1;
    }
    return { completed, remaining: this.pendingCount(), error: lastError };
  }

  // ---- verification

  async verifyBytes(pdf: Uint8Array): Promise<PdfVerification> {
    return verifyPdf(pdf, { trustAnchors: this.trust.anchors(), now: this.deps.clock.now() });
  }

  async verify(pdfBase64: string): Promise<PdfVerification> {
    return this.verifyBytes(Buffer.from(pdfBase64, 'base64'));
  }

  // ---- helpers

  private toRecord(s: SignatureRow, f: FileRow): SignatureRecord {
    return {
      id: s.id,
      dossierId: s.dossierId,
      fileId: f.id,
      fileSha256: f.sha256,
      fileLabel: f.label,
      sourceKind: s.sourceKind,
      form: s.form,
      role: s.role,
      signerName: s.signerName,
      signerOrganisation: s.signerOrganisation,
      issuerName: s.issuerName,
      signedAt: s.signedAt,
      level: s.level,
      timestampAt: s.timestampAt,
      timestampState: s.timestampState,
      revocationState: s.revocationState,
      lastError: s.lastError,
    };
  }

  private officeName(): string {
    return this.deps.db.select({ name: office.governingBody }).from(office).get()?.name ?? '';
  }

  private sealBytes(): Buffer | null {
    const { sealSha256 } = this.settings.get();
    return sealSha256 && this.deps.files.has(sealSha256) ? this.deps.files.get(sealSha256) : null;
  }

  private audit(officer: Officer, action: string, target: string | null, details: unknown): void {
    appendAudit(this.deps.db, { at: this.deps.clock.now().toISOString(), officerId: officer.id, action, target, details });
  }
}

const NO_TRUST_LIST = 'Chưa có danh sách chứng thư tin cậy; quản trị viên thêm chứng thư của tổ chức chứng thực trong Cài đặt › Ký số';

/** How a printed form is named in the dossier's file list ("Mẫu 01 (đã ký số)"). */
function formLabel(form: string): string {
  const m = /^mau(\d\d)$/.exec(form);
  if (m) return `Mẫu ${m[1]}`;
  return form === 'ticket' ? 'Phiếu hẹn 80 mm' : form === 'report_ii06a' ? 'Biểu II.06a' : form;
}

function sameCert(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
  return a.issuer.isEqual(b.issuer) && a.serialNumber.isEqual(b.serialNumber);
}

function validityProblem(cert: pkijs.Certificate, now: Date): string | null {
  if (now < cert.notBefore.value) return `Chứng thư số chưa có hiệu lực (hiệu lực từ ${formatDateTimeVi(cert.notBefore.value)})`;
  if (now > cert.notAfter.value) return `Chứng thư số đã hết hạn từ ${formatDateTimeVi(cert.notAfter.value)}`;
  return null;
}

function signerOf(pdf: Uint8Array): pkijs.Certificate {
  const signed = parseSignedData(findPdfSignatures(pdf).at(-1)!.cms);
  const sid = signed.signerInfos[0]!.sid as pkijs.IssuerAndSerialNumber;
  return (signed.certificates ?? []).find((c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))!;
}
