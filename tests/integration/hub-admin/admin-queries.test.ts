/**
 * The read-only admin API behind the province admin page, on PGlite and PostgreSQL (the folding
 * SQL must behave alike on both): devices of a commune, province-wide dossier search, on-time
 * rates (QĐ 766, 2.1) and rejected ops.
 */
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { errorResponseSchema } from '@shared/sync/protocol';
import { appliedOp, dossier } from '../../../src-server/db/schema';
import { adminApi, type AdminCallName, type DeviceRow, type DossierSearchRow, type OnTimeRow, type RejectedOpRow, type RejectedOpsSummary } from '@shared/hub-admin/api';
import { adminPath, type AdminRow } from '@shared/hub-admin/row';
import { adminHeaders, BACKENDS, enrollCounter, hubForTests, makeDossier, newCommune, push, upsertOp } from '../hub/harness';

const ROUTES = [
  '/v1/admin/communes/000.21.14.H56/devices',
  '/v1/admin/dossiers?q=hoa',
  '/v1/admin/reports/on-time',
  '/v1/admin/rejected-ops',
];

describe.each(BACKENDS)('province admin queries on %s', (backendName) => {
  const { hub } = hubForTests(backendName);

  const get = (url: string, headers: Record<string, string> = adminHeaders) =>
    hub.app.inject({ method: 'GET', url, headers });

  async function rowCounts() {
    const [d] = await hub.database.db.select({ n: count() }).from(dossier);
    const [a] = await hub.database.db.select({ n: count() }).from(appliedOp);
    return { dossiers: d!.n, appliedOps: a!.n };
  }

  async function expectBadRequest(url: string) {
    const before = await rowCounts();
    const res = await get(url);
    expect(res.statusCode, url).toBe(400);
    expect(errorResponseSchema.parse(res.json()).error.code).toBe('invalid_input');
    expect(await rowCounts()).toEqual(before);
  }

  it.each(ROUTES)('refuses %s without admin credentials or with a wrong password', async (url) => {
    const anonymous = await hub.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
    expect(errorResponseSchema.parse(anonymous.json()).error.code).toBe('unauthenticated');
    const wrong = await get(url, {
      authorization: `Basic ${Buffer.from('quantri.tinh:sai-mat-khau-roi').toString('base64')}`,
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("lists a commune's devices without their token hashes", async () => {
    const commune = await newCommune(hub, 'UBND xã Quảng Lợi');
    const counter = await enrollCounter(hub, commune.code, 'Quầy 1 - Tư pháp');
    const res = await get(`/v1/admin/communes/${commune.code}/devices`);
    expect(res.statusCode).toBe(200);
    const { devices } = res.json<{ devices: DeviceRow[] }>();
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ id: counter.deviceId, name: 'Quầy 1 - Tư pháp', revoked: false });
    expect(res.body).not.toMatch(/token/i);
    await expectBadRequest('/v1/admin/communes/%20bad%20code!/devices');
  });

  it('finds "Đỗ Đức Dũng" by "do duc dung", by decomposed (NFD) input and by a piece of the code', async () => {
    const commune = await newCommune(hub, 'UBND xã Quảng Hải');
    const counter = await enrollCounter(hub, commune.code);
    const dung = makeDossier(commune.code, {
      applicant: { fullName: 'Đỗ Đức Dũng', idNumber: '038085009876' },
    });
    const hoa = makeDossier(commune.code);
    const { body } = await push(hub, counter, [upsertOp(counter, dung), upsertOp(counter, hoa)]);
    expect(body.results.map((r) => r.result)).toEqual(['applied', 'applied']);

    const search = async (query: string) => {
      const res = await get(`/v1/admin/dossiers?commune=${commune.code}&q=${encodeURIComponent(query)}`);
      expect(res.statusCode).toBe(200);
      return res.json<{ rows: DossierSearchRow[]; total: number }>();
    };
    expect((await search('do duc dung')).rows.map((r) => r.code)).toEqual([dung.code]);
    expect((await search('ĐỖ ĐỨC')).rows.map((r) => r.code)).toEqual([dung.code]);
    expect((await search('Đỗ Đức Dũng'.normalize('NFD'))).rows.map((r) => r.code)).toEqual([dung.code]);
    expect((await search('038085')).rows.map((r) => r.code)).toEqual([dung.code]);
    expect((await search(hoa.code.slice(-11))).rows.map((r) => r.code)).toEqual([hoa.code]);
    // A LIKE wildcard typed by the officer is a literal character, not "match anything".
    expect((await search('%')).total).toBe(0);

    const all = await search('');
    expect(all.total).toBe(2);
    expect(all.rows[0]).toMatchObject({ communeCode: commune.code, communeName: 'UBND xã Quảng Hải', status: 'received' });
  });

  it('filters the search by status and by commune', async () => {
    const a = await newCommune(hub, 'UBND xã Quảng Vinh');
    const b = await newCommune(hub, 'UBND xã Quảng Thọ');
    const ca = await enrollCounter(hub, a.code);
    const cb = await enrollCounter(hub, b.code);
    const processing = makeDossier(a.code, { status: 'processing', applicant: { fullName: 'Trần Văn Khánh' } });
    const received = makeDossier(a.code, { applicant: { fullName: 'Trần Văn Khánh' } });
    const other = makeDossier(b.code, { status: 'processing', applicant: { fullName: 'Trần Văn Khánh' } });
    await push(hub, ca, [upsertOp(ca, processing), upsertOp(ca, received)]);
    await push(hub, cb, [upsertOp(cb, other)]);

    const res = await get(`/v1/admin/dossiers?q=tran+van+khanh&status=processing&commune=${a.code}`);
    expect(res.json<{ rows: DossierSearchRow[] }>().rows.map((r) => r.code)).toEqual([processing.code]);
    const bothCommunes = await get('/v1/admin/dossiers?q=tran+van+khanh&status=processing');
    expect(bothCommunes.json<{ total: number }>().total).toBe(2);

    await expectBadRequest('/v1/admin/dossiers?status=done');
    await expectBadRequest('/v1/admin/dossiers?limit=0');
    await expectBadRequest(`/v1/admin/dossiers?q=${'a'.repeat(201)}`);
  });

  it('computes the on-time rate per commune against the legal due date, by the grading rule, in the period', async () => {
    const commune = await newCommune(hub, 'UBND xã Quảng Đông');
    const silent = await newCommune(hub, 'UBND xã Quảng Tân');
    const counter = await enrollCounter(hub, commune.code);
    const due = '2026-11-20T10:00:00.000Z';
    const finished = (finishedAt: string) =>
      makeDossier(commune.code, { status: 'returned', dueAt: due, finishedAt, returnedAt: finishedAt });
    await push(hub, counter, [
      upsertOp(counter, finished('2026-11-19T03:00:00.000Z')), // early
      upsertOp(counter, finished(due)), // exactly at the due time: on time
      upsertOp(counter, finished('2026-11-21T02:00:00.000Z')), // late
      upsertOp(counter, makeDossier(commune.code)), // still open: not counted
      upsertOp(counter, finished('2026-10-05T02:00:00.000Z')), // finished in October
      // Late, with a Mẫu 04 promise it met: still late, counted again as "đã xin lỗi".
      upsertOp(counter, { ...finished('2026-11-23T02:00:00.000Z'), extendedDueAt: '2026-11-24T10:00:00.000Z' }),
      // Withdrawn by the citizen and stopped after the due date: on time (II.06a footnote).
      upsertOp(counter, { ...finished('2026-11-23T02:00:00.000Z'), status: 'stopped', returnedAt: null, withdrawalRequestedAt: '2026-11-20T02:00:00.000Z' }),
      // Two supplement requests, finished early: late, and an exception (QĐ 766).
      upsertOp(counter, { ...finished('2026-11-19T03:00:00.000Z'), supplementCount: 2 }),
      // Refused at the counter (Mẫu 03): never counted.
      upsertOp(counter, makeDossier(commune.code, { status: 'rejected', finishedAt: '2026-11-18T02:00:00.000Z', dueAt: '2026-11-18T02:00:00.000Z' })),
    ]);

    const rates = async (query = '') => {
      const res = await get(`/v1/admin/reports/on-time${query}`);
      expect(res.statusCode).toBe(200);
      const rows = res.json<{ communes: OnTimeRow[] }>().communes;
      return Object.fromEntries(rows.map((r) => [r.communeCode, r]));
    };
    const november = await rates(
      `?from=${encodeURIComponent('2026-11-01T00:00:00+07:00')}&to=${encodeURIComponent('2026-12-01T00:00:00+07:00')}`,
    );
    expect(november[commune.code]).toEqual({
      communeCode: commune.code,
      communeName: 'UBND xã Quảng Đông',
      finished: 6,
      onTime: 3,
      late: 3,
      lateApologised: 1,
      exceptions: 1,
      rate: 3 / 6,
    });
    expect(november[silent.code]).toMatchObject({ finished: 0, rate: null });
    expect((await rates())[commune.code]).toMatchObject({ finished: 7, onTime: 4, late: 3 });

    await expectBadRequest('/v1/admin/reports/on-time?from=hom-qua');
    await expectBadRequest(
      `/v1/admin/reports/on-time?from=${encodeURIComponent('2026-12-01T00:00:00+07:00')}&to=${encodeURIComponent('2026-11-01T00:00:00+07:00')}`,
    );
  });

  it('lists rejected ops per commune with their reason, counting a resent op once', async () => {
    const commune = await newCommune(hub, 'UBND xã Quảng Trung');
    const counter = await enrollCounter(hub, commune.code, 'Quầy 3');
    const foreign = makeDossier('000.99.99.H56', { applicant: { fullName: 'Lê Thị Mai' } });
    const op = upsertOp(counter, foreign);
    const first = await push(hub, counter, [op]);
    expect(first.body.results[0]).toMatchObject({ result: 'rejected', code: 'foreign_commune' });
    const again = await push(hub, counter, [op]);
    expect(again.body.results[0]).toMatchObject({ result: 'duplicate', firstResult: 'rejected' });
    await push(hub, counter, [upsertOp(counter, makeDossier(commune.code))]);

    const res = await get(`/v1/admin/rejected-ops?commune=${commune.code}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ summary: RejectedOpsSummary[]; rows: RejectedOpRow[] }>();
    expect(body.summary).toEqual([{ communeCode: commune.code, communeName: 'UBND xã Quảng Trung', rejected: 1 }]);
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({
      opId: op.opId,
      deviceId: counter.deviceId,
      deviceName: 'Quầy 3',
      opType: 'dossier.upsert',
      entityId: foreign.id,
      code: 'foreign_commune',
    });
    expect(body.rows[0]!.reason).toContain('000.99.99.H56');

    const everywhere = await get('/v1/admin/rejected-ops');
    expect(everywhere.json<{ summary: RejectedOpsSummary[] }>().summary.map((s) => s.communeCode)).toContain(
      commune.code,
    );
    await expectBadRequest('/v1/admin/rejected-ops?limit=5000');
    await expectBadRequest('/v1/admin/rejected-ops?commune=%3Bdrop');
  });

  it('answers every read row exactly in the shape its row in the shared contract gives', async () => {
    const commune = await newCommune(hub, 'UBND xã Quảng Ninh');
    const counter = await enrollCounter(hub, commune.code, 'Quầy 1');
    const late = makeDossier(commune.code, { status: 'returned', finishedAt: '2026-11-23T10:00:00.000Z', returnedAt: '2026-11-23T10:00:00.000Z' });
    await push(hub, counter, [upsertOp(counter, late), upsertOp(counter, makeDossier('000.99.99.H56'))]);
    const reads = (Object.keys(adminApi) as AdminCallName[]).filter((name) => adminApi[name].method === 'GET');
    expect(reads.length).toBeGreaterThanOrEqual(5);
    for (const name of reads) {
      const row: AdminRow = adminApi[name];
      const res = await get(adminPath(row, { code: commune.code, id: late.id }));
      expect(res.statusCode, name).toBe(200);
      // Parsing drops what the schema does not name: equal means nothing more, nothing less.
      expect(row.output.parse(res.json()), name).toEqual(res.json());
    }
  });
});
