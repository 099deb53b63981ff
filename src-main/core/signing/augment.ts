/**
 * Adds what an offline signature still owes (the RFC 3161 signature-time-stamp, the OCSP answer
 * or CRL) without touching anything the signature covers: only the unsigned part of the CMS
 * inside the reserved /Contents is rewritten, so the ByteRange, the signed attributes and the
 * signature value stay as they were, and the result is a new file with its own hash.
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
  revocation?: pkijs.OtherRevocationInfoFormat | pkijs.CertificateRevocationList;
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
  if (add.timestampToken) {
    const others = signer.unsignedAttrs?.attributes.filter((a) => a.type !== OID.signatureTimeStampToken) ?? [];
    const token = asn1js.fromBER(add.timestampToken).result;
    signer.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [...others, new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [token] })],
    });
  }
  if (add.revocation) signed.crls = [...(signed.crls ?? []), add.revocation];
  const hex = bytesToHex(encodeSignedData(signed));
  const room = field.contentsEnd - field.contentsStart;
  if (hex.length > room) throw new AppError('PAYLOAD_TOO_LARGE', 'Dữ liệu bổ sung lớn hơn chỗ dành sẵn trong chữ ký');
  const out = new Uint8Array(pdf);
  out.set(new TextEncoder().encode(hex.padEnd(room, '0')), field.contentsStart);
  return out;
}
