/**
 * Every RPC row, fed random and malformed input through the real HTTP host while signed in as an
 * administrator: wrong types, 100 KB strings, NFD text, SQL/HTML/CSV-formula injection, impossible
 * dates, negative counts, unknown fields, null, arrays. The rows come from the contract itself,
 * so a new row is fuzzed without anyone remembering to add it.
 *
 * Promise checked on every call: a typed answer (`{ ok, result }` or `{ ok: false, error: { code,
 * message } }` with a known code) with status < 500, no stack trace or file path in the body, and
 * for a refused call (4xx) a database identical to before — except the audit rows of failed
 * sign-ins, which are written on purpose.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTally } from '../support/tally';
import { isErrorCode } from '@shared/errors';
import { rpc, type RpcName } from '@shared/rpc';
import type { PrinterAdapter } from '../../src-main/core/print/printers/types';
import { ManualClock } from '../support/clock';
import { startCoreHost, type CoreHost } from '../support/core-host';
import { SAMPLE_SETUP } from '../support/web-host';
import { hostileValue, shapedBy, type Hints } from './hostile-values';

const RUNS_PER_ROW = 25;
const SEED = 7_2026;

const printer: PrinterAdapter = {
  list: async () => [{ name: 'Máy in thử', isDefault: true, state: 'idle' }],
  print: async () => ({ jobId: 'fuzz-1' }),
};

let host: CoreHost;
let token: string;
const hints: Hints = {
  procedureCode: ['2.000815', '1.004194', '1.001612'],
  username: ['quantri', 'quay2'],
  year: [2026, 2027],
  applicant: [{ fullName: 'Nguyễn Văn An' }, { fullName: 'Nguyễn Thị Hồng Đào'.normalize('NFD'), idNumber: '038186001234', birthDate: '1990-02-28' }],
  pages: [1, 3],
};
const stats = new Map<string, { calls: number; byStatus: Record<number, number> }>();
/** Answers that broke a promise (5xx, or a refusal that changed the database), counted before the assertions fail. */
let violations = 0;

const clock = new ManualClock('2026-11-23T09:00:00+07:00');

/**
 * A fresh session for the next case. Fuzzed wrong passwords (auth.login, auth.unlock,
 * auth.changePassword) throttle this address and username as an attacker's would: wait the delay
 * out on the test's clock, as the officer would.
 */
async function signIn(): Promise<void> {
  for (;;) {
    const res = await fetch(`${host.url}/api/rpc/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password }),
    });
    const body = (await res.json()) as { result?: { token: string }; error?: { code: string; details?: { retryAfterSeconds?: number } } };
    if (body.result) {
      token = body.result.token;
      return;
    }
    if (body.error?.code !== 'RATE_LIMITED') throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
    clock.set(new Date(clock.now().getTime() + ((body.error.details?.retryAfterSeconds ?? 60) + 1) * 1000).toISOString());
  }
}

/** A digest of every row of every table (failed sign-in audit rows aside). */
function checksum(): string {
  const sqlite = host.core.db.$client;
  const hash = createHash('sha256');
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    // Failed sign-ins, unlocks and device pairings are audited on purpose (and move audit_log's AUTOINCREMENT
    // counter); sessions change with any call, refused or not (activity, locks, new sign-ins).
    if (name === 'session') continue;
    const where =
      name === 'audit_log'
        ? " WHERE action NOT IN ('auth.login_failed', 'auth.login_refused', 'auth.unlock_failed', 'auth.lock', 'auth.session_ended', 'device.pair_failed')"
        : name === 'sqlite_sequence'
          ? " WHERE name <> 'audit_log'"
          : '';
    hash.update(name);
    for (const row of sqlite.prepare(`SELECT * FROM "${name}"${where}`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  return hash.digest('hex');
}

function inputArbitrary(name: RpcName): fc.Arbitrary<unknown> {
  let shaped: fc.Arbitrary<unknown>;
  try {
    shaped = shapedBy(z.toJSONSchema(rpc[name].input, { io: 'input', unrepresentable: 'any' }) as never, hints);
  } catch (err) {
    // A schema JSON Schema cannot express (zod throws an Error): hostile values alone.
    if (!(err instanceof Error)) throw err;
    shaped = hostileValue;
  }
  return fc.oneof({ weight: 1, arbitrary: hostileValue }, { weight: 4, arbitrary: shaped });
}

function seedOf(name: string): number {
  return createHash('sha256').update(name).digest().readUInt32LE(0) ^ SEED;
}

beforeAll(async () => {
  host = await startCoreHost({ clock, printer });
  await fetch(`${host.url}/api/rpc/setup.initialize`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(SAMPLE_SETUP) });
  await signIn();
  // One real dossier, so generated ids and codes can hit something.
  const res = await fetch(`${host.url}/api/rpc/dossiers.receive`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ procedureCode: '1.004194', applicant: { fullName: 'Nguyễn Thị Hồng Đào', idNumber: '038186001234' } }),
  });
  const dossier = ((await res.json()) as { result: { id: string; code: string } }).result;
  Object.assign(hints, { id: [dossier.id], dossierId: [dossier.id], code: [dossier.code] });
});

afterAll(async () => {
  await host?.close();
  const lines = [...stats].map(([n, s]) => `${n}: ${s.calls} calls ${JSON.stringify(s.byStatus)}`);
  console.log(`fuzz: ${stats.size} rows, ${RUNS_PER_ROW} cases each\n${lines.join('\n')}`);
  recordTally('fuzz-rpc', { casesPerRow: Object.fromEntries([...stats].map(([n, st]) => [n, st.calls])), violations });
});

const rowNames = (Object.keys(rpc) as RpcName[]).sort();

describe('hostile input to every RPC row', () => {
  it('covers the whole contract', () => {
    expect(rowNames.length).toBeGreaterThan(30);
    expect(rowNames).toEqual(expect.arrayContaining(['dossiers.receive', 'auth.login', 'backup.restore', 'audit.list']));
  });

  it('answers a schema-valid receipt that breaks a fee rule with a typed 400, not a crash', async () => {
    const before = checksum();
    const res = await fetch(`${host.url}/api/rpc/dossiers.receive`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      // Chứng thực bản sao is charged per page: without a page count no fee can be computed.
      body: JSON.stringify({ procedureCode: '2.000815', applicant: { fullName: 'Nguyễn Văn An' } }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { reason: 'INVALID_FEE_INPUT' } } });
    expect(checksum()).toBe(before);
  });

  it('lets an administrator set the printer back to the system default (null)', async () => {
    const call = (input: unknown) =>
      fetch(`${host.url}/api/rpc/settings.update`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
    expect(((await (await call({ printer: 'Canon_LBP2900' })).json()) as { result: { printer: string } }).result.printer).toBe('Canon_LBP2900');
    const res = await call({ printer: null });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { printer: null } }).result.printer).toBeNull();
  });

  for (const name of rowNames) {
    it(`${name}: always a typed answer below 500, and a refusal changes nothing`, { timeout: 60_000 }, async () => {
      const s = { calls: 0, byStatus: {} as Record<number, number> };
      stats.set(name, s);
      await fc.assert(
        fc.asyncProperty(inputArbitrary(name), async (input) => {
          const before = checksum();
          const res = await fetch(`${host.url}/api/rpc/${name}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify(input),
          });
          const text = await res.text();
          s.calls += 1;
          s.byStatus[res.status] = (s.byStatus[res.status] ?? 0) + 1;
          if (res.status >= 500 || (res.status >= 400 && checksum() !== before)) violations += 1;
          expect(res.status, text.slice(0, 500)).toBeLessThan(500);
          expect(text).not.toMatch(/\n\s+at |node_modules|src-main|src-shared|\.ts:\d+/);
          const body = JSON.parse(text) as { ok: boolean; error?: { code: unknown; message: unknown } };
          expect(typeof body.ok).toBe('boolean');
          if (!body.ok) {
            expect(isErrorCode(body.error?.code), text.slice(0, 300)).toBe(true);
            expect(typeof body.error?.message).toBe('string');
          }
          if (res.status >= 400) expect(checksum(), `${name} refused with ${res.status} but changed the database`).toBe(before);
          // auth.logout with a valid {} signs us out, auth.lock locks the screen: a fresh session
          // for the next case.
          if (res.status === 401 || res.status === 423 || res.status === 429 || name === 'auth.logout' || name === 'auth.lock') await signIn();
        }),
        { numRuns: RUNS_PER_ROW, seed: seedOf(name), endOnFailure: true },
      );
      expect(s.calls).toBe(RUNS_PER_ROW);
    });
  }
});
