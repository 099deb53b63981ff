/**
 * One signing world per test file: the test CA with its TSA/OCSP/CRL on 127.0.0.1, a private
 * SoftHSM2 token holding the officer's, the commune's and the bad certificates, and a counter
 * (the real core behind the HTTP host) configured to use them, all on the file's fixed clock.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Pkcs11Factory } from '../../../src-main/core/signing/token';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { setUpCounter, type Rpc } from '../../support/counter';
import { sealPng } from '../../support/signing/documents';
import { makeTestPki, toPem, type Identity, type TestPki } from '../../support/signing/pki';
import { startPkiServices, type PkiServices } from '../../support/signing/pki-services';
import { createSoftToken, putIdentities, SOFTHSM_MODULE, type SoftToken } from '../../support/signing/softhsm';
import { tempDir } from '../../support/web-host';

export const SIGNING_AT = '2026-11-23T09:15:00+07:00';

/** What the commune's token holds: the good, the expired, the early, the revoked and the unknown. */
export function tokenIdentities(pki: TestPki): Identity[] {
  return [pki.officer, pki.organisation, pki.expired, pki.notYetValid, pki.revoked, pki.untrusted];
}

export interface SigningWorld {
  clock: ManualClock;
  pki: TestPki;
  services: PkiServices;
  token: SoftToken;
  host: CoreHost;
  rpc: Rpc;
  token_: string;
  dir: string;
  /** The certificate reference the app's picker gives for an identity on the token. */
  ref(who: Identity): { tokenSerial: string; id: string };
  close(): Promise<void>;
}

export async function startSigningWorld(
  opts: { pkcs11?: Pkcs11Factory; log?: { error(m: string, e: unknown): void }; pin?: string } = {},
): Promise<SigningWorld> {
  const clock = new ManualClock(SIGNING_AT);
  const dir = tempDir('motcua-signing-');
  const { pki, services } = await startPkiServices((urls) => makeTestPki(clock.now(), urls), clock);
  const token = createSoftToken('Token-Xa-Tan-Lap', opts.pin ?? '918273', '56781234');
  await putIdentities(token, tokenIdentities(pki));
  // SoftHSM2 reads its configuration when the module is initialised, in this process.
  process.env.SOFTHSM2_CONF = token.conf;
  const host = await startCoreHost({ clock, dataDir: path.join(dir, 'data'), ...(opts.pkcs11 ? { pkcs11: opts.pkcs11 } : {}), ...(opts.log ? { log: opts.log } : {}) });
  const counter = await setUpCounter(host.url);
  const rpc = counter.rpc;
  await rpc('signing.updateSettings', { modulePath: SOFTHSM_MODULE, tsaUrl: services.tsaUrl });
  await rpc('signing.addTrustAnchor', { certificate: toPem(pki.root.der) });
  await rpc('signing.addTrustAnchor', { certificate: toPem(pki.intermediate.der) });
  await rpc('signing.setSeal', { png: (await sealPng(dir)).toString('base64') });
  const certs = (await rpc('signing.certificates', {})).items as { tokenSerial: string; id: string; label: string }[];
  const ref = (who: Identity) => {
    const found = certs.find((c) => c.label === who.label);
    if (!found) throw new Error(`${who.label} is not on the token`);
    return { tokenSerial: found.tokenSerial, id: found.id };
  };
  return {
    clock,
    pki,
    services,
    token,
    host,
    rpc,
    token_: counter.token,
    dir,
    ref,
    close: async () => {
      await host.close();
      await services.close();
      fs.rmSync(path.dirname(token.tokenDir), { recursive: true, force: true });
    },
  };
}
