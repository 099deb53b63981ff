/**
 * The office's details after setup: an administrator corrects them (audited, what changed before
 * and after), an officer cannot, and the agency code stays as set up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { rpcCall, SAMPLE_SETUP } from '../../support/web-host';

const clock = new ManualClock('2026-11-19T14:00:00+07:00');
let host: CoreHost;
let admin: string;
let officer: string;

async function signIn(username: string, password: string): Promise<string> {
  const r = await rpcCall(host.url, 'auth.login', { username, password });
  return r.body.result.token as string;
}

beforeAll(async () => {
  host = await startCoreHost({ clock });
  await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP);
  admin = await signIn(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
  await rpcCall(host.url, 'officers.create', { username: 'quaymot', password: 'bannhan2026', fullName: 'Lê Văn Quầy', role: 'officer' }, admin);
  officer = await signIn('quaymot', 'bannhan2026');
});
afterAll(async () => host?.close());

describe('office details after setup', () => {
  it('are corrected by an administrator, with the change in the audit log', async () => {
    const { office } = SAMPLE_SETUP;
    const input = { name: office.name, governingBody: office.governingBody, province: office.province, address: 'Số 2 đường Trần Phú', phone: '0237 3861 234' };
    const res = await rpcCall(host.url, 'office.update', input, admin);
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ address: 'Số 2 đường Trần Phú', phone: '0237 3861 234', agencyCode: office.agencyCode });
    expect((await rpcCall(host.url, 'office.get', {}, officer)).body.result.address).toBe('Số 2 đường Trần Phú');

    const audit = await rpcCall(host.url, 'audit.list', { action: 'office.update', limit: 10 }, admin);
    const row = audit.body.result.items.find((a: { action: string }) => a.action === 'office.update');
    expect(row).toBeDefined();
    expect(JSON.stringify(row.details)).toContain('Số 2 đường Trần Phú');
  });

  it('are not changed by an officer, nor is the agency code by anyone', async () => {
    const { office } = SAMPLE_SETUP;
    const input = { name: 'Bộ phận khác', governingBody: office.governingBody, province: office.province };
    expect((await rpcCall(host.url, 'office.update', input, officer)).status).toBe(403);
    expect((await rpcCall(host.url, 'office.update', { ...input, agencyCode: '000.00.99.H99' }, admin)).status).toBe(400);
    expect((await rpcCall(host.url, 'office.get', {}, admin)).body.result).toMatchObject({ name: office.name, agencyCode: office.agencyCode });
  });
});
