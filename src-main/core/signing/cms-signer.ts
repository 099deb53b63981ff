/**
 * The CMS of a PAdES baseline B-B signature, built with pkijs and signed by the token:
 * signed attributes content-type, message-digest and signing-certificate-v2, and no
 * signing-time (ETSI EN 319 142-1 §6.3: the claimed time is the /M of the signature dictionary
 * instead [M]). The certificates carried are the signer's and the chain up to its root, so a
 * verifier with only the root in its trust list can build the path.
 *
 * @signpdf/signpdf computes the ByteRange and hands us the covered bytes; pkijs encodes the
 * signed attributes; our CryptoEngine hands those bytes to the token instead of a WebCrypto key.
 */
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { encodeSignedData, OID, sha256, signingCertificateV2Attribute } from '@shared/signing/cms';
import type { SigningSession } from './token';

/** A pkijs engine whose only private-key operation is the token's. */
class TokenCryptoEngine extends pkijs.CryptoEngine {
  constructor(private readonly session: SigningSession) {
    super({ name: 'pkcs11-token', crypto: globalThis.crypto });
  }

  override async signWithPrivateKey(data: BufferSource): Promise<ArrayBuffer> {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return this.session.signSha256(bytes).slice().buffer;
  }
}

/** Stands for the token's key in pkijs: only its algorithm is ever read. */
const TOKEN_RSA_KEY = { algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } }, type: 'private' } as unknown as CryptoKey;

export async function buildSignedCms(coveredBytes: Uint8Array, cert: pkijs.Certificate, chain: pkijs.Certificate[], session: SigningSession): Promise<Uint8Array> {
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: await sha256(coveredBytes) })] }),
    await signingCertificateV2Attribute(cert),
  ];
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [cert, ...chain],
  });
  await signed.sign(TOKEN_RSA_KEY, 0, 'SHA-256', undefined, new TokenCryptoEngine(session));
  return encodeSignedData(signed);
}

/** The @signpdf Signer over the token: signpdf places what this returns into /Contents. */
export class TokenPdfSigner extends Signer {
  constructor(
    private readonly cert: pkijs.Certificate,
    private readonly chain: pkijs.Certificate[],
    private readonly session: SigningSession,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return Buffer.from(await buildSignedCms(new Uint8Array(pdfBuffer), this.cert, this.chain, this.session));
  }
}
