/**
 * Ký số: signatures per second of the whole app path — `signing.sign` through core's dispatch on
 * an archived Mẫu 01 (source hash check, pdf-lib appearance, token login, CMS by pkijs, C_Sign,
 * self-verification, durable store, rows and audit; offline, so no timestamp, and the revocation
 * lookups fail at once as on a cut link) — against the baseline of a bare PKCS#11 C_Sign of the
 * same SHA-256 DigestInfo with the same key on the same SoftHSM2 token (a logged-in session, no
 * app around it). Both run in this one process, one after the other, on the same token.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pkcs11js from 'pkcs11js';
import { sha256DigestInfo } from '../src-main/core/signing/token';
import { makeTestPki, toPem } from '../tests/support/signing/pki';
import { createSoftToken, putIdentities, SOFTHSM_MODULE } from '../tests/support/signing/softhsm';
import { printTable, sample, summarise, writeResults } from './stats';
import { openSignedInCore } from './support';

const APP_SIGNATURES = Number(process.env.BENCH_SIGNATURES ?? 60);
const BARE_SIGNATURES = 600;
/** A fixed instant: the test CA is made around it, and core reads it through its Clock. */
const AT = new Date('2026-11-23T02:15:00Z');

export async function runSignBench() {
  const pki = await makeTestPki(AT);
  const token = createSoftToken('Bench-Token', '918273', '56781234');
  await putIdentities(token, [pki.officer]);
  process.env.SOFTHSM2_CONF = token.conf;

  const { core, call, session } = await openSignedInCore('sign', { clock: { now: () => AT } });
  await call('signing.updateSettings', { modulePath: SOFTHSM_MODULE, tsaUrl: null }, session);
  for (const ca of [pki.root, pki.intermediate]) await call('signing.addTrustAnchor', { certificate: toPem(ca.der) }, session);
  const dossier = await call('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Nguyễn Văn Đo' }, pages: 1, copies: 1 }, session);
  const printed = await call('print.render', { form: 'mau01', dossierId: dossier.id }, session);
  const cert = (await call('signing.certificates', {}, session)).items[0];
  const sign = (i: number) =>
    call('signing.sign', { source: { kind: 'print', printRecordId: printed.recordId }, role: 'officer', certificate: { tokenSerial: cert.tokenSerial, id: cert.id }, pin: token.pin, requestId: `bench-${i}` }, session);

  for (let i = 0; i < 5; i++) await sign(i); // warm fonts, pkijs and the token session path
  const app = summarise(await sample(APP_SIGNATURES, (i) => sign(100 + i)));
  const pdfBytes = fs.statSync(path.join(core.paths.dataDir, 'files', ...splitHash((await sign(999)).fileSha256))).size;
  core.close();

  // The baseline: the same key, the same mechanism, a digest of the same size, nothing else.
  const p = new pkcs11js.PKCS11();
  p.load(SOFTHSM_MODULE);
  p.C_Initialize();
  const slot = p.C_GetSlotList(true).find((s) => p.C_GetTokenInfo(s).label.trim() === token.label)!;
  const s = p.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
  p.C_Login(s, pkcs11js.CKU_USER, token.pin);
  p.C_FindObjectsInit(s, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY }, { type: pkcs11js.CKA_ID, value: Buffer.from(pki.officer.id) }]);
  const key = p.C_FindObjects(s, 1)[0]!;
  p.C_FindObjectsFinal(s);
  const digestInfo = sha256DigestInfo(createHash('sha256').update('bench').digest());
  const bareSign = () => {
    p.C_SignInit(s, { mechanism: pkcs11js.CKM_RSA_PKCS }, key);
    return p.C_Sign(s, digestInfo, Buffer.alloc(512));
  };
  for (let i = 0; i < 20; i++) bareSign();
  const bare = summarise(await sample(BARE_SIGNATURES, bareSign));
  p.C_Logout(s);
  p.C_CloseSession(s);
  p.C_Finalize();
  fs.rmSync(path.dirname(token.tokenDir), { recursive: true, force: true });

  const perSecond = (ms: number) => (1000 / ms).toFixed(1);
  printTable('Ký số (RSA 2048 on SoftHSM2, Mẫu 01, PAdES B-B)', [
    { measure: `app: signing.sign (${app.n})`, median: app.median, p95: app.p95, note: `${perSecond(app.median)} signatures/s at the median; signed copy ${Math.round(pdfBytes / 1024)} KB` },
    { measure: `bare C_Sign of the DigestInfo (${bare.n})`, median: bare.median, p95: bare.p95, note: `${perSecond(bare.median)} signatures/s` },
    { measure: 'ratio app / bare', note: `median ${(app.median / bare.median).toFixed(1)}×, p95 ${(app.p95 / bare.p95).toFixed(1)}×` },
  ]);
  return writeResults('sign', {
    app,
    bare,
    appPerSecond: 1000 / app.median,
    barePerSecond: 1000 / bare.median,
    ratioMedian: app.median / bare.median,
    ratioP95: app.p95 / bare.p95,
    signedPdfBytes: pdfBytes,
  });
}

function splitHash(sha: string): [string, string] {
  return [sha.slice(0, 2), sha.slice(2)];
}
