/**
 * Adds what an offline signature still owes (the RFC 3161 signature-time-stamp, the OCSP answer
 * or CRL) without touching anything the signature covers: only the unsigned attributes of the
 * CMS inside the reserved /Contents are rewritten, so the ByteRange, the signed attributes and
 * the signature value stay as they were, and the result is a new file with its own hash.
 *
 * Revocation data goes in the CAdES revocation-values unsigned attribute (ETSI TS 101 733), not
 * in SignedData.crls: NSS (poppler's pdfsig, Firefox) refuses a CMS whose crls hold an RFC 5940
 * OCSP response, and the PAdES place for it (a DSS dictionary) needs an incremental update.
 *
 * Why not a document timestamp in an incremental update (PAdES B-LTA style)? It needs a second
 * signature dictionary appended after the first; the reserved space already exists here, the
 * file stays one revision, and a signature-time-stamp is exactly what B-T asks for.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '@shared/errors';
import { encodeSignedData, OID, parseSignedData } from '@shared/signing/cms';
import { bytesToHex, findPdfSignatures } from '@shared/signing/pdf-signatures';

export interface Additions {
  timestampToken?: Uint8Array;
  revocation?: { crl?: pkijs.CertificateRevocationList; ocsp?: pkijs.BasicOCSPResponse };
}

/** RevocationValues ::= SEQUENCE { crlVals [0] SEQUENCE OF CertificateList, ocspVals [1] SEQUENCE OF BasicOCSPResponse } (explicit tags). */
function revocationValues(r: NonNullable<Additions['revocation']>): asn1js.Sequence {
  const tagged = (tagNumber: number, items: asn1js.AsnType[]) => new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber }, value: [new asn1js.Sequence({ value: items })] });
  return new asn1js.Sequence({ value: [...(r.crl ? [tagged(0, [r.crl.toSchema()])] : []), ...(r.ocsp ? [tagged(1, [r.ocsp.toSchema()])] : [])] });
}

export function signatureValueOf(pdf: Uint8Array): Uint8Array {
  const field = findPdfSignatures(pdf).at(-1);
  if (!field) throw new AppError('INVALID_INPUT', 'Tệp không có chữ ký số');
  const signer = parseSignedData(field.cms).signerInfos[0];
  if (!signer) throw new AppError('INVALID_INPUT', 'Chữ ký không có người ký');
  return new Uint8Array(signer.signature.valueBlock.valueHexView);
}

export function augmentSignedPdf(pdf: Uint8Array, add: Additions): Uint8Array {
  const field = findPdfSignatures(pdf).at(-1);
  if (!field) throw new AppError('INVALID_INPUT', 'Tệp không có chữ ký số');
  const signed = parseSignedData(field.cms);
  const signer = signed.signerInfos[0]!;
  const replaced = new Map<string, pkijs.Attribute>();
  if (add.timestampToken) replaced.set(OID.signatureTimeStampToken, new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [asn1js.fromBER(add.timestampToken).result] }));
  if (add.revocation) replaced.set(OID.revocationValues, new pkijs.Attribute({ type: OID.revocationValues, values: [revocationValues(add.revocation)] }));
  if (replaced.size > 0) {
    const kept = signer.unsignedAttrs?.attributes.filter((a) => !replaced.has(a.type)) ?? [];
    signer.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [...kept, ...replaced.values()] });
  }
  const hex = bytesToHex(encodeSignedData(signed));
  const room = field.contentsEnd - field.contentsStart;
  if (hex.length > room) throw new AppError('PAYLOAD_TOO_LARGE', 'Dữ liệu bổ sung lớn hơn chỗ dành sẵn trong chữ ký');
  const out = new Uint8Array(pdf);
  out.set(new TextEncoder().encode(hex.padEnd(room, '0')), field.contentsStart);
  return out;
}
