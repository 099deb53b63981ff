/**
 * Hostile input to every hub endpoint (issue 7): random and malformed bodies, path parameters
 * and query strings — wrong types, huge strings, NFD text, injection strings, impossible dates,
 * negative counts, unknown fields. Always a typed answer below 500 with no stack trace, and a
 * refused request leaves every hub table exactly as it was.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, enrollCounter, hubForTests, makeDossier, newCommune, upsertOp, type Counter } from '../integration/hub/harness';
import { recordTally } from '../support/tally';
import { HOSTILE_STRINGS, hostileValue } from './hostile-values';

const TABLES = ['commune', 'enrollment_code', 'device', 'dossier', 'dossier_event', 'applied_op', 'change_feed', 'feed_counter', 'admin_user'];

const { hub, backend } = hubForTests('pglite', { rateLimit: { max: 100_000, pushMax: 100_000, timeWindowMs: 60_000 } });
let counter: Counter;
let communeCode: string;
const casesPerEndpoint: Record<string, number> = {};
let violations = 0;

async function checksum(): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const res = await backend.database.db.execute(sql.raw(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h, count(*) AS n FROM "${table}" t`));
    const row = (res as unknown as { rows: { h: string; n: number }[] }).rows[0]!;
    parts.push(`${table}:${row.n}:${row.h}`);
  }
  return parts.join(',');
}

const hostileText = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length > 0)), fc.string({ minLength: 1, maxLength: 30 }));
const hostileObject = fc.dictionary(
  fc.constantFrom('code', 'name', 'status', 'officer', 'note', 'deviceName', 'deviceId', 'deviceEpoch', 'ops', 'kind', 'version', 'data', 'ttlHours', 'extra'),
  hostileValue,
  { maxKeys: 6 },
);
const hostileBody = fc.oneof(hostileObject, hostileValue);

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  url: (p: string) => string;
  headers: () => Record<string, string>;
  body?: boolean;
}

const ENDPOINTS: Endpoint[] = [
  { name: 'POST /v1/devices/enroll', method: 'POST', url: () => '/v1/devices/enroll', headers: () => ({}), body: true },
  { name: 'POST /v1/sync/push', method: 'POST', url: () => '/v1/sync/push', headers: () => counter.headers, body: true },
  { name: 'GET /v1/sync/pull', method: 'GET', url: (p) => `/v1/sync/pull?scope=${p}&after=${p}&limit=${p}`, headers: () => counter.headers },
  { name: 'GET /v1/export/dvcqg', method: 'GET', url: (p) => `/v1/export/dvcqg?since=${p}&limit=${p}`, headers: () => adminHeaders },
  { name: 'POST /v1/admin/communes', method: 'POST', url: () => '/v1/admin/communes', headers: () => adminHeaders, body: true },
  { name: 'POST /v1/admin/communes/:code/enrollment-codes', method: 'POST', url: (p) => `/v1/admin/communes/${p}/enrollment-codes`, headers: () => adminHeaders, body: true },
  { name: 'POST /v1/admin/devices/:id/revoke', method: 'POST', url: (p) => `/v1/admin/devices/${p}/revoke`, headers: () => adminHeaders, body: true },
  { name: 'POST /v1/admin/dossiers/:id/status', method: 'POST', url: (p) => `/v1/admin/dossiers/${p}/status`, headers: () => adminHeaders, body: true },
  { name: 'POST /v1/admin/offline-bundles', method: 'POST', url: () => '/v1/admin/offline-bundles', headers: () => adminHeaders, body: true },
  { name: 'POST /v1/admin/publications', method: 'POST', url: () => '/v1/admin/publications', headers: () => adminHeaders, body: true },
  { name: 'GET /v1/admin/dossiers', method: 'GET', url: (p) => `/v1/admin/dossiers?q=${p}&status=${p}&limit=${p}&offset=${p}`, headers: () => adminHeaders },
  { name: 'GET /v1/admin/communes/:code/devices', method: 'GET', url: (p) => `/v1/admin/communes/${p}/devices`, headers: () => adminHeaders },
  { name: 'GET /v1/admin/reports/on-time', method: 'GET', url: (p) => `/v1/admin/reports/on-time?from=${p}&to=${p}`, headers: () => adminHeaders },
  { name: 'GET /v1/admin/rejected-ops', method: 'GET', url: (p) => `/v1/admin/rejected-ops?commune=${p}&limit=${p}`, headers: () => adminHeaders },
  { name: 'GET /tra-cuu/:code', method: 'GET', url: (p) => `/tra-cuu/${p}`, headers: () => ({}) },
];

beforeAll(async () => {
  const commune = await newCommune(hub);
  communeCode = commune.code;
  counter = await enrollCounter(hub, communeCode);
  await hub.app.inject({ method: 'POST', url: '/v1/sync/push', headers: counter.headers, payload: { deviceId: counter.deviceId, deviceEpoch: counter.epoch, ops: [upsertOp(counter, makeDossier(communeCode))] } });
}, 120_000);
afterAll(async () => {
  recordTally('fuzz-hub', { casesPerEndpoint, violations });
});

describe('hostile input to every hub endpoint', () => {
  it.each(ENDPOINTS)('$name answers every malformed request with a typed 4xx, never a 500, and refused requests change nothing', async (endpoint) => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileBody, async (param, body) => {
        const before = await checksum();
        const res = await hub.app.inject({
          method: endpoint.method,
          url: endpoint.url(encodeURIComponent(String(param))),
          headers: { ...endpoint.headers(), ...(endpoint.body ? { 'content-type': 'application/json' } : {}) },
          ...(endpoint.body ? { payload: JSON.stringify(body) } : {}),
        });
        casesPerEndpoint[endpoint.name] = (casesPerEndpoint[endpoint.name] ?? 0) + 1;
        const changed = res.statusCode >= 400 && (await checksum()) !== before;
        if (res.statusCode >= 500 || changed) violations += 1;
        expect(res.statusCode).toBeLessThan(500);
        expect(res.body).not.toMatch(/\bat .+\.(ts|js|mjs|cjs):\d+/);
        if (res.statusCode >= 400) {
          if ((res.headers['content-type'] ?? '').includes('json')) expect(res.json().ok).toBe(false);
          expect(changed).toBe(false);
        }
      }),
      { seed: 20261122, numRuns: 15 },
    );
  });
});
