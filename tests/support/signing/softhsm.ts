/**
 * A private SoftHSM2 token per test file (Debian softhsm2): its own token folder and config, so
 * tests never share or touch a machine-wide token. Keys go in with softhsm2-util --import (PKCS#8),
 * certificates with C_CreateObject from a separate process (put-certificates.mjs).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { privateKeyPem, type Identity } from './pki';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

export interface SoftToken {
  label: string;
  pin: string;
  soPin: string;
  /** The folder holding this token's files: delete it and the token is gone. */
  tokenDir: string;
  conf: string;
  env: { SOFTHSM2_CONF: string };
}

export function createSoftToken(label = 'CA-Token', pin = '123456', soPin = '87654321'): SoftToken {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-softhsm-'));
  const tokenDir = path.join(base, 'tokens');
  fs.mkdirSync(tokenDir);
  const conf = path.join(base, 'softhsm2.conf');
  fs.writeFileSync(conf, `directories.tokendir = ${tokenDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = true\n`);
  const env = { SOFTHSM2_CONF: conf };
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', soPin], { env: { ...process.env, ...env }, stdio: 'pipe' });
  return { label, pin, soPin, tokenDir, conf, env };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** Puts each identity's key pair and certificate on the token, under one CKA_ID each. */
export async function putIdentities(token: SoftToken, identities: Identity[]): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-keys-'));
  const env = { ...process.env, ...token.env };
  try {
    for (const who of identities) {
      const keyFile = path.join(work, `${who.label}.pem`);
      fs.writeFileSync(keyFile, await privateKeyPem(who.keys), { mode: 0o600 });
      execFileSync('softhsm2-util', ['--import', keyFile, '--token', token.label, '--label', who.label, '--id', hex(who.id), '--pin', token.pin], { env, stdio: 'pipe' });
    }
    const list = path.join(work, 'certs.json');
    fs.writeFileSync(list, JSON.stringify(identities.map((w) => ({ label: w.label, id: hex(w.id), subject: hex(new Uint8Array(w.cert.subject.toSchema().toBER(false))), der: Buffer.from(w.der).toString('base64') }))));
    execFileSync(process.execPath, [path.join(import.meta.dirname, 'put-certificates.mjs'), SOFTHSM_MODULE, token.label, token.pin, list], { env, stdio: 'pipe' });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
