/**
 * Names and notes lose their bidi overrides, zero-width and control characters at the boundary:
 * what the register, the receipt and the hub show is exactly the visible text (issue #14: a name
 * with U+202E was stored as typed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { rpcCall, SAMPLE_SETUP } from '../../support/web-host';

const clock = new ManualClock('2026-11-23T09:00:00+07:00');
let host: CoreHost;
let admin: string;
const call = (name: string, input: unknown, token = admin) => rpcCall(host.url, name, input, token);

beforeAll(async () => {
  host = await startCoreHost({ clock });
  await call('setup.initialize', SAMPLE_SETUP, undefined as never);
  admin = (await call('auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password })).body.result.token;
});
afterAll(async () => host?.close());

describe('free text at the counter', () => {
  it('stores an applicant typed with a right-to-left override, zero-width joiners and a bell as its visible text', async () => {
    const res = await call('dossiers.receive', {
      procedureCode: '2.000815',
      applicant: { fullName: 'Nguy\u200Dễn\u202E Văn\u2066 An\u0007', address: 'Thôn\u200B Đông\u2069' },
      pages: 1,
    });
    expect(res.status).toBe(200);
    const detail = await call('dossiers.get', { id: res.body.result.id });
    expect(detail.body.result.applicant).toMatchObject({ fullName: 'Nguyễn Văn An', address: 'Thôn Đông' });
    const row = host.core.db.$client.prepare('SELECT applicant_name AS n FROM dossier WHERE id = ?').get(res.body.result.id) as { n: string };
    expect(row.n).toBe('Nguyễn Văn An');
  });

  it('refuses a name that is nothing but invisible characters', async () => {
    const res = await call('officers.create', { username: 'quay9', password: 'quaychin2026', fullName: '\u202E\u200B\uFEFF', role: 'officer' });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('INVALID_INPUT');
  });
});
