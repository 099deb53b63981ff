import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollResponseSchema, errorResponseSchema, healthResponseSchema } from '@shared/sync/protocol';
import { issueEnrollmentCode } from '../../../src-server/admin/communes';
import { device, enrollmentCode } from '../../../src-server/db/schema';
import { hashEnrollmentCode } from '../../../src-server/auth/secrets';
import { BACKENDS, openBackend, startHub, newCommune, type Backend, type Hub } from './harness';

describe.each(BACKENDS)('hub on %s: health and enrollment', (backendName) => {
  let backend: Backend;
  let hub: Hub;
  beforeAll(async () => {
    backend = await openBackend(backendName);
    hub = await startHub(backend);
  });
  afterAll(async () => {
    await hub?.close();
    await backend?.dispose();
  });

  it('reports health, version and which database it runs on', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/v1/health' });
    expect(res.statusCode).toBe(200);
    const body = healthResponseSchema.parse(res.json());
    expect(body.database).toBe(backendName);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('enrolls a counter with a one-time code bound to its commune, storing only hashes', async () => {
    const commune = await newCommune(hub, 'UBND xã Hoằng Hóa');
    const { code } = await issueEnrollmentCode(hub.database.db, commune.code, hub.clock.now());
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/devices/enroll',
      payload: { code: code.toLowerCase(), deviceName: 'Quầy 2 - Tư pháp' },
    });
    expect(res.statusCode).toBe(201);
    const body = enrollResponseSchema.parse(res.json());
    expect(body.commune).toEqual({ code: commune.code, name: 'UBND xã Hoằng Hóa' });
    // The hub's own clock, not the machine's: the counter measures its offset against it.
    expect(Math.abs(Date.parse(body.serverTime) - hub.clock.now().getTime())).toBeLessThan(60_000);

    const [row] = await hub.database.db.select().from(device).where(eq(device.id, body.deviceId));
    expect(row!.communeCode).toBe(commune.code);
    expect(row!.tokenHash).not.toContain(body.token);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const [stored] = await hub.database.db
      .select()
      .from(enrollmentCode)
      .where(eq(enrollmentCode.codeHash, hashEnrollmentCode(code)));
    expect(stored!.consumedBy).toBe(body.deviceId);
  });

  it('refuses a code the second time: it is consumed by the first enrollment', async () => {
    const commune = await newCommune(hub);
    const { code } = await issueEnrollmentCode(hub.database.db, commune.code, hub.clock.now());
    const first = await hub.app.inject({ method: 'POST', url: '/v1/devices/enroll', payload: { code, deviceName: 'A' } });
    expect(first.statusCode).toBe(201);
    const second = await hub.app.inject({ method: 'POST', url: '/v1/devices/enroll', payload: { code, deviceName: 'B' } });
    expect(second.statusCode).toBe(401);
    expect(errorResponseSchema.parse(second.json()).error.message).toMatch(/Mã đăng ký/);
  });

  it('refuses a wrong code and an expired code alike with 401', async () => {
    const wrong = await hub.app.inject({
      method: 'POST',
      url: '/v1/devices/enroll',
      payload: { code: 'AAAAA-BBBBB-CCCCC', deviceName: 'Quầy 1' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('unauthenticated');

    const commune = await newCommune(hub);
    const { code } = await issueEnrollmentCode(hub.database.db, commune.code, hub.clock.now());
    await hub.database.db
      .update(enrollmentCode)
      .set({ expiresAt: new Date(hub.clock.now().getTime() - 60_000) })
      .where(eq(enrollmentCode.codeHash, hashEnrollmentCode(code)));
    const expired = await hub.app.inject({ method: 'POST', url: '/v1/devices/enroll', payload: { code, deviceName: 'Q' } });
    expect(expired.statusCode).toBe(401);
  });

  it('answers a malformed enrollment with 400 and a Vietnamese message, no stack trace', async () => {
    const res = await hub.app.inject({ method: 'POST', url: '/v1/devices/enroll', payload: { code: '' } });
    expect(res.statusCode).toBe(400);
    const body = errorResponseSchema.parse(res.json());
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/không hợp lệ/);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers unknown addresses with the error envelope', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(errorResponseSchema.parse(res.json()).error.code).toBe('not_found');
  });
});
