/**
 * Sessions that end and a lock that holds, on the real HTTP host over a real SQLite file, with
 * the clock moved instead of waited for (issue #14: a token still worked 400 days later, F5 undid
 * the lock, nobody could be disabled, and /api/events kept streaming after logout).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { readEventStream } from '../../support/event-stream';
import { rpcCall, SAMPLE_SETUP } from '../../support/web-host';

const clock = new ManualClock('2026-11-23T08:00:00+07:00');
let host: CoreHost;
let admin: string;
const call = async (name: string, input: unknown, token?: string): Promise<{ status: number; body: any }> => rpcCall(host.url, name, input, token);
const advance = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());
const login = async (username: string, password: string) => {
  const res = await call('auth.login', { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${JSON.stringify(res.body)}`);
  return res.body.result.token as string;
};
const auditActions = (action: string) =>
  host.core.db.$client.prepare('SELECT target, details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as { target: string | null; details: string | null }[];

const OFFICER = { username: 'quay2', password: 'quayhai2026', fullName: 'Phạm Minh Tuấn', role: 'officer' as const };
let officerId: string;

beforeAll(async () => {
  host = await startCoreHost({ clock });
  await call('setup.initialize', SAMPLE_SETUP);
  admin = await login(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
  officerId = (await call('officers.create', OFFICER, admin)).body.result.id;
});
afterAll(async () => host?.close());

describe('lifetime', () => {
  it('refuses a token with the clock 400 days ahead, and ends it', async () => {
    const token = await login(OFFICER.username, OFFICER.password);
    expect((await call('auth.me', {}, token)).status).toBe(200);
    const now = clock.now().toISOString();
    clock.set(new Date(clock.now().getTime() + 400 * 86_400_000).toISOString());
    const late = await call('auth.me', {}, token);
    expect(late.status).toBe(401);
    expect(late.body.error.message).toMatch(/quá 12 giờ/);
    clock.set(now);
    // Ended, not merely refused: setting the clock back does not bring it back.
    expect((await call('auth.me', {}, token)).status).toBe(401);
    admin = await login(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
  });

  it('ends a busy session at the office\'s absolute lifetime, whatever the activity', async () => {
    await call('settings.update', { sessionMaxHours: 2, idleLockMinutes: 30 }, admin);
    const token = await login(OFFICER.username, OFFICER.password);
    for (let i = 0; i < 5; i++) {
      advance(20);
      expect((await call('dossiers.search', {}, token)).status).toBe(200);
    }
    advance(20); // 2 h after sign-in
    expect((await call('dossiers.search', {}, token)).status).toBe(401);
    admin = await login(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
    await call('settings.update', { sessionMaxHours: 12, idleLockMinutes: 10 }, admin);
  });
});

describe('the lock, held by core', () => {
  it('locks after the idle time, refuses every call but unlock, and a reload finds it locked', async () => {
    const token = await login(OFFICER.username, OFFICER.password);
    advance(10);
    const refused = await call('dossiers.search', {}, token);
    expect(refused.status).toBe(423);
    expect(refused.body.error).toMatchObject({ code: 'SESSION_LOCKED', details: { lockReason: 'idle' } });
    for (const [name, input] of [
      ['auth.me', {}],
      ['office.get', {}],
      ['settings.get', {}],
      ['sync.status', {}],
      ['dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Lê Văn Cường' }, pages: 1 }],
      ['auth.changePassword', { currentPassword: OFFICER.password, newPassword: 'hoa-sen-no-bay-gio' }],
    ] as const) {
      expect((await call(name, input, token)).body.error?.code, name).toBe('SESSION_LOCKED');
    }
    // What a reloaded page asks first: core still says locked, and why.
    expect((await call('auth.session', {}, token)).body.result).toMatchObject({ state: 'locked', lockReason: 'idle', officer: { username: OFFICER.username } });
    const wrong = await call('auth.unlock', { password: 'khong-phai-mat-khau' }, token);
    expect(wrong.status).toBe(400);
    expect((await call('auth.session', {}, token)).body.result.state).toBe('locked');
    const opened = await call('auth.unlock', { password: OFFICER.password }, token);
    expect(opened.body.result).toMatchObject({ state: 'open', lockReason: null });
    expect((await call('dossiers.search', {}, token)).status).toBe(200);
    expect(auditActions('auth.unlock_failed').length).toBeGreaterThan(0);
  });

  it('says a manual lock is manual, and the idle lock is idle', async () => {
    const token = await login(OFFICER.username, OFFICER.password);
    expect((await call('auth.lock', {}, token)).body.result).toMatchObject({ state: 'locked', lockReason: 'manual' });
    expect((await call('dossiers.search', {}, token)).body.error.details).toEqual({ lockReason: 'manual' });
    await call('auth.unlock', { password: OFFICER.password }, token);
    expect((await call('auth.lock', { reason: 'idle' }, token)).body.result.lockReason).toBe('idle');
  });

  it('does not count a timer\'s polls as someone at the desk', async () => {
    const token = await login(OFFICER.username, OFFICER.password);
    for (let i = 0; i < 3; i++) {
      advance(3);
      expect((await call('sync.status', {}, token)).status).toBe(200);
      expect((await call('reports.dashboard', {}, token)).status).toBe(200);
    }
    advance(2); // 11 minutes without a person's call
    expect((await call('dossiers.search', {}, token)).status).toBe(423);
  });

  it('lets a locked session sign out', async () => {
    const token = await login(OFFICER.username, OFFICER.password);
    await call('auth.lock', {}, token);
    expect((await call('auth.logout', {}, token)).status).toBe(200);
    expect((await call('auth.session', {}, token)).status).toBe(401);
  });
});

/** The event stream as this test's host serves it; an officer's window is always let in. */
async function readStream(token: string, ms: number, whileOpen: () => Promise<void>) {
  const stream = await readEventStream(host.url, token, ms, whileOpen);
  expect(stream.status).toBe(200);
  return stream;
}

describe('disabling, resetting, signing out', () => {
  // The clock moved above: the administrator comes back to the desk and signs in.
  beforeEach(async () => {
    admin = await login(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
  });

  it('ends every session of a disabled officer at once, its event stream included', async () => {
    const desk1 = await login(OFFICER.username, OFFICER.password);
    const desk2 = await login(OFFICER.username, OFFICER.password);
    const stream = await readStream(desk1, 5_000, async () => {
      const res = await call('officers.setActive', { id: officerId, active: false }, admin);
      expect(res.body.result).toMatchObject({ active: false });
    });
    expect(stream.closed).toBe(true);
    expect(stream.text).toContain('event: session.ended');
    expect(stream.text).toContain('"reason":"disabled"');
    for (const t of [desk1, desk2]) expect((await call('auth.me', {}, t)).status).toBe(401);
    expect((await call('auth.login', { username: OFFICER.username, password: OFFICER.password })).status).toBe(401);
    expect(auditActions('officer.disable').map((r) => r.target)).toEqual([OFFICER.username]);
    // Enabled again, the officer signs in as before.
    await call('officers.setActive', { id: officerId, active: true }, admin);
    expect((await call('auth.login', { username: OFFICER.username, password: OFFICER.password })).status).toBe(200);
  });

  it('ends the event stream on logout', async () => {
    const token = await login(OFFICER.username, OFFICER.password);
    const stream = await readStream(token, 5_000, async () => {
      expect((await call('auth.logout', {}, token)).status).toBe(200);
    });
    expect(stream.closed).toBe(true);
    expect(stream.text).toContain('"reason":"logout"');
  });

  it('sends no events behind a locked screen', async () => {
    const token = await login(OFFICER.username, OFFICER.password);
    await call('auth.lock', {}, token);
    const locked = await fetch(`${host.url}/api/events`, { headers: { Authorization: `Bearer ${token}` } });
    expect(locked.status).toBe(423);
    await locked.body?.cancel();
  });

  it('refuses to disable oneself or the last active administrator', async () => {
    const me = (await call('auth.me', {}, admin)).body.result.officer.id;
    expect((await call('officers.setActive', { id: me, active: false }, admin)).status).toBe(409);
    await call('officers.create', { username: 'quantri2', password: 'may-troi-ben-song-Ma', fullName: 'Lê Thị Hoa', role: 'admin' }, admin);
    const other = await login('quantri2', 'may-troi-ben-song-Ma');
    expect((await call('officers.setActive', { id: me, active: false }, other)).status).toBe(200);
    const otherId = (await call('auth.me', {}, other)).body.result.officer.id;
    // quantri is disabled now, so quantri2 is the last active administrator.
    expect((await call('officers.setActive', { id: otherId, active: false }, other)).status).toBe(409);
    await call('officers.setActive', { id: me, active: true }, other);
    admin = await login(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
  });

  it('resets a password: audited without it, the old sessions end, and the next sign-in must choose a new one', async () => {
    const old = await login(OFFICER.username, OFFICER.password);
    const reset = await call('officers.resetPassword', { id: officerId, password: 'tam-thoi-doi-ngay-26' }, admin);
    expect(reset.body.result).toMatchObject({ mustChangePassword: true });
    expect((await call('auth.me', {}, old)).status).toBe(401);
    const audit = auditActions('officer.password_reset');
    expect(audit.at(-1)?.target).toBe(OFFICER.username);
    expect(JSON.stringify(host.core.db.$client.prepare('SELECT * FROM audit_log').all())).not.toContain('tam-thoi-doi-ngay-26');

    const signedIn = await call('auth.login', { username: OFFICER.username, password: 'tam-thoi-doi-ngay-26' });
    expect(signedIn.body.result).toMatchObject({ mustChangePassword: true });
    const token = signedIn.body.result.token;
    expect((await call('dossiers.search', {}, token)).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await call('auth.session', {}, token)).body.result.mustChangePassword).toBe(true);
    const weak = await call('auth.changePassword', { currentPassword: 'tam-thoi-doi-ngay-26', newPassword: 'password1' }, token);
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.issues[0]).toMatchObject({ path: ['newPassword'] });
    expect(weak.body.error.message).toMatch(/chưa đủ mạnh|phổ biến/);
    const changed = await call('auth.changePassword', { currentPassword: 'tam-thoi-doi-ngay-26', newPassword: OFFICER.password }, token);
    expect(changed.body.result).toMatchObject({ mustChangePassword: false, state: 'open' });
    expect((await call('dossiers.search', {}, token)).status).toBe(200);
  });

  it('changes one\'s own password only with the current one, and ends one\'s other sessions', async () => {
    const here = await login(OFFICER.username, OFFICER.password);
    const elsewhere = await login(OFFICER.username, OFFICER.password);
    const wrong = await call('auth.changePassword', { currentPassword: 'khong-dung-dau-nhe', newPassword: 'den-long-do-27' }, here);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.issues[0].path).toEqual(['currentPassword']);
    expect((await call('auth.changePassword', { currentPassword: OFFICER.password, newPassword: 'den-long-do-27' }, here)).status).toBe(200);
    expect((await call('auth.me', {}, here)).status).toBe(200);
    expect((await call('auth.me', {}, elsewhere)).status).toBe(401);
    expect((await call('auth.login', { username: OFFICER.username, password: OFFICER.password })).status).toBe(401);
    await call('auth.changePassword', { currentPassword: 'den-long-do-27', newPassword: OFFICER.password }, here);
  });
});

describe('the password policy', () => {
  beforeEach(async () => {
    admin = await login(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
  });

  it('refuses "password1", the username and too short a password for an administrator, in Vietnamese', async () => {
    for (const password of ['password1', 'quantri3', 'quantri3-2026', 'matkhau2026', 'Tanlap12345']) {
      const res = await call('officers.create', { username: 'quantri3', password, fullName: 'Đỗ Văn Quản', role: 'admin' }, admin);
      expect(res.status, password).toBe(400);
      expect(res.body.error.details.issues[0].path, password).toEqual(['password']);
      expect(res.body.error.message, password).toMatch(/Mật khẩu/);
    }
  });

  it('asks less of an officer than of an administrator', async () => {
    const created = await call('officers.create', { username: 'quay5', password: 'quaynam2026', fullName: 'Lê Văn Năm', role: 'officer' }, admin);
    expect(created.status).toBe(200);
    const asAdmin = await call('officers.create', { username: 'quantri5', password: 'quaynam2026', fullName: 'Lê Văn Năm', role: 'admin' }, admin);
    expect(asAdmin.status).toBe(400);
    expect(asAdmin.body.error.message).toMatch(/12 ký tự/);
  });

  it('applies to the first administrator at first run', async () => {
    const fresh = await startCoreHost({ clock });
    try {
      const weak = await rpcCall(fresh.url, 'setup.initialize', { ...SAMPLE_SETUP, admin: { ...SAMPLE_SETUP.admin, password: 'password1234' } });
      expect(weak.status).toBe(400);
      expect(weak.body.error!.details.issues[0].path).toEqual(['admin', 'password']);
      expect((await rpcCall(fresh.url, 'setup.status', {})).body.result.initialized).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
