/**
 * Sign-in at the counter is audited and throttled: every attempt leaves a row (never the
 * password), five failures in 15 minutes lock that username from that address for a delay that
 * grows, and the administrators read the log through audit.list, newest first, filtered and paged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { signingInAgainOverHttp } from '../../support/signing-in-again';
import { rpcCall, SAMPLE_SETUP } from '../../support/web-host';

const clock = new ManualClock('2026-11-23T08:00:00+07:00');
let host: CoreHost;
let admin: string;
const WRONG = 'doanbua2026';
// The clock moves by hours here: the administrator signs in again when core locks the session.
const desks = signingInAgainOverHttp(() => host.url);
const call = (name: string, input: unknown, token?: string) => desks.call(name, input, token);
const login = (username: string, password: string) => rpcCall(host.url, 'auth.login', { username, password });
const advance = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());

beforeAll(async () => {
  host = await startCoreHost({ clock });
  await call('setup.initialize', SAMPLE_SETUP);
  admin = await desks.signIn('quantri', SAMPLE_SETUP.admin.password);
  await call('officers.create', { username: 'quay2', password: 'quayhai2026', fullName: 'Phạm Minh Tuấn', role: 'officer' }, admin);
  await call('officers.create', { username: 'quay3', password: 'quayba2026', fullName: 'Lê Văn Ba', role: 'officer' }, admin);
});
afterAll(async () => host?.close());

describe('sign-in throttling', () => {
  it('refuses the 6th attempt after 5 failures with 429 and a Vietnamese message, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('quay2', WRONG)).status).toBe(401);
    const locked = await login('quay2', 'quayhai2026');
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60 } });
    expect(locked.body.error!.message).toMatch(/Đăng nhập sai quá nhiều lần.*1 phút/);
    // Other officers at the counter are not affected.
    expect((await login('quay3', 'quayba2026')).status).toBe(200);
  });

  it('lets the officer in once the delay has passed, and a success clears the record', async () => {
    advance(1.1);
    expect((await login('quay2', 'quayhai2026')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('quay2', WRONG)).status).toBe(401);
    expect((await login('quay2', 'quayhai2026')).status).toBe(200);
  });

  it('doubles the delay with each further failure (1, 2, 4 minutes…)', async () => {
    advance(30);
    for (let i = 0; i < 5; i++) await login('quay3', WRONG);
    expect((await login('quay3', WRONG)).body.error!.details.retryAfterSeconds).toBe(60);
    advance(1.05);
    expect((await login('quay3', WRONG)).status).toBe(401); // the attempt is checked, and fails
    expect((await login('quay3', 'quayba2026')).body.error!.details.retryAfterSeconds).toBe(120);
    advance(2.05);
    await login('quay3', WRONG);
    expect((await login('quay3', 'quayba2026')).body.error!.details.retryAfterSeconds).toBe(240);
  });

  it('forgets old failures after a quiet quarter hour', async () => {
    advance(60);
    for (let i = 0; i < 4; i++) await login('quay2', WRONG);
    advance(16);
    for (let i = 0; i < 4; i++) expect((await login('quay2', WRONG)).status).toBe(401);
    expect((await login('quay2', 'quayhai2026')).status).toBe(200);
  });
});

describe('audit of sign-in and audit.list', () => {
  it('records successes, failures and refusals, and never the password', async () => {
    const rows = host.core.db.$client.prepare("SELECT action, target, officer_id AS officerId, details FROM audit_log WHERE action LIKE 'auth.%'").all() as {
      action: string;
      target: string;
      officerId: string | null;
      details: string | null;
    }[];
    const actions = new Set(rows.map((r) => r.action).filter((a) => a.startsWith('auth.login')));
    expect(actions).toEqual(new Set(['auth.login', 'auth.login_failed', 'auth.login_refused']));
    const dump = JSON.stringify(host.core.db.$client.prepare('SELECT * FROM audit_log').all());
    for (const secret of [WRONG, 'quayhai2026', 'quayba2026', SAMPLE_SETUP.admin.password, admin]) expect(dump).not.toContain(secret);
    // The browser host tells core the caller's address, and the audit row keeps it.
    expect(rows.find((r) => r.action === 'auth.login_failed' && r.target === 'quay2')).toMatchObject({ details: JSON.stringify({ reason: 'bad_password', source: '127.0.0.1' }) });
  });

  it('records an unknown username as a failure without an officer', async () => {
    await login('khongco', WRONG);
    const res = await call('audit.list', { action: 'auth.login_failed', limit: 1 }, admin);
    expect(res.body.result.items[0]).toMatchObject({ action: 'auth.login_failed', target: 'khongco', officerId: null, details: { reason: 'unknown_user' } });
  });

  it('pages newest first, filters by officer and by action family, and is for administrators only', async () => {
    const quay2 = (await call('officers.list', {}, admin)).body.result.items.find((o: { username: string }) => o.username === 'quay2').id;
    const first = await call('audit.list', { officerId: quay2, limit: 3 }, admin);
    expect(first.body.result.items).toHaveLength(3);
    const seqs = first.body.result.items.map((i: { seq: number }) => i.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    expect(first.body.result.items.every((i: { officerId: string; officerName: string }) => i.officerId === quay2 && i.officerName === 'Phạm Minh Tuấn')).toBe(true);
    const next = await call('audit.list', { officerId: quay2, limit: 3, before: first.body.result.nextCursor }, admin);
    expect(next.body.result.items[0].seq).toBeLessThan(seqs[2]);

    const family = await call('audit.list', { action: 'auth.', limit: 200 }, admin);
    expect(family.body.result.items.every((i: { action: string }) => i.action.startsWith('auth.'))).toBe(true);
    // LIKE wildcards typed into the filter are literal.
    expect((await call('audit.list', { action: '%.' }, admin)).body.result.items).toEqual([]);

    const officer = (await login('quay3', 'quayba2026')).body.result.token;
    expect((await call('audit.list', {}, officer)).status).toBe(403);
  });

  it('verifies the chain for administrators (audit.verify)', async () => {
    expect((await call('audit.verify', {}, admin)).body.result).toMatchObject({ ok: true, broken: null });
    host.core.db.$client.prepare("UPDATE audit_log SET target = 'quay9' WHERE seq = 3").run();
    expect((await call('audit.verify', {}, admin)).body.result).toMatchObject({ ok: false, broken: { seq: 3 } });
  });
});
