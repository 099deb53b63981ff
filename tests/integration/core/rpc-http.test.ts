/**
 * The RPC rows of the foundation over the real HTTP transport: first run, sign-in, roles, and
 * the promise that a refused call (401, 400, 403) writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { rpcCall, SAMPLE_SETUP } from '../../support/web-host';

let host: CoreHost;

/** Everything the database holds, as one comparable value. */
function snapshot(): string {
  const sqlite = host.core.db.$client;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(tables.map((t) => [t.name, sqlite.prepare(`SELECT * FROM "${t.name}"`).all()]));
}

beforeAll(async () => {
  host = await startCoreHost();
});
afterAll(async () => host?.close());

describe('first run over HTTP', () => {
  it('reports an uninitialised office without authentication', async () => {
    const res = await rpcCall(host.url, 'setup.status', {});
    expect(res).toEqual({ status: 200, body: { ok: true, result: { initialized: false, setupCodeRequired: false } } });
  });

  it('refuses a malformed initialisation with 400 INVALID_INPUT and the zod issues, writing nothing', async () => {
    const before = snapshot();
    const res = await rpcCall(host.url, 'setup.initialize', {
      office: { ...SAMPLE_SETUP.office, agencyCode: 'mã sai' },
      admin: { ...SAMPLE_SETUP.admin, password: 'short' },
    });
    expect(res.status).toBe(400);
    expect(res.body.ok).toBe(false);
    expect(res.body.error!.code).toBe('INVALID_INPUT');
    const paths = res.body.error!.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['office.agencyCode', 'admin.password']));
    expect(res.body.error!.details.issues.find((i: { path: string[] }) => i.path.join('.') === 'admin.password').message).toBe(
      'Mật khẩu tối thiểu 8 ký tự',
    );
    expect(snapshot()).toBe(before);
  });

  it('refuses unknown fields rather than silently dropping them', async () => {
    const res = await rpcCall(host.url, 'setup.initialize', { ...SAMPLE_SETUP, extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error!.code).toBe('INVALID_INPUT');
  });

  it('initialises once, normalising NFD input to NFC, then refuses a second time', async () => {
    const nfdOffice = { ...SAMPLE_SETUP.office, governingBody: SAMPLE_SETUP.office.governingBody.normalize('NFD') };
    const res = await rpcCall(host.url, 'setup.initialize', { ...SAMPLE_SETUP, office: nfdOffice });
    expect(res.status).toBe(200);
    expect(res.body.result.office.governingBody).toBe('Ủy ban nhân dân xã Tân Lập'.normalize('NFC'));
    expect(res.body.result.office.place).toBe('Tân Lập');
    expect(res.body.result.admin).toMatchObject({ username: 'quantri', role: 'admin', fullName: SAMPLE_SETUP.admin.fullName });

    const before = snapshot();
    const again = await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP);
    expect(again.status).toBe(409);
    expect(again.body.error!.code).toBe('ALREADY_INITIALIZED');
    expect(snapshot()).toBe(before);
    expect((await rpcCall(host.url, 'setup.status', {})).body.result).toEqual({ initialized: true, setupCodeRequired: false });
  });

  it('stores only a scrypt hash of the password', () => {
    const row = host.core.db.$client.prepare('SELECT password_hash FROM officer WHERE username = ?').get('quantri') as {
      password_hash: string;
    };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(SAMPLE_SETUP.admin.password);
  });
});

describe('sign-in and sessions', () => {
  let adminToken: string;

  it('answers 401 UNAUTHENTICATED to a call without a token, writing nothing', async () => {
    const before = snapshot();
    const res = await rpcCall(host.url, 'officers.create', { username: 'x', password: 'y', fullName: 'z', role: 'officer' });
    expect(res.status).toBe(401);
    expect(res.body.error!.code).toBe('UNAUTHENTICATED');
    expect(snapshot()).toBe(before);
    const forged = await rpcCall(host.url, 'auth.me', {}, 'not-a-real-token');
    expect(forged.status).toBe(401);
  });

  it('refuses a wrong password with the same message as an unknown user', async () => {
    const wrong = await rpcCall(host.url, 'auth.login', { username: 'quantri', password: 'sai-mat-khau-9' });
    const unknown = await rpcCall(host.url, 'auth.login', { username: 'khongco', password: 'sai-mat-khau-9' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error!.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(unknown.body.error!.message).toBe(wrong.body.error!.message);
  });

  it('signs in, tells who is signed in, and keeps only the token hash', async () => {
    const res = await rpcCall(host.url, 'auth.login', { username: ' QuanTri ', password: SAMPLE_SETUP.admin.password });
    expect(res.status).toBe(200);
    adminToken = res.body.result.token;
    expect(adminToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await rpcCall(host.url, 'auth.me', {}, adminToken);
    expect(me.body.result.officer).toMatchObject({ username: 'quantri', role: 'admin' });
    const stored = host.core.db.$client.prepare('SELECT token_hash FROM session').all() as { token_hash: string }[];
    expect(stored.map((s) => s.token_hash)).not.toContain(adminToken);
  });

  it('lets an admin create officers and refuses officers creating officers (403)', async () => {
    const created = await rpcCall(
      host.url,
      'officers.create',
      { username: 'canbo1', password: 'ban-tiep-dan-26', fullName: 'Trần Văn Đức', role: 'officer' },
      adminToken,
    );
    expect(created.status).toBe(200);
    expect(created.body.result).toMatchObject({ username: 'canbo1', role: 'officer' });

    const dup = await rpcCall(
      host.url,
      'officers.create',
      { username: 'canbo1', password: 'ban-tiep-dan-26', fullName: 'Trùng Tên', role: 'officer' },
      adminToken,
    );
    expect(dup.status).toBe(409);

    const officer = await rpcCall(host.url, 'auth.login', { username: 'canbo1', password: 'ban-tiep-dan-26' });
    const before = snapshot();
    const denied = await rpcCall(
      host.url,
      'officers.create',
      { username: 'canbo2', password: 'ban-tiep-dan-26', fullName: 'Lê Thị Hoa', role: 'admin' },
      officer.body.result.token,
    );
    expect(denied.status).toBe(403);
    expect(denied.body.error!.code).toBe('FORBIDDEN');
    expect(snapshot()).toBe(before);
  });

  it('reads and updates settings, refusing an idle time below zero and a code pattern without a sequence', async () => {
    const defaults = { idleLockMinutes: 10, sessionMaxHours: 12, dossierCodePattern: '{agency}-{yyMMdd}-{seq:4}', printer: null, signerTitle: 'CHỦ TỊCH', signerName: '', uploadLimitKbps: 0, feedbackAnswerDays: 15 };
    expect((await rpcCall(host.url, 'settings.get', {}, adminToken)).body.result).toEqual(defaults);
    const bad = await rpcCall(host.url, 'settings.update', { idleLockMinutes: -5 }, adminToken);
    expect(bad.status).toBe(400);
    const badPattern = await rpcCall(host.url, 'settings.update', { dossierCodePattern: '{agency}-{yyMMdd}' }, adminToken);
    expect(badPattern.status).toBe(400);
    const ok = await rpcCall(host.url, 'settings.update', { idleLockMinutes: 3 }, adminToken);
    expect(ok.body.result).toEqual({ ...defaults, idleLockMinutes: 3 });
  });

  it('streams core events to a signed-in window over SSE, and refuses anonymous listeners', async () => {
    const anonymous = await fetch(`${host.url}/api/events`);
    expect(anonymous.status).toBe(401);

    const abort = new AbortController();
    const res = await fetch(`${host.url}/api/events`, { headers: { Authorization: `Bearer ${adminToken}` }, signal: abort.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // ": connected"
    host.core.events.emit('dossier.changed', { id: 'abc' });
    let text = '';
    while (!text.includes('\n\n', text.indexOf('event:'))) text += (await reader.read()).value ?? '';
    expect(text).toContain('event: dossier.changed\ndata: {"id":"abc"}');
    abort.abort();
  });

  it('ends the session on logout', async () => {
    const res = await rpcCall(host.url, 'auth.logout', {}, adminToken);
    expect(res.body.result).toEqual({ ok: true });
    expect((await rpcCall(host.url, 'auth.me', {}, adminToken)).status).toBe(401);
  });
});

describe('transport errors', () => {
  it('answers an unknown call with 404 NOT_FOUND', async () => {
    const res = await rpcCall(host.url, 'dossiers.nope', {});
    expect(res.status).toBe(404);
    expect(res.body.error!.code).toBe('NOT_FOUND');
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await fetch(`${host.url}/api/rpc/setup.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"oops":',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });

  it('sends the strict CSP and hardening headers', async () => {
    const res = await fetch(`${host.url}/api/rpc/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
