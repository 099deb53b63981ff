import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema, type PullResponse } from '@shared/sync/protocol';
import { dossier } from '../../../src-server/db/schema';
import { adminHeaders, BACKENDS, enrollCounter, hubForTests, makeDossier, newCommune, push, upsertOp, type Counter } from './harness';

describe.each(BACKENDS)('hub on %s: pull and province-owned changes', (backendName) => {
  const { hub } = hubForTests(backendName);

  async function pull(counter: Counter, query: string) {
    const res = await hub.app.inject({ method: 'GET', url: `/v1/sync/pull?${query}`, headers: counter.headers });
    return { statusCode: res.statusCode, body: res.json() };
  }

  it('pages the province scope with a cursor and hasMore, in publication order', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const before = pullResponseSchema.parse((await pull(counter, 'scope=province&after=0&limit=500')).body);
    const start = before.cursor;

    const versions = ['2026.1', '2026.2', '2026.3'];
    for (const [i, version] of versions.entries()) {
      const res = await hub.app.inject({
        method: 'POST',
        url: '/v1/admin/publications',
        headers: adminHeaders,
        payload: { kind: i === 1 ? 'calendar' : 'catalog', version, data: { procedures: [{ code: '1.001193' }] } },
      });
      expect(res.statusCode).toBe(201);
    }

    const page1 = pullResponseSchema.parse((await pull(counter, `scope=province&after=${start}&limit=2`)).body);
    expect(page1.changes.map((c) => c.seq)).toEqual([start + 1, start + 2]);
    expect(page1.changes.map((c) => c.kind)).toEqual(['catalog', 'calendar']);
    expect(page1.hasMore).toBe(true);
    expect(page1.cursor).toBe(start + 2);

    const page2 = pullResponseSchema.parse((await pull(counter, `scope=province&after=${page1.cursor}&limit=2`)).body);
    expect(page2.changes).toHaveLength(1);
    expect(page2.changes[0]!.payload).toMatchObject({ version: '2026.3' });
    expect(page2.hasMore).toBe(false);

    const page3 = pullResponseSchema.parse((await pull(counter, `scope=province&after=${page2.cursor}`)).body);
    expect(page3).toMatchObject({ changes: [], cursor: page2.cursor, hasMore: false });
  });

  it('sends a province status change down to the owning commune only', async () => {
    const commune = await newCommune(hub);
    const neighbour = await newCommune(hub, 'UBND xã Quảng Yên');
    const counter = await enrollCounter(hub, commune.code);
    const other = await enrollCounter(hub, neighbour.code);
    const d = makeDossier(commune.code, { status: 'transferred' });
    expect((await push(hub, counter, [upsertOp(counter, d)])).body.results[0]!.result).toBe('applied');

    const res = await hub.app.inject({
      method: 'POST',
      url: `/v1/admin/dossiers/${d.id}/status`,
      headers: adminHeaders,
      payload: { status: 'result_ready', officer: 'Phạm Thị Thu', note: 'Đã ký giấy khai sinh' },
    });
    expect(res.statusCode).toBe(200);

    const mine = pullResponseSchema.parse((await pull(counter, `scope=commune:${commune.code}`)).body);
    expect(mine.changes).toHaveLength(1);
    const change = mine.changes[0]!;
    expect(change.kind).toBe('dossier.status');
    if (change.kind !== 'dossier.status') throw new Error('unreachable');
    expect(change.payload).toMatchObject({ dossierId: d.id, code: d.code, status: 'result_ready' });
    expect(change.payload.event).toMatchObject({ fromStatus: 'transferred', toStatus: 'result_ready', officer: 'Phạm Thị Thu' });
    expect(change.payload.dossier.finishedAt).not.toBeNull();

    const theirs = pullResponseSchema.parse((await pull(other, `scope=commune:${neighbour.code}`)).body);
    expect(theirs.changes).toEqual([]);
  });

  it('keeps a province-set status when a counter later pushes an older one, but takes the hand-over', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const d = makeDossier(commune.code, { status: 'transferred' });
    await push(hub, counter, [upsertOp(counter, d)]);
    await hub.app.inject({
      method: 'POST',
      url: `/v1/admin/dossiers/${d.id}/status`,
      headers: adminHeaders,
      payload: { status: 'result_ready', officer: 'Phạm Thị Thu' },
    });
    // The counter corrected the applicant's phone while offline; its snapshot still says transferred.
    const edited = { ...d, applicant: { ...d.applicant, phone: '0987654321' } };
    await push(hub, counter, [upsertOp(counter, edited)]);
    let [row] = await hub.database.db.select().from(dossier).where(eq(dossier.id, d.id));
    expect(row!.status).toBe('result_ready');
    expect(row!.snapshot.applicant.phone).toBe('0987654321');

    const returned = { ...edited, status: 'returned' as const, returnedAt: '2026-11-23T02:00:00.000Z' };
    await push(hub, counter, [upsertOp(counter, returned)]);
    [row] = await hub.database.db.select().from(dossier).where(eq(dossier.id, d.id));
    expect(row!.status).toBe('returned');
  });

  it('answers 404 for a status change of an unknown dossier and 400 for an unknown status', async () => {
    const unknown = await hub.app.inject({
      method: 'POST',
      url: '/v1/admin/dossiers/0192a4a0-0000-7000-8000-000000000000/status',
      headers: adminHeaders,
      payload: { status: 'processing', officer: 'A' },
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await hub.app.inject({
      method: 'POST',
      url: '/v1/admin/dossiers/0192a4a0-0000-7000-8000-000000000000/status',
      headers: adminHeaders,
      payload: { status: 'teleported', officer: 'A' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('forbids reading another commune scope (403) and rejects a malformed scope (400)', async () => {
    const commune = await newCommune(hub);
    const neighbour = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const foreign = await pull(counter, `scope=commune:${neighbour.code}`);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.body.error.message).toMatch(/xã mình/);
    expect((await pull(counter, 'scope=everything')).statusCode).toBe(400);
    expect((await pull(counter, 'scope=province&after=-1')).statusCode).toBe(400);
    expect((await pull(counter, 'scope=province&limit=100000')).statusCode).toBe(400);
  });

  it('refuses a revoked device with 401 on pull and push', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    expect((await pull(counter, 'scope=province')).statusCode).toBe(200);
    const revoke = await hub.app.inject({
      method: 'POST',
      url: `/v1/admin/devices/${counter.deviceId}/revoke`,
      headers: adminHeaders,
    });
    expect(revoke.statusCode).toBe(200);
    const res = await pull(counter, 'scope=province');
    expect(res.statusCode).toBe(401);
    expect(res.body.error.code).toBe('device_revoked');
    const pushed = await push(hub, counter, [upsertOp(counter, makeDossier(commune.code))]);
    expect(pushed.statusCode).toBe(401);
  });

  it('refuses requests without a valid device token with 401', async () => {
    const none = await hub.app.inject({ method: 'GET', url: '/v1/sync/pull?scope=province' });
    expect(none.statusCode).toBe(401);
    const forged = await hub.app.inject({
      method: 'GET',
      url: '/v1/sync/pull?scope=province',
      headers: { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(forged.statusCode).toBe(401);
    const body = forged.json<PullResponse & { error: { code: string } }>();
    expect(body.error.code).toBe('unauthenticated');
  });

  it('refuses the admin API without valid admin credentials', async () => {
    const none = await hub.app.inject({ method: 'GET', url: '/v1/admin/stats' });
    expect(none.statusCode).toBe(401);
    const wrong = await hub.app.inject({
      method: 'GET',
      url: '/v1/admin/stats',
      headers: { authorization: `Basic ${Buffer.from('quantri.tinh:sai-mat-khau').toString('base64')}` },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await hub.app.inject({ method: 'GET', url: '/v1/admin/stats', headers: adminHeaders });
    expect(ok.statusCode).toBe(200);
    expect(Array.isArray(ok.json().communes)).toBe(true);
  });
});
