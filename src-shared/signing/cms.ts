/**
 * CMS pieces shared by the signer (core) and the verifier (counter and hub): attribute OIDs, the
 * ESS signing-certificate-v2 attribute (RFC 5035) that PAdES baseline requires, and reading
 * names out of certificates. Structures are built and read with pkijs/asn1js; no bytes by hand.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  revocationValues: '1.2.840.113549.1.9.16.2.24',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ocspResponse: '1.3.6.1.5.5.7.16.2',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  timeStamping: '1.3.6.1.5.5.7.3.8',
} as const;

export async function sha256(bytes: Uint8Array | ArrayBuffer): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function certificateDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  const asn = asn1js.fromBER(der);
  if (asn.offset === -1) throw new Error('not DER');
  return new pkijs.Certificate({ schema: asn.result });
}

/** A certificate from PEM text or DER bytes (administrators paste either). */
export function certificateFromPemOrDer(input: Uint8Array | string): pkijs.Certificate {
  if (typeof input === 'string') {
    const b64 = input.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
    const bin = atob(b64);
    const der = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) der[i] = bin.charCodeAt(i);
    return parseCertificate(der);
  }
  return parseCertificate(input);
}

/** The first value of an attribute in a distinguished name (CN, O…), as text. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((t) => t.type === oid);
  if (!found) return null;
  const block = (found.value as { valueBlock?: { value?: unknown } }).valueBlock;
  return typeof block?.value === 'string' ? block.value.normalize('NFC') : null;
}

/** A CA certificate (basicConstraints cA): what a trust list holds and a signer is not. */
export function isCaCertificate(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === pkijs.id_BasicConstraints);
  if (!ext) return false;
  return new pkijs.BasicConstraints({ schema: asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result }).cA === true;
}

export interface CertificateSummary {
  commonName: string;
  organisation: string | null;
  issuerName: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
}

export function describeCertificate(cert: pkijs.Certificate): CertificateSummary {
  const serial = new Uint8Array(cert.serialNumber.valueBlock.valueHexView);
  return {
    commonName: nameAttribute(cert.subject, OID.commonName) ?? nameAttribute(cert.subject, OID.organisation) ?? '(không tên)',
    organisation: nameAttribute(cert.subject, OID.organisation),
    issuerName: nameAttribute(cert.issuer, OID.commonName) ?? nameAttribute(cert.issuer, OID.organisation) ?? '(không tên)',
    serialHex: Array.from(serial, (b) => b.toString(16).padStart(2, '0')).join(''),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
  };
}

/**
 * signing-certificate-v2 (RFC 5035 ESSCertIDv2, SHA-256 by default so the algorithm is omitted):
 * binds the signature to this exact certificate, so it cannot be swapped for another with the
 * same key.
 */
export async function signingCertificateV2Attribute(cert: pkijs.Certificate): Promise<pkijs.Attribute> {
  const certHash = await sha256(certificateDer(cert));
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }),
    serialNumber: cert.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial.toSchema()] });
  const signingCertificateV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  return new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] });
}

/** The certificate hash a signing-certificate-v2 attribute names (SHA-256 only), or null. */
export function signingCertificateV2Hash(attr: pkijs.Attribute): Uint8Array | null {
  const top = attr.values[0] as asn1js.Sequence | undefined;
  const certs = top?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const first = certs?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const parts = first?.valueBlock.value ?? [];
  let i = 0;
  if (parts[0] instanceof asn1js.Sequence) {
    const alg = new pkijs.AlgorithmIdentifier({ schema: parts[0] });
    if (alg.algorithmId !== OID.sha256) return null;
    i = 1;
  }
  const hash = parts[i];
  return hash instanceof asn1js.OctetString ? new Uint8Array(hash.valueBlock.valueHexView) : null;
}

export function findAttribute(attrs: pkijs.SignedAndUnsignedAttributes | undefined, oid: string): pkijs.Attribute | undefined {
  return attrs?.attributes.find((a) => a.type === oid);
}

export function parseSignedData(cms: Uint8Array): pkijs.SignedData {
  const asn = asn1js.fromBER(cms);
  if (asn.offset === -1) throw new Error('CMS is not DER');
  const info = new pkijs.ContentInfo({ schema: asn.result });
  if (info.contentType !== OID.signedData) throw new Error('CMS is not SignedData');
  return new pkijs.SignedData({ schema: info.content });
}

export function encodeSignedData(signed: pkijs.SignedData): Uint8Array {
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(false) });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** The certificate a SignerInfo names (issuer and serial), among those the CMS carries. */
export function signerCertificate(signed: pkijs.SignedData, index = 0): pkijs.Certificate | null {
  const sid = signed.signerInfos[index]?.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return null;
  for (const c of signed.certificates ?? []) {
    if (c instanceof pkijs.Certificate && c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) return c;
  }
  return null;
}
