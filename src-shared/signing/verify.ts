/**
 * The one verifier of signed PDFs, used by the counter and the province hub alike (pure: pkijs
 * and asn1js over WebCrypto, no Node, no DOM). For each signature it checks, and says in
 * Vietnamese:
 *   - integrity: the digest of the covered bytes equals the signed message-digest;
 *   - the CMS signature itself, and that it names its certificate (signing-certificate-v2);
 *   - the timestamp, when present (RFC 3161 token over the signature value);
 *   - the certificate's validity at signing time: the timestamp's time when there is one, else
 *     the time the signer claimed (/M), with a warning that nobody vouches for it;
 *   - a chain from the certificate to the trust list given, at that time;
 *   - revocation, from the OCSP responses or CRLs carried in the CMS (added when the counter was
 *     back online); none carried is a warning, not a failure.
 * Times come in as parameters: this module reads no clock.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { formatDateTimeVi } from '../domain/text';
import {
  certificateDer,
  describeCertificate,
  equalBytes,
  findAttribute,
  OID,
  parseCertificate,
  parseSignedData,
  sha256,
  signerCertificate,
  signingCertificateV2Hash,
} from './cms';
import { findPdfSignatures, MalformedSignatureError, signedBytes, type PdfSignatureField } from './pdf-signatures';

export type CheckKey = 'format' | 'integrity' | 'signature' | 'certificate' | 'timestamp' | 'validity' | 'chain' | 'revocation' | 'coverage';
/** ok: passed; fail: the signature cannot be trusted; warn: acceptable with a caveat. */
export type CheckResult = 'ok' | 'fail' | 'warn';
export type SignatureStatus = 'valid' | 'warning' | 'invalid';

export interface SignatureCheck {
  key: CheckKey;
  result: CheckResult;
  message: string;
}

export interface SignatureVerdict {
  index: number;
  status: SignatureStatus;
  summary: string;
  signerName: string | null;
  organisation: string | null;
  issuerName: string | null;
  certSha256: string | null;
  claimedAt: string | null;
  timestampAt: string | null;
  level: 'B-B' | 'B-T' | null;
  checks: SignatureCheck[];
}

export interface PdfVerification {
  status: SignatureStatus | 'unsigned';
  summary: string;
  signatures: SignatureVerdict[];
}

export interface VerifyOptions {
  /** DER of the trusted CA certificates (the counter's or the province's trust list). */
  trustAnchors: Uint8Array[];
  /** Used only when a signature carries no time at all. */
  now: Date;
}

const HASH_NAMES: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export async function verifyPdf(pdf: Uint8Array, opts: VerifyOptions): Promise<PdfVerification> {
  let fields: PdfSignatureField[];
  try {
    fields = findPdfSignatures(pdf);
  } catch (err) {
    const message = err instanceof MalformedSignatureError ? err.message : 'Không đọc được chữ ký trong tệp';
    return { status: 'invalid', summary: `Chữ ký không hợp lệ: ${message}`, signatures: [] };
  }
  if (fields.length === 0) return { status: 'unsigned', summary: 'Tệp không có chữ ký số', signatures: [] };
  const anchors = opts.trustAnchors.map((der) => parseCertificate(der));
  const signatures: SignatureVerdict[] = [];
  for (const [index, field] of fields.entries()) signatures.push(await verifyOne(pdf, field, index, anchors, opts.now));
  const status: SignatureStatus = signatures.some((s) => s.status === 'invalid') ? 'invalid' : signatures.some((s) => s.status === 'warning') ? 'warning' : 'valid';
  const summary =
    signatures.length === 1
      ? signatures[0]!.summary
      : `${signatures.length} chữ ký: ${signatures.filter((s) => s.status !== 'invalid').length} hợp lệ, ${signatures.filter((s) => s.status === 'invalid').length} không hợp lệ`;
  return { status, summary, signatures };
}

async function verifyOne(pdf: Uint8Array, field: PdfSignatureField, index: number, anchors: pkijs.Certificate[], now: Date): Promise<SignatureVerdict> {
  const checks: SignatureCheck[] = [];
  const add = (key: CheckKey, result: CheckResult, message: string) => checks.push({ key, result, message });
  const verdict: SignatureVerdict = {
    index,
    status: 'invalid',
    summary: '',
    signerName: null,
    organisation: null,
    issuerName: null,
    certSha256: null,
    claimedAt: field.claimedAt?.toISOString() ?? null,
    timestampAt: null,
    level: null,
    checks,
  };
  const finish = () => finishVerdict(verdict);

  let signed: pkijs.SignedData;
  try {
    signed = parseSignedData(field.cms);
  } catch {
    add('format', 'fail', 'Nội dung chữ ký không phải cấu trúc CMS đọc được');
    return finish();
  }
  const signerInfo = signed.signerInfos[0];
  const cert = signerCertificate(signed);
  if (!signerInfo || !cert) {
    add('format', 'fail', 'Chữ ký không kèm chứng thư số của người ký');
    return finish();
  }
  const who = describeCertificate(cert);
  verdict.signerName = who.commonName;
  verdict.organisation = who.organisation;
  verdict.issuerName = who.issuerName;
  verdict.certSha256 = hex(await sha256(certificateDer(cert)));
  const pades = field.subFilter === 'ETSI.CAdES.detached';
  if (pades || field.subFilter === 'adbe.pkcs7.detached') add('format', 'ok', pades ? 'Định dạng PAdES (ETSI.CAdES.detached)' : 'Định dạng chữ ký PDF (adbe.pkcs7.detached)');
  else {
    add('format', 'fail', `Định dạng chữ ký không được hỗ trợ (${field.subFilter ?? 'không rõ'})`);
    return finish();
  }

  // Integrity: the covered bytes against the signed message digest.
  const covered = signedBytes(pdf, field.byteRange);
  const hashName = HASH_NAMES[signerInfo.digestAlgorithm.algorithmId];
  const digestAttr = findAttribute(signerInfo.signedAttrs, OID.messageDigest)?.values[0];
  if (!hashName || !(digestAttr instanceof asn1js.OctetString)) {
    add('integrity', 'fail', 'Chữ ký thiếu giá trị băm của tài liệu');
    return finish();
  }
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest(hashName, covered as BufferSource));
  if (!equalBytes(digest, new Uint8Array(digestAttr.valueBlock.valueHexView))) {
    add('integrity', 'fail', 'Tài liệu đã bị sửa đổi sau khi ký');
    return finish();
  }
  add('integrity', 'ok', 'Tài liệu không bị sửa đổi sau khi ký');

  try {
    const result = await signed.verify({ signer: 0, data: covered.buffer as ArrayBuffer, extendedMode: true });
    if (!result.signatureVerified) throw new Error('signature');
    add('signature', 'ok', 'Chữ ký khớp với khóa của chứng thư số');
  } catch {
    add('signature', 'fail', 'Chữ ký không khớp với chứng thư số kèm theo');
    return finish();
  }

  const boundHashAttr = findAttribute(signerInfo.signedAttrs, OID.signingCertificateV2);
  const boundHash = boundHashAttr ? signingCertificateV2Hash(boundHashAttr) : null;
  if (!boundHashAttr) add('certificate', 'warn', 'Chữ ký không gắn với chứng thư (thiếu signing-certificate-v2)');
  else if (!boundHash || !equalBytes(boundHash, await sha256(certificateDer(cert)))) {
    add('certificate', 'fail', 'Chứng thư số kèm theo không phải chứng thư đã ký');
    return finish();
  } else add('certificate', 'ok', 'Chữ ký gắn với đúng chứng thư số của người ký');

  // The time the certificate must have been valid at.
  let at: Date;
  const tokenAttr = findAttribute(signerInfo.unsignedAttrs, OID.signatureTimeStampToken);
  if (tokenAttr) {
    const ts = await verifyTimestamp(tokenAttr, new Uint8Array(signerInfo.signature.valueBlock.valueHexView), anchors);
    if (!ts.ok) {
      add('timestamp', 'fail', ts.message);
      return finish();
    }
    at = ts.time;
    verdict.timestampAt = at.toISOString();
    add('timestamp', 'ok', `Có dấu thời gian: ${formatDateTimeVi(at)} (${ts.authority})`);
  } else if (field.claimedAt) {
    at = field.claimedAt;
    add('timestamp', 'warn', `Chưa có dấu thời gian; thời điểm ký do máy ký tự ghi: ${formatDateTimeVi(at)}`);
  } else {
    at = now;
    add('timestamp', 'warn', 'Chữ ký không ghi thời điểm ký; kiểm tra theo thời điểm hiện tại');
  }
  verdict.level = pades && boundHashAttr ? (tokenAttr ? 'B-T' : 'B-B') : null;

  if (at < cert.notBefore.value) {
    add('validity', 'fail', `Chứng thư số chưa có hiệu lực lúc ký (hiệu lực từ ${formatDateTimeVi(cert.notBefore.value)})`);
    return finish();
  }
  if (at > cert.notAfter.value) {
    add('validity', 'fail', `Chứng thư số đã hết hạn lúc ký (hết hạn ${formatDateTimeVi(cert.notAfter.value)})`);
    return finish();
  }
  add('validity', 'ok', `Chứng thư số còn hiệu lực lúc ký (đến ${formatDateTimeVi(cert.notAfter.value)})`);

  const chain = await chainToTrustList(cert, signed.certificates ?? [], anchors, at);
  if (!chain.ok) {
    add('chain', 'fail', chain.message);
    return finish();
  }
  add('chain', 'ok', `Chứng thư số do ${who.issuerName} cấp, thuộc danh sách tin cậy`);

  const revocation = await revocationStatus(signed, cert, at);
  add('revocation', revocation.result, revocation.message);

  if (field.coversWholeFile) add('coverage', 'ok', 'Chữ ký bao toàn bộ tệp');
  else add('coverage', 'warn', 'Tệp có thêm nội dung sau chữ ký này');
  return finish();
}

function finishVerdict(v: SignatureVerdict): SignatureVerdict {
  const failed = v.checks.find((c) => c.result === 'fail');
  if (failed) {
    v.status = 'invalid';
    v.summary = `Chữ ký KHÔNG hợp lệ: ${failed.message}`;
  } else if (v.checks.some((c) => c.result === 'warn')) {
    v.status = 'warning';
    v.summary = `Chữ ký hợp lệ, cần lưu ý: ${v.checks
      .filter((c) => c.result === 'warn')
      .map((c) => c.message)
      .join('; ')}`;
  } else {
    v.status = 'valid';
    v.summary = 'Chữ ký hợp lệ';
  }
  return v;
}

/** Chain building and checking by pkijs's own engine, at the signing time. */
export async function chainToTrustList(
  cert: pkijs.Certificate,
  carried: readonly unknown[],
  anchors: pkijs.Certificate[],
  at: Date,
): Promise<{ ok: true; path: pkijs.Certificate[] } | { ok: false; message: string }> {
  if (anchors.length === 0) return { ok: false, message: 'Chưa có danh sách chứng thư tin cậy để đối chiếu' };
  const certs = carried.filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: anchors, certs: [...certs, cert], checkDate: at });
  const result = await engine.verify().catch((err: unknown) => ({ result: false, resultCode: -1, resultMessage: String(err), certificatePath: undefined }));
  if (result.result) return { ok: true, path: result.certificatePath ?? [] };
  if (result.resultCode === 8) return { ok: false, message: 'Một chứng thư trong chuỗi chứng thực không còn hiệu lực lúc ký' };
  return { ok: false, message: 'Chứng thư số không thuộc danh sách tin cậy (không dựng được chuỗi tới tổ chức cung cấp dịch vụ chứng thực được tin cậy)' };
}

async function verifyTimestamp(
  attr: pkijs.Attribute,
  signatureValue: Uint8Array,
  anchors: pkijs.Certificate[],
): Promise<{ ok: true; time: Date; authority: string } | { ok: false; message: string }> {
  try {
    const info = new pkijs.ContentInfo({ schema: attr.values[0] });
    const token = new pkijs.SignedData({ schema: info.content });
    const result = await token.verify({ signer: 0, data: signatureValue.slice().buffer, extendedMode: true });
    if (!result.signatureVerified) return { ok: false, message: 'Dấu thời gian không hợp lệ' };
    const eContent = token.encapContentInfo.eContent;
    if (!eContent) return { ok: false, message: 'Dấu thời gian không có nội dung' };
    const tst = pkijs.TSTInfo.fromBER(eContent.getValue());
    const tsaCert = signerCertificate(token);
    if (!tsaCert) return { ok: false, message: 'Dấu thời gian không kèm chứng thư của đơn vị cấp dấu thời gian' };
    const chain = await chainToTrustList(tsaCert, token.certificates ?? [], anchors, tst.genTime);
    if (!chain.ok) return { ok: false, message: `Đơn vị cấp dấu thời gian không được tin cậy: ${chain.message}` };
    return { ok: true, time: tst.genTime, authority: describeCertificate(tsaCert).commonName };
  } catch {
    return { ok: false, message: 'Dấu thời gian không khớp với chữ ký' };
  }
}

/** The OCSP answers and CRLs a CMS carries: CAdES revocation-values, and SignedData.crls. */
function carriedRevocationData(signed: pkijs.SignedData): { ocsps: pkijs.BasicOCSPResponse[]; crls: pkijs.CertificateRevocationList[] } {
  const ocsps: pkijs.BasicOCSPResponse[] = [];
  const crls: pkijs.CertificateRevocationList[] = [];
  const attr = findAttribute(signed.signerInfos[0]?.unsignedAttrs, OID.revocationValues)?.values[0];
  for (const tagged of attr instanceof asn1js.Sequence ? attr.valueBlock.value : []) {
    const list = (tagged as asn1js.Constructed).valueBlock?.value?.[0];
    if (!(list instanceof asn1js.Sequence)) continue;
    for (const item of list.valueBlock.value) {
      try {
        if (tagged.idBlock.tagNumber === 0) crls.push(new pkijs.CertificateRevocationList({ schema: item }));
        if (tagged.idBlock.tagNumber === 1) ocsps.push(new pkijs.BasicOCSPResponse({ schema: item }));
      } catch {
        continue; // an unreadable entry is no evidence either way
      }
    }
  }
  for (const choice of signed.crls ?? []) {
    if (choice instanceof pkijs.CertificateRevocationList) crls.push(choice);
    else if (choice instanceof pkijs.OtherRevocationInfoFormat && choice.otherRevInfoFormat === OID.ocspResponse) {
      const basic = basicFromResponse(new pkijs.OCSPResponse({ schema: choice.otherRevInfo }));
      if (basic) ocsps.push(basic);
    }
  }
  return { ocsps, crls };
}

/** Revocation of the signer's certificate at signing time, from the data the CMS carries. */
export async function revocationStatus(
  signed: pkijs.SignedData,
  cert: pkijs.Certificate,
  at: Date,
): Promise<{ result: CheckResult; message: string; state: 'good' | 'revoked' | 'unknown' }> {
  const carried = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const issuer = carried.find((c) => c.subject.isEqual(cert.issuer) && c !== cert);
  if (!issuer) return { result: 'warn', state: 'unknown', message: 'Chưa kiểm tra được tình trạng thu hồi (thiếu chứng thư của nơi cấp)' };
  const revokedVerdict = (revokedAt: Date | null, how: string) =>
    !revokedAt || revokedAt <= at
      ? { result: 'fail' as const, state: 'revoked' as const, message: `Chứng thư số đã bị thu hồi${revokedAt ? ` từ ${formatDateTimeVi(revokedAt)}` : ''}, trước lúc ký (${how})` }
      : { result: 'ok' as const, state: 'good' as const, message: `Chứng thư số bị thu hồi sau lúc ký (${formatDateTimeVi(revokedAt)})` };
  const { ocsps, crls } = carriedRevocationData(signed);
  for (const basic of ocsps) {
    try {
      if (!(await basic.verify({ trustedCerts: [issuer], issuerCerts: [issuer], trustedResponders: [issuer] }))) continue;
      const status = await basic.getCertificateStatus(cert, issuer);
      if (!status.isForCertificate) continue;
      if (status.status === 0) return { result: 'ok', state: 'good', message: 'Chứng thư số chưa bị thu hồi (theo OCSP)' };
      if (status.status === 1) return revokedVerdict(revokedTimeOf(basic, cert), 'theo OCSP');
    } catch {
      continue; // a response we cannot check proves nothing; the next one may
    }
  }
  for (const crl of crls) {
    try {
      if (!crl.issuer.isEqual(cert.issuer) || !(await crl.verify({ issuerCertificate: issuer }))) continue;
      const entry = crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(cert.serialNumber));
      if (!entry) return { result: 'ok', state: 'good', message: 'Chứng thư số chưa bị thu hồi (theo danh sách thu hồi CRL)' };
      return revokedVerdict(entry.revocationDate.value, 'theo CRL');
    } catch {
      continue; // as above
    }
  }
  return { result: 'warn', state: 'unknown', message: 'Chưa kiểm tra tình trạng thu hồi của chứng thư số' };
}

function basicFromResponse(response: pkijs.OCSPResponse): pkijs.BasicOCSPResponse | null {
  const bytes = response.responseBytes;
  if (!bytes || bytes.responseType !== '1.3.6.1.5.5.7.48.1.1') return null;
  return pkijs.BasicOCSPResponse.fromBER(bytes.response.valueBlock.valueHexView.slice());
}

function revokedTimeOf(basic: pkijs.BasicOCSPResponse, cert: pkijs.Certificate): Date | null {
  for (const r of basic.tbsResponseData.responses) {
    if (!r.certID.serialNumber.isEqual(cert.serialNumber)) continue;
    const status = r.certStatus as asn1js.Constructed;
    const time = status?.valueBlock?.value?.[0];
    if (time instanceof asn1js.GeneralizedTime) return time.toDate();
  }
  return null;
}
