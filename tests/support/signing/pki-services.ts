/**
 * The network side of a PKI, on 127.0.0.1, built with pkijs: an RFC 3161 timestamp authority,
 * an OCSP responder and a CRL, all answering from the test's clock and the test CA
 * (tests/support/signing/pki.ts). `down = true` makes every connection drop, as when the commune's
 * link is cut.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, sha256, signingCertificateV2Attribute } from '../../../src-shared/signing/cms';
import type { Clock } from '../../../src-main/core/clock';
import type { Identity, TestPki } from './pki';

export interface PkiServices {
  url: string;
  tsaUrl: string;
  crlUrl: string;
  ocspUrl: string;
  /** Drop every connection (the link is down). */
  down: boolean;
  /** Requests answered, by kind. */
  served: { tsa: number; ocsp: number; crl: number };
  close(): Promise<void>;
}

/** When the revoked certificate was revoked: a day before the test's clock. */
export function revokedAt(clock: Clock): Date {
  return new Date(clock.now().getTime() - 86_400_000);
}

async function readBody(req: http.IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

let tstSerial = 1;

async function timestampReply(body: Uint8Array, tsa: Identity, issuer: Identity, clock: Clock): Promise<Uint8Array> {
  const request = pkijs.TimeStampReq.fromBER(body.slice());
  const info = new pkijs.TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.99999.1.1',
    messageImprint: request.messageImprint,
    serialNumber: new asn1js.Integer({ value: tstSerial++ }),
    genTime: clock.now(),
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  const infoDer = new Uint8Array(info.toSchema().toBER(false));
  const signed = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.tstInfo, eContent: new asn1js.OctetString({ valueHex: infoDer }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: tsa.cert.issuer, serialNumber: tsa.cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })] }),
            new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: await sha256(infoDer) })] }),
            await signingCertificateV2Attribute(tsa.cert),
          ],
        }),
      }),
    ],
    certificates: [tsa.cert, issuer.cert],
  });
  await signed.sign(tsa.keys.privateKey, 0, 'SHA-256');
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: 0 }),
    timeStampToken: new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

async function ocspReply(body: Uint8Array, pki: TestPki, clock: Clock): Promise<Uint8Array> {
  const request = pkijs.OCSPRequest.fromBER(body.slice());
  const issuer = pki.intermediate;
  const basic = new pkijs.BasicOCSPResponse();
  basic.tbsResponseData.responderID = issuer.cert.subject;
  basic.tbsResponseData.producedAt = clock.now();
  for (const r of request.tbsRequest.requestList) {
    const revoked = r.reqCert.serialNumber.isEqual(pki.revoked.cert.serialNumber);
    const certStatus = revoked
      ? new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: revokedAt(clock) })] })
      : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
    basic.tbsResponseData.responses.push(new pkijs.SingleResponse({ certID: r.reqCert, certStatus, thisUpdate: clock.now() }));
  }
  basic.certs = [issuer.cert];
  await basic.sign(issuer.keys.privateKey, 'SHA-256');
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({ responseType: '1.3.6.1.5.5.7.48.1.1', response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }) }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

export async function makeCrl(pki: TestPki, clock: Clock): Promise<Uint8Array> {
  const issuer = pki.intermediate;
  const now = clock.now();
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: issuer.cert.subject,
    thisUpdate: new pkijs.Time({ type: 0, value: now }),
    nextUpdate: new pkijs.Time({ type: 0, value: new Date(now.getTime() + 7 * 86_400_000) }),
    revokedCertificates: [new pkijs.RevokedCertificate({ userCertificate: pki.revoked.cert.serialNumber, revocationDate: new pkijs.Time({ type: 0, value: revokedAt(clock) }) })],
  });
  await crl.sign(issuer.keys.privateKey, 'SHA-256');
  return new Uint8Array(crl.toSchema(true).toBER(false));
}

/**
 * Starts the services. The certificates name their CRL/OCSP addresses when issued, so the port
 * is chosen first (`port`, 0 for any) and the PKI is made for it by the caller (see `listen`).
 */
export async function startPkiServices(pkiFor: (urls: { crl: string; ocsp: string }) => Promise<TestPki>, clock: Clock): Promise<{ pki: TestPki; services: PkiServices }> {
  let pki: TestPki | null = null;
  const state = { down: false, served: { tsa: 0, ocsp: 0, crl: 0 } };
  const server = http.createServer((req, res) => {
    if (state.down || !pki) {
      req.socket.destroy();
      return;
    }
    const ready = pki;
    void (async () => {
      try {
        if (req.method === 'POST' && req.url === '/tsa') {
          const reply = await timestampReply(await readBody(req), ready.tsa, ready.intermediate, clock);
          state.served.tsa += 1;
          res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(Buffer.from(reply));
        } else if (req.method === 'POST' && req.url === '/ocsp') {
          const reply = await ocspReply(await readBody(req), ready, clock);
          state.served.ocsp += 1;
          res.writeHead(200, { 'Content-Type': 'application/ocsp-response' }).end(Buffer.from(reply));
        } else if (req.method === 'GET' && req.url === '/ca.crl') {
          const reply = await makeCrl(ready, clock);
          state.served.crl += 1;
          res.writeHead(200, { 'Content-Type': 'application/pkix-crl' }).end(Buffer.from(reply));
        } else {
          res.writeHead(404).end();
        }
      } catch (err) {
        res.writeHead(500).end(String(err));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pki = await pkiFor({ crl: `${url}/ca.crl`, ocsp: `${url}/ocsp` });
  const services: PkiServices = {
    url,
    tsaUrl: `${url}/tsa`,
    crlUrl: `${url}/ca.crl`,
    ocspUrl: `${url}/ocsp`,
    get down() {
      return state.down;
    },
    set down(v: boolean) {
      state.down = v;
    },
    served: state.served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return { pki, services };
}
