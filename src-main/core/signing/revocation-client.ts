/**
 * Asks whether a certificate is revoked: OCSP at the address its Authority Information Access
 * names, else the CRL at its CRL Distribution Point. The answer is checked against the issuer's
 * key and returned as the CRL or the BasicOCSPResponse itself (augment.ts decides where it goes).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '@shared/errors';
import { postOrGet } from './http';

export interface RevocationAnswer {
  source: 'ocsp' | 'crl';
  url: string;
  state: 'good' | 'revoked' | 'unknown';
  crl?: pkijs.CertificateRevocationList;
  ocsp?: pkijs.BasicOCSPResponse;
}

function extension<T>(cert: pkijs.Certificate, oid: string, read: (schema: asn1js.AsnType) => T): T | null {
  const ext = cert.extensions?.find((e) => e.extnID === oid);
  if (!ext) return null;
  return read(asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result);
}

function ocspUrl(cert: pkijs.Certificate): string | null {
  const aia = extension(cert, pkijs.id_AuthorityInfoAccess, (schema) => new pkijs.InfoAccess({ schema }));
  const found = aia?.accessDescriptions.find((d) => d.accessMethod === pkijs.id_ad_ocsp && d.accessLocation.type === 6);
  return typeof found?.accessLocation.value === 'string' ? found.accessLocation.value : null;
}

function crlUrl(cert: pkijs.Certificate): string | null {
  const cdp = extension(cert, pkijs.id_CRLDistributionPoints, (schema) => new pkijs.CRLDistributionPoints({ schema }));
  for (const point of cdp?.distributionPoints ?? []) {
    const names = Array.isArray(point.distributionPoint) ? point.distributionPoint : [];
    const uri = names.find((n) => n.type === 6 && typeof n.value === 'string' && /^https?:/i.test(n.value));
    if (uri) return uri.value as string;
  }
  return null;
}

export async function checkRevocation(cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<RevocationAnswer> {
  const ocsp = ocspUrl(cert);
  let lastError: unknown = null;
  if (ocsp) {
    try {
      return await askOcsp(ocsp, cert, issuer);
    } catch (err) {
      lastError = err;
    }
  }
  const crl = crlUrl(cert);
  if (crl) return askCrl(crl, cert, issuer);
  if (lastError) throw lastError;
  throw new AppError('UNAVAILABLE', 'Chứng thư số không ghi nơi kiểm tra thu hồi (OCSP/CRL)');
}

async function askOcsp(url: string, cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<RevocationAnswer> {
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(cert, { hashAlgorithm: 'SHA-256', issuerCertificate: issuer });
  const reply = await postOrGet(url, new Uint8Array(request.toSchema(true).toBER(false)), 'application/ocsp-request');
  const response = pkijs.OCSPResponse.fromBER(reply);
  if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) throw new AppError('UNAVAILABLE', 'Máy chủ OCSP không trả lời được');
  const basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView.slice());
  if (!(await basic.verify({ trustedCerts: [issuer], issuerCerts: [issuer], trustedResponders: [issuer] }))) throw new AppError('UNAVAILABLE', 'Trả lời OCSP không có chữ ký hợp lệ của nơi cấp');
  const status = await basic.getCertificateStatus(cert, issuer);
  if (!status.isForCertificate) throw new AppError('UNAVAILABLE', 'Trả lời OCSP không nói về chứng thư này');
  return {
    source: 'ocsp',
    url,
    state: status.status === 0 ? 'good' : status.status === 1 ? 'revoked' : 'unknown',
    ocsp: basic,
  };
}

async function askCrl(url: string, cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<RevocationAnswer> {
  const crl = pkijs.CertificateRevocationList.fromBER(await postOrGet(url, null, null));
  if (!(await crl.verify({ issuerCertificate: issuer }))) throw new AppError('UNAVAILABLE', 'Danh sách thu hồi (CRL) không có chữ ký hợp lệ của nơi cấp');
  return { source: 'crl', url, state: crl.isCertificateRevoked(cert) ? 'revoked' : 'good', crl };
}
