/**
 * Ký số failures, each with a clear Vietnamese message and nothing half-written kept: a wrong
 * PIN, the token locking after its retries, a certificate expired, not yet valid, revoked or not
 * in the trust list, and the token pulled out between the login and the signature. Through all
 * of it the PIN never reaches the logs, the audit log, the console or the database.
 *
 * SoftHSM2 2.6 counts wrong PINs (it raises CKF_USER_PIN_COUNT_LOW) but never locks a token
 * (checked: 16 wrong PINs, then the right one logs in). Hardware tokens lock after their retries,
 * so this file wraps the real SoftHSM2 module (every call goes through to it) with the one thing
 * a hardware token adds: after 3 wrong PINs, C_Login answers CKR_PIN_LOCKED and the token info
 * carries CKF_USER_PIN_LOCKED. The token removal is real: its folder is deleted mid-signature.
 */
import fs from 'node:fs';
import path from 'node:path';
import pkcs11js from 'pkcs11js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Pkcs11Api, Pkcs11Factory } from '../../../src-main/core/signing/token';
import { createSoftToken, putIdentities } from '../../support/signing/softhsm';
import { rpcCall } from '../../support/web-host';
import { startSigningWorld, tokenIdentities, type SigningWorld } from './support';

const PIN = 'Tan-Lap#2026';
const WRONG_PIN = 'Sai-Pin#0000';
const RETRIES = 3;

/** The emulated retry counter of a hardware token, over the real module. */
const lock = { wrong: 0, logins: 0 };
const lockingFactory: Pkcs11Factory = () => {
  const real = new pkcs11js.PKCS11();
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'C_Login') {
        return (session: Buffer, user: number, pin?: string) => {
          lock.logins += 1;
          if (lock.wrong >= RETRIES) throw new pkcs11js.Pkcs11Error('CKR_PIN_LOCKED', pkcs11js.CKR_PIN_LOCKED, 'C_Login');
          try {
            target.C_Login(session, user, pin);
            lock.wrong = 0;
          } catch (err) {
            if ((err as { code?: number }).code === pkcs11js.CKR_PIN_INCORRECT) lock.wrong += 1;
            throw err;
          }
        };
      }
      if (prop === 'C_GetTokenInfo') {
        return (slot: Buffer) => {
          const info = target.C_GetTokenInfo(slot);
          if (lock.wrong >= RETRIES) info.flags |= pkcs11js.CKF_USER_PIN_LOCKED;
          else if (lock.wrong === RETRIES - 1) info.flags |= pkcs11js.CKF_USER_PIN_FINAL_TRY;
          return info;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Pkcs11Api;
};

const logged: string[] = [];
const coreLog = { error: (message: string, err: unknown) => logged.push(`${message} ${String(err)} ${JSON.stringify(err)}`) };
let w: SigningWorld;
let printRecordId: string;

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
  }
  w = await startSigningWorld({ pkcs11: lockingFactory, log: coreLog, pin: PIN });
  const d = await w.rpc('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Trần Văn Bình' }, pages: 1, copies: 1 });
  printRecordId = (await w.rpc('print.render', { form: 'mau01', dossierId: d.id })).recordId;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await w?.close();
});

/** What a signature leaves behind: rows naming files, and the files themselves. */
function kept() {
  const db = w.host.core.db.$client;
  const filesDir = path.join(w.host.core.paths.dataDir, 'files');
  const count = (dir: string): number =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(path.join(dir, e.name)) : 1), 0) : 0;
  return {
    signatures: db.prepare('SELECT count(*) FROM signature').pluck().get(),
    files: db.prepare('SELECT count(*) FROM dossier_file').pluck().get(),
    stored: count(filesDir),
  };
}

async function trySign(who: keyof typeof w.pki, pin = PIN) {
  const res = await rpcCall(
    w.host.url,
    'signing.sign',
    { source: { kind: 'print', printRecordId }, role: 'officer', certificate: w.ref(w.pki[who] as never), pin, requestId: `try-${who}` },
    w.token_,
  );
  return res;
}

describe('certificates that must not sign are refused before the PIN is tried', () => {
  it.each([
    ['expired', 'Chứng thư số đã hết hạn từ'],
    ['notYetValid', 'Chứng thư số chưa có hiệu lực'],
    ['untrusted', 'Chứng thư số không thuộc danh sách tin cậy'],
  ] as const)('%s', async (who, message) => {
    const before = kept();
    const logins = lock.logins;
    const res = await trySign(who);
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toContain(message);
    expect(lock.logins).toBe(logins);
    expect(kept()).toEqual(before);
  });

  it('a revoked certificate: the issuer says so when asked, and the signature is not kept', async () => {
    const before = kept();
    const res = await trySign('revoked');
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toContain('đã bị thu hồi');
    expect(kept()).toEqual(before);
  });
});

describe('the PIN', () => {
  it('a wrong PIN is refused in plain words, changes nothing, and is on record without the PIN', async () => {
    const before = kept();
    const res = await trySign('officer', WRONG_PIN);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/^Mã PIN không đúng/);
    expect(kept()).toEqual(before);
    const audit = w.host.core.db.$client.prepare("SELECT details FROM audit_log WHERE action = 'signing.failed' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ reason: 'wrongPin', role: 'officer' });
  });

  it('the right PIN signs after a wrong one', async () => {
    const res = await trySign('officer');
    expect(res.status).toBe(200);
    expect(res.body.result.level).toBe('B-T');
  });

  it('warns before the last try, then the token locks and even the right PIN is refused without trying', async () => {
    await trySign('officer', WRONG_PIN);
    const second = await trySign('officer', WRONG_PIN);
    expect(second.body.error?.message).toBe('Mã PIN không đúng; lần nhập sai tiếp theo sẽ khóa thiết bị');
    const third = await trySign('officer', WRONG_PIN);
    expect(third.status).toBe(403);
    expect(third.body.error?.message).toContain('đã bị khóa do nhập sai mã PIN');
    const picker = (await w.rpc('signing.certificates', {})).items;
    expect(picker.every((c: { pinState: string }) => c.pinState === 'locked')).toBe(true);
    const before = kept();
    const logins = lock.logins;
    const right = await trySign('officer');
    expect(right.status).toBe(403);
    expect(right.body.error?.message).toContain('đã bị khóa');
    expect(lock.logins).toBe(logins);
    expect(kept()).toEqual(before);
    lock.wrong = 0; // unlocked by the CA's tool, as in real life
  });
});

describe('the token is pulled out between the login and the signature', () => {
  it('answers in plain words, keeps nothing, and signs again once the token is back', async () => {
    const before = kept();
    const unsubscribe = w.host.core.events.subscribe((name, payload) => {
      if (name === 'signing.progress' && (payload as { step: string }).step === 'signing') fs.rmSync(w.token.tokenDir, { recursive: true, force: true });
    });
    const res = await trySign('officer');
    unsubscribe();
    expect(res.status).toBe(503);
    expect(res.body.error?.message).toContain('Thiết bị ký số đã bị rút ra hoặc ngừng trả lời trong khi ký');
    expect(res.body.error?.details).toMatchObject({ reason: 'tokenRemoved' });
    expect(kept()).toEqual(before);

    // Plugged back in (the same keys, a fresh token folder): the next signature just works.
    const again = createSoftToken(w.token.label, PIN, w.token.soPin);
    await putIdentities(again, tokenIdentities(w.pki));
    process.env.SOFTHSM2_CONF = again.conf;
    const picker = (await w.rpc('signing.certificates', {})).items as { label: string; tokenSerial: string; id: string }[];
    const officer = picker.find((c) => c.label === 'officer')!;
    const ok = await rpcCall(w.host.url, 'signing.sign', { source: { kind: 'print', printRecordId }, role: 'officer', certificate: { tokenSerial: officer.tokenSerial, id: officer.id }, pin: PIN, requestId: 'back' }, w.token_);
    expect(ok.status).toBe(200);
  });
});

describe('the PIN is never stored or logged', () => {
  it('appears in no log line, no console output, no audit row and nowhere in the database files', () => {
    // The capture works: the token's disappearance was logged (with its PKCS#11 code, nothing else).
    expect(logged.some((l) => l.includes('[signing] the token stopped answering'))).toBe(true);
    for (const line of logged) {
      expect(line).not.toContain(PIN);
      expect(line).not.toContain(WRONG_PIN);
    }
    const audit = JSON.stringify(w.host.core.db.$client.prepare('SELECT * FROM audit_log').all());
    expect(audit).toContain('signing.failed');
    expect(audit).not.toContain(PIN);
    expect(audit).not.toContain(WRONG_PIN);
    w.host.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of fs.readdirSync(w.host.core.paths.dataDir).filter((f) => f.startsWith('motcua.sqlite'))) {
      const bytes = fs.readFileSync(path.join(w.host.core.paths.dataDir, file));
      expect(bytes.includes(PIN)).toBe(false);
      expect(bytes.includes(WRONG_PIN)).toBe(false);
    }
  });
});
