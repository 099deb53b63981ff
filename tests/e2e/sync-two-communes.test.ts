/**
 * Two communes and the province, each its own process, as in the field: both counters receive
 * while the hub is down, the hub comes back, both sync, every dossier reaches the province
 * exactly once, the province records a result, and the counter shows it to the officer.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { runningClock } from '../support/clock';
import { openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
import { freePort, runHubCli, startHubProcess, type HubProcess } from '../support/hub-process';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { rpcCall, SAMPLE_SETUP, startWebHost, type WebHost } from '../support/web-host';

const ADMIN = { username: 'tinh', password: 'may-troi-ben-song-Ma' };
const COMMUNE_A = SAMPLE_SETUP.office.agencyCode; // 000.00.17.H56, Tân Lập
const COMMUNE_B = '000.00.18.H56';

let pg: TestPostgres;
let hub: HubProcess | null = null;
let hubPort: number;
let hostA: WebHost;
let hostB: WebHost;
let a: Counter;
let b: Counter;
let browser: Browser;
/**
 * The day all three processes live in: each starts its clock at this clock's reading when it is
 * spawned (a restarted hub included), so they agree as machines synced by NTP would.
 */
const scenario = runningClock();
const at = () => ({ clock: scenario.now().toISOString() });

async function hubAdmin(method: string, path: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${hubPort}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function counterFor(host: WebHost, office: typeof SAMPLE_SETUP.office): Promise<Counter> {
  if (office.agencyCode === COMMUNE_A) return setUpCounter(host.url);
  const init = await rpcCall(host.url, 'setup.initialize', { ...SAMPLE_SETUP, office });
  if (!init.body.ok) throw new Error(JSON.stringify(init.body.error));
  const login = await rpcCall(host.url, 'auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password });
  const token = login.body.result.token as string;
  return {
    token,
    rpc: async (name, input) => {
      const r = await rpcCall(host.url, name, input, token);
      if (!r.body.ok) throw new Error(`${name}: ${JSON.stringify(r.body.error)}`);
      return r.body.result;
    },
  };
}

beforeAll(async () => {
  [pg, hubPort, browser] = await Promise.all([startTestPostgres(), freePort(), launchChromium()]);
  hub = await startHubProcess(pg.url, hubPort, at());
  await runHubCli(pg.url, ['create-admin', '--username', ADMIN.username], { HUB_ADMIN_PASSWORD: ADMIN.password }, at().clock);
  await hubAdmin('POST', '/v1/admin/communes', { code: COMMUNE_A, name: 'Xã Tân Lập' });
  await hubAdmin('POST', '/v1/admin/communes', { code: COMMUNE_B, name: 'Xã Tân Phúc' });
  const codeA = (await hubAdmin('POST', `/v1/admin/communes/${COMMUNE_A}/enrollment-codes`, {})).code as string;
  const codeB = (await hubAdmin('POST', `/v1/admin/communes/${COMMUNE_B}/enrollment-codes`, {})).code as string;

  [hostA, hostB] = await Promise.all([startWebHost(at()), startWebHost(at())]);
  a = await counterFor(hostA, SAMPLE_SETUP.office);
  b = await counterFor(hostB, { ...SAMPLE_SETUP.office, name: 'Trung tâm Phục vụ hành chính công xã Tân Phúc', governingBody: 'Ủy ban nhân dân xã Tân Phúc', agencyCode: COMMUNE_B });
  await a.rpc('sync.enroll', { hubUrl: hub.url, code: codeA });
  await b.rpc('sync.enroll', { hubUrl: hub.url, code: codeB });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([hostA?.stop(), hostB?.stop(), hub?.stop()]);
  await pg?.stop();
});

describe('two communes and the province hub, as separate processes', () => {
  const received: { counter: 'a' | 'b'; id: string; code: string }[] = [];

  it('receives at both counters while the hub is down, keeping the work pending', async () => {
    await hub!.stop();
    hub = null;
    for (const name of ['Nguyễn Thị Hồng Đào', 'Đỗ Đức Dũng']) {
      const r = await a.rpc('dossiers.receive', { procedureCode: '1.004194', applicant: { fullName: name } });
      received.push({ counter: 'a', ...r });
    }
    const r = await b.rpc('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Trần Văn Phúc' }, pages: 2 });
    received.push({ counter: 'b', ...r });

    const offline = await a.rpc('sync.now', {});
    expect(offline.pending).toBeGreaterThan(0);
    expect(offline.lastError).toBeTruthy();
    expect((await b.rpc('sync.status', {})).pending).toBeGreaterThan(0);
  });

  it('pushes everything exactly once when the hub is back', async () => {
    hub = await startHubProcess(pg.url, hubPort, at());
    await poll(async () => {
      const [sa, sb] = await Promise.all([a.rpc('sync.now', {}), b.rpc('sync.now', {})]);
      return sa.pending + sb.pending;
    }).toBe(0);
    for (const d of received) {
      const found = await hubAdmin('GET', `/v1/admin/dossiers?q=${encodeURIComponent(d.code)}&limit=10`);
      expect(found.rows.map((r: { code: string }) => r.code)).toEqual([d.code]);
    }
    const all = await hubAdmin('GET', '/v1/admin/dossiers?limit=50');
    expect(all.total).toBe(received.length);
  });

  it('brings a result recorded at the province back to the counter, in the officer’s screen', async () => {
    const target = received[0]!;
    await hubAdmin('POST', `/v1/admin/dossiers/${target.id}/status`, { status: 'result_ready', officer: 'Công an tỉnh Thanh Hóa', note: 'Đã cấp xác nhận' });
    await poll(async () => {
      await a.rpc('sync.now', {});
      return (await a.rpc('dossiers.get', { id: target.id })).status;
    }).toBe('result_ready');

    const page = await openSignedIn(browser, hostA, a.token);
    await page.keyboard.press('F3');
    const search = page.getByPlaceholder(/Tìm theo/);
    await search.fill(target.code);
    await search.press('Enter');
    await page.getByText('Đã xử lý xong, chờ trả kết quả').first().waitFor();
    await page.close();

    // The other commune never sees it: its scope carries only its own dossiers.
    const otherB = await b.rpc('dossiers.search', { query: target.code });
    expect(otherB.items).toEqual([]);
  });
});
