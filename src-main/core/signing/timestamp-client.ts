/**
 * RFC 3161 timestamp over a signature value (the signature-time-stamp of PAdES B-T): request
 * built and reply read with pkijs. The reply is checked against our request (imprint, nonce)
 * before it is used.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '@shared/errors';
import { equalBytes, OID, sha256 } from '@shared/signing/cms';
import { postOrGet } from './http';

export interface Timestamp {
  /** The TimeStampToken (a CMS ContentInfo), DER. */
  token: Uint8Array;
  genTime: Date;
}

export async function requestTimestamp(tsaUrl: string, signatureValue: Uint8Array): Promise<Timestamp> {
  const imprint = await sha256(signatureValue);
  const nonce = randomBytes(8);
  nonce[0]! &= 0x7f; // a positive INTEGER
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  const reply = await postOrGet(tsaUrl, new Uint8Array(request.toSchema().toBER(false)), 'application/timestamp-query');
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(reply);
  } catch {
    throw new AppError('UNAVAILABLE', 'Máy chủ dấu thời gian trả lời không đúng định dạng RFC 3161');
  }
  const status = response.status.status;
  if ((status !== 0 && status !== 1) || !response.timeStampToken) throw new AppError('UNAVAILABLE', 'Máy chủ dấu thời gian từ chối cấp dấu thời gian');
  const token = new pkijs.SignedData({ schema: response.timeStampToken.content });
  const eContent = token.encapContentInfo.eContent;
  if (!eContent) throw new AppError('UNAVAILABLE', 'Dấu thời gian trả về không có nội dung');
  const info = pkijs.TSTInfo.fromBER(eContent.getValue());
  const sameImprint = equalBytes(new Uint8Array(info.messageImprint.hashedMessage.valueBlock.valueHexView), imprint);
  const sameNonce = info.nonce !== undefined && equalBytes(new Uint8Array(info.nonce.valueBlock.valueHexView), new Uint8Array(nonce));
  if (!sameImprint || !sameNonce) throw new AppError('UNAVAILABLE', 'Dấu thời gian trả về không khớp với yêu cầu');
  return { token: new Uint8Array(response.timeStampToken.toSchema().toBER(false)), genTime: info.genTime };
}
