import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MAX_OPS_PER_PUSH, errorResponseSchema } from '@shared/sync/protocol';
import { appliedOp, dossier } from '../../../src-server/db/schema';
import { adminHeaders, BACKENDS, enrollCounter, hubForTests, makeDossier, newCommune, push, upsertOp } from './harness';

class LogSink extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

describe.each(BACKENDS)('hub on %s: limits, bad input and logs', (backendName) => {
  const logs = new LogSink();
  const { hub } = hubForTests(backendName, { logger: { level: 'info', stream: logs } });

  async function rowCounts() {
    const [ops] = await hub.database.db.select({ n: count() }).from(appliedOp);
    const [dossiers] = await hub.database.db.select({ n: count() }).from(dossier);
    return { ops: ops!.n, dossiers: dossiers!.n };
  }

  it('refuses a push body over 1 MB with 413', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const big = makeDossier(commune.code, {
      documents: Array.from({ length: 2500 }, (_, i) => ({ name: `Giấy tờ kèm theo số ${i} `.repeat(20), originals: 1, copies: 0 })),
    });
    const before = await rowCounts();
    const { statusCode, body } = await push(hub, counter, [upsertOp(counter, big)]);
    expect(statusCode).toBe(413);
    expect(errorResponseSchema.parse(body).error.code).toBe('payload_too_large');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a malformed batch with 400 and writes nothing, not even its valid ops', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const good = upsertOp(counter, makeDossier(commune.code));
    const broken = { ...upsertOp(counter, makeDossier(commune.code)), opId: 'not-a-uuid', seq: -3 };
    const before = await rowCounts();
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: counter.headers,
      payload: { deviceId: counter.deviceId, deviceEpoch: counter.epoch, ops: [good, broken] },
    });
    expect(res.statusCode).toBe(400);
    const body = errorResponseSchema.parse(res.json());
    expect(body.error.message).toMatch(/không thao tác nào được ghi/);
    expect(body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'ops.1.opId' }), expect.objectContaining({ path: 'ops.1.seq' })]),
    );
    expect(await rowCounts()).toEqual(before);
  });

  it(`refuses more than ${MAX_OPS_PER_PUSH} ops in one push with 400`, async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const ops = Array.from({ length: MAX_OPS_PER_PUSH + 1 }, () => upsertOp(counter, makeDossier(commune.code)));
    const before = await rowCounts();
    expect((await push(hub, counter, ops)).statusCode).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { ...counter.headers, 'content-type': 'application/json' },
      payload: '{"deviceId": ',
    });
    expect(res.statusCode).toBe(400);
    expect(errorResponseSchema.parse(res.json()).error.code).toBe('invalid_json');
  });

  it('logs the device id and commune code, never the token or citizen ID numbers', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const d = makeDossier(commune.code, { applicant: { fullName: 'Đỗ Đức Dũng', idNumber: '001099012345' } });
    const clash = makeDossier(commune.code, { code: d.code, applicant: { fullName: 'X', idNumber: '001099054321' } });
    await push(hub, counter, [upsertOp(counter, d), upsertOp(counter, clash)]);
    const text = logs.lines.join('\n');
    const mine = logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.deviceId === counter.deviceId);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((l) => l.communeCode === commune.code)).toBe(true);
    expect(text).not.toContain(counter.token);
    expect(text).not.toContain('001099012345');
    expect(text).not.toContain('001099054321');
  });
});

describe.each(BACKENDS)('hub on %s: per-device rate limit', (backendName) => {
  const { hub } = hubForTests(backendName, { rateLimit: { max: 3, timeWindowMs: 60_000, pushMax: 5 } });

  it('answers 429 to a device over its budget without slowing another device down', async () => {
    const commune = await newCommune(hub);
    const noisy = await enrollCounter(hub, commune.code, 'Quầy 1');
    const quiet = await enrollCounter(hub, commune.code, 'Quầy 2');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await hub.app.inject({ method: 'GET', url: '/v1/sync/pull?scope=province', headers: noisy.headers });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const limited = await hub.app.inject({ method: 'GET', url: '/v1/sync/pull?scope=province', headers: noisy.headers });
    const body = errorResponseSchema.parse(limited.json());
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/quá nhiều yêu cầu/);

    const other = await hub.app.inject({ method: 'GET', url: '/v1/sync/pull?scope=province', headers: quiet.headers });
    expect(other.statusCode).toBe(200);
  });

  it('gives pushes their own, larger budget, so draining a backlog is not cut at the general limit', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await push(hub, counter, [upsertOp(counter, makeDossier(commune.code))])).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // The general budget is counted apart: this device's pulls still pass.
    const pull = await hub.app.inject({ method: 'GET', url: '/v1/sync/pull?scope=province', headers: counter.headers });
    expect(pull.statusCode).toBe(200);
  });

  it('gives a made-up Bearer token no budget of its own: anonymous callers share their address\'s', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const fake = `Bearer ${randomBytes(32).toString('base64url')}`;
      statuses.push((await hub.app.inject({ method: 'GET', url: `/tra-cuu/000.00.01.H56-261122-000${i}`, headers: { authorization: fake }, remoteAddress: '10.1.1.1' })).statusCode);
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    // Guessing enrollment codes the same way is slowed the same way.
    const enroll = await hub.app.inject({
      method: 'POST',
      url: '/v1/devices/enroll',
      headers: { authorization: `Bearer ${randomBytes(32).toString('base64url')}` },
      payload: { code: 'AAAAA-BBBBB-CCCCC', deviceName: 'Quầy lạ' },
      remoteAddress: '10.1.1.1',
    });
    expect(enroll.statusCode).toBe(429);
  });

  it('gives a verified administrator a budget of their own, even from a busy address', async () => {
    for (let i = 0; i < 4; i++) await hub.app.inject({ method: 'GET', url: '/tra-cuu/x', remoteAddress: '10.1.1.2' });
    expect((await hub.app.inject({ method: 'GET', url: '/tra-cuu/x', remoteAddress: '10.1.1.2' })).statusCode).toBe(429);
    const admin = await hub.app.inject({ method: 'GET', url: '/v1/admin/stats', headers: adminHeaders, remoteAddress: '10.1.1.2' });
    expect(admin.statusCode).toBe(200);
  });
});
