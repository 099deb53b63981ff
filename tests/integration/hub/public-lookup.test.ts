/**
 * The receipt QR's link: a citizen sees the status and appointment of the dossier, and nothing
 * personal (no name, ID number, phone or address), with no login.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { enrollCounter, hubForTests, makeDossier, newCommune, push, upsertOp } from './harness';

const { hub } = hubForTests('pglite');
let code: string;
let personal: string[];

beforeAll(async () => {
  const commune = await newCommune(hub);
  const counter = await enrollCounter(hub, commune.code);
  const d = makeDossier(commune.code);
  code = d.code;
  personal = [d.applicant.fullName, d.applicant.idNumber, d.applicant.phone, d.applicant.address].filter((v): v is string => !!v);
  expect(personal.length).toBeGreaterThan(1);
  const res = await push(hub, counter, [upsertOp(counter, d)]);
  expect(res.body.results[0]!.result).toBe('applied');
});

describe('public lookup /tra-cuu/<code>', () => {
  it('shows the status and appointment in Vietnamese, without login and without personal data', async () => {
    const res = await hub.app.inject({ method: 'GET', url: `/tra-cuu/${code}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toContain('Trạng thái');
    expect(res.body).toContain('Đã tiếp nhận');
    expect(res.body).toMatch(/\d{2} giờ \d{2} phút, ngày \d{2} tháng \d{2} năm \d{4}/);
    for (const p of personal) expect(res.body).not.toContain(p);
  });

  it('answers JSON with the same facts and nothing personal', async () => {
    const res = await hub.app.inject({ method: 'GET', url: `/tra-cuu/${code}`, headers: { accept: 'application/json' } });
    expect(res.json()).toMatchObject({ ok: true, result: { code, status: 'received', statusLabel: 'Đã tiếp nhận' } });
    for (const p of personal) expect(res.body).not.toContain(p);
  });

  it('says plainly when a code is unknown or malformed, and escapes what it echoes', async () => {
    const unknown = await hub.app.inject({ method: 'GET', url: '/tra-cuu/000.00.99.H56-260101-9999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Không tìm thấy hồ sơ');
    const hostile = await hub.app.inject({ method: 'GET', url: `/tra-cuu/${encodeURIComponent('<script>alert(1)</script>')}` });
    expect(hostile.statusCode).toBe(404);
    expect(hostile.body).not.toContain('<script>alert');
  });
});
