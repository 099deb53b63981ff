/**
 * A test certificate authority made fresh by each test file, built with pkijs over WebCrypto:
 * root → intermediate → the officer's and the commune's certificates, plus the bad cases
 * (expired, not yet valid, revoked, from a CA nobody trusts) and a timestamp authority.
 *
 * Every validity window is set from the instant the test passes in (its own clock), never from
 * today's date, so the suite passes on any day.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;

export interface Identity {
  label: string;
  cert: pkijs.Certificate;
  der: Uint8Array;
  keys: CryptoKeyPair;
  /** PKCS#11 CKA_ID shared by the key and the certificate on the token. */
  id: Uint8Array;
}

export interface TestPki {
  root: Identity;
  intermediate: Identity;
  officer: Identity;
  organisation: Identity;
  expired: Identity;
  notYetValid: Identity;
  revoked: Identity;
  untrustedRoot: Identity;
  untrusted: Identity;
  tsa: Identity;
  /** Where the leaf certificates say their CRL and OCSP live (tests/support/signing/pki-services.ts); null: nowhere. */
  urls: { crl: string; ocsp: string } | null;
}

type Attr = [oid: string, value: string];
const CN = '2.5.4.3';
const O = '2.5.4.10';
const C = '2.5.4.6';

function name(attrs: Attr[]): pkijs.RelativeDistinguishedNames {
  // One attribute per RDN, as CAs issue them (pkijs alone would put all of them in one SET).
  const rdns = attrs.map(
    ([type, value]) =>
      new asn1js.Set({
        value: [new pkijs.AttributeTypeAndValue({ type, value: type === C ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }) }).toSchema()],
      }),
  );
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false)).result });
}

let serial = 0x1000;

interface IssueOptions {
  label: string;
  subject: Attr[];
  notBefore: Date;
  notAfter: Date;
  issuer?: Identity;
  ca?: boolean;
  extendedKeyUsage?: string[];
  urls?: { crl: string; ocsp: string };
}

async function issue(o: IssueOptions): Promise<Identity> {
  const keys = (await crypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  serial += 1;
  cert.serialNumber = new asn1js.Integer({ value: serial });
  cert.subject = name(o.subject);
  cert.issuer = o.issuer ? o.issuer.cert.subject : cert.subject;
  cert.notBefore.value = o.notBefore;
  cert.notAfter.value = o.notAfter;
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  const ski = new Uint8Array(await crypto.subtle.digest('SHA-1', cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.slice()));
  const extensions: pkijs.Extension[] = [
    new pkijs.Extension({ extnID: pkijs.id_BasicConstraints, critical: true, extnValue: new pkijs.BasicConstraints({ cA: o.ca === true }).toSchema().toBER(false) }),
    new pkijs.Extension({
      extnID: pkijs.id_KeyUsage,
      critical: true,
      // digitalSignature + nonRepudiation for signers; keyCertSign + cRLSign for CAs.
      extnValue: new asn1js.BitString({ valueHex: new Uint8Array(o.ca ? [0x06] : [0xc0]).buffer, unusedBits: o.ca ? 1 : 6 }).toBER(false),
    }),
    new pkijs.Extension({ extnID: pkijs.id_SubjectKeyIdentifier, extnValue: new asn1js.OctetString({ valueHex: ski }).toBER(false) }),
  ];
  if (o.issuer) {
    const aki = o.issuer.cert.extensions?.find((e) => e.extnID === pkijs.id_SubjectKeyIdentifier);
    const keyIdentifier = aki ? (asn1js.fromBER(aki.extnValue.valueBlock.valueHexView).result as asn1js.OctetString) : undefined;
    if (keyIdentifier) {
      extensions.push(
        new pkijs.Extension({
          extnID: pkijs.id_AuthorityKeyIdentifier,
          extnValue: new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier.valueBlock.valueHexView }) }).toSchema().toBER(false),
        }),
      );
    }
  }
  if (o.extendedKeyUsage) {
    extensions.push(
      new pkijs.Extension({ extnID: pkijs.id_ExtKeyUsage, critical: true, extnValue: new pkijs.ExtKeyUsage({ keyPurposes: o.extendedKeyUsage }).toSchema().toBER(false) }),
    );
  }
  if (o.urls) {
    const uri = (value: string) => new pkijs.GeneralName({ type: 6, value });
    extensions.push(
      new pkijs.Extension({
        extnID: pkijs.id_CRLDistributionPoints,
        extnValue: new pkijs.CRLDistributionPoints({ distributionPoints: [new pkijs.DistributionPoint({ distributionPoint: [uri(o.urls.crl)] })] }).toSchema().toBER(false),
      }),
      new pkijs.Extension({
        extnID: pkijs.id_AuthorityInfoAccess,
        extnValue: new pkijs.InfoAccess({ accessDescriptions: [new pkijs.AccessDescription({ accessMethod: pkijs.id_ad_ocsp, accessLocation: uri(o.urls.ocsp) })] })
          .toSchema()
          .toBER(false),
      }),
    );
  }
  cert.extensions = extensions;
  await cert.sign(o.issuer ? o.issuer.keys.privateKey : keys.privateKey, 'SHA-256');
  const der = new Uint8Array(cert.toSchema(true).toBER(false));
  const id = new Uint8Array([serial >> 8, serial & 0xff]);
  return { label: o.label, cert, der, keys, id };
}

/** The whole test PKI, valid around `at` (the test's fixed clock). */
export async function makeTestPki(at: Date, urls: { crl: string; ocsp: string } | null = { crl: 'http://127.0.0.1:9/ca.crl', ocsp: 'http://127.0.0.1:9/ocsp' }): Promise<TestPki> {
  const t = at.getTime();
  const span = (fromYears: number, toYears: number) => ({ notBefore: new Date(t + fromYears * YEAR), notAfter: new Date(t + toYears * YEAR) });
  const root = await issue({ label: 'root', subject: [[C, 'VN'], [O, 'Cơ quan chứng thực thử nghiệm'], [CN, 'Test Root CA']], ca: true, ...span(-5, 15) });
  const intermediate = await issue({ label: 'intermediate', subject: [[C, 'VN'], [O, 'Cơ quan chứng thực thử nghiệm'], [CN, 'Test Issuing CA']], ca: true, issuer: root, ...span(-4, 10) });
  const leaf = (label: string, cn: string, from: number, to: number, extra: Partial<IssueOptions> = {}) =>
    issue({ label, subject: [[C, 'VN'], [O, 'UBND xã Tân Lập'], [CN, cn]], issuer: intermediate, ...(urls ? { urls } : {}), ...span(from, to), ...extra });
  const officer = await leaf('officer', 'Nguyễn Thị Hồng Đào', -1, 2);
  const organisation = await leaf('organisation', 'Ủy ban nhân dân xã Tân Lập', -1, 3);
  const expired = await leaf('expired', 'Trần Văn Hết Hạn', -3, -1);
  const notYetValid = await leaf('notYetValid', 'Lê Thị Chưa Tới', 1, 3);
  const revoked = await leaf('revoked', 'Phạm Văn Thu Hồi', -1, 2);
  const tsa = await leaf('tsa', 'Test Time-Stamping Authority', -1, 5, { extendedKeyUsage: ['1.3.6.1.5.5.7.3.8'], urls: undefined });
  const untrustedRoot = await issue({ label: 'untrustedRoot', subject: [[CN, 'Unknown Root CA']], ca: true, ...span(-5, 15) });
  const untrusted = await issue({ label: 'untrusted', subject: [[O, 'Không rõ'], [CN, 'Hoàng Văn Lạ']], issuer: untrustedRoot, ...span(-1, 2) });
  return { root, intermediate, officer, organisation, expired, notYetValid, revoked, untrustedRoot, untrusted, tsa, urls };
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** The private key as PKCS#8 PEM (softhsm2-util --import takes this). */
export async function privateKeyPem(keys: CryptoKeyPair): Promise<string> {
  return toPem(new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey)), 'PRIVATE KEY');
}
