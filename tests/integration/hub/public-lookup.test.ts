/**
 * The receipt QR's link: the holder of the receipt sees the status and appointment of the dossier,
 * and nothing personal (no name, ID number, phone or address), with no login. Nobody else sees
 * anything (issue #14: consecutive codes were answered, 40 in a tenth of a second, with the
 * procedure each person applied for).
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '@shared/dossier';
import { lookupKeyDigestInput } from '@shared/sync/lookup-key';
import { BACKENDS, enrollCounter, hubForTests, makeDossier, newCommune, push, upsertOp } from './harness';

const KEY = 'K7M2QX9PRT';
const hashOf = (code: string, key: string) => createHash('sha256').update(lookupKeyDigestInput(code, key)).digest('hex');

class LogSink extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

describe.each(BACKENDS)('hub on %s: public lookup /tra-cuu/<code>', (backendName) => {
  const logs = new LogSink();
  const { hub } = hubForTests(backendName, { logger: { level: 'info', stream: logs } });
  let withKey: Dossier;
  let oldReceipt: Dossier;
  let personal: string[];
  const get = (url: string, json = false) => hub.app.inject({ method: 'GET', url, headers: json ? { accept: 'application/json' } : {} });

  beforeAll(async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const base = makeDossier(commune.code);
    withKey = { ...base, lookupKeyHash: hashOf(base.code, KEY) };
    // A receipt printed before the key existed: its snapshot has no hash.
    oldReceipt = makeDossier(commune.code, { applicant: { ...base.applicant, phone: '0987 654 321' } });
    personal = [base.applicant.fullName, base.applicant.idNumber, base.applicant.phone, base.applicant.address, '0987 654 321'].filter((v): v is string => !!v);
    const res = await push(hub, counter, [upsertOp(counter, withKey), upsertOp(counter, oldReceipt)]);
    expect(res.body.results.map((r) => r.result)).toEqual(['applied', 'applied']);
  });

  it('shows the receipt holder the status and appointment in Vietnamese, without login or personal data', async () => {
    const res = await get(`/tra-cuu/${withKey.code}?k=${KEY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toContain('Trạng thái');
    expect(res.body).toContain('Đã tiếp nhận');
    expect(res.body).toContain(withKey.procedureName); // printed on the receipt too
    expect(res.body).toMatch(/\d{2} giờ \d{2} phút, ngày \d{2} tháng \d{2} năm \d{4}/);
    for (const p of personal) expect(res.body).not.toContain(p);
    const json = await get(`/tra-cuu/${withKey.code}?k=${KEY.toLowerCase()}`, true);
    expect(json.json()).toMatchObject({ ok: true, result: { code: withKey.code, status: 'received', statusLabel: 'Đã tiếp nhận' } });
  });

  it('shows nothing without the key, with a wrong key, or for a code it does not have, and the three look the same', async () => {
    const bare = await get(`/tra-cuu/${withKey.code}`);
    const wrong = await get(`/tra-cuu/${withKey.code}?k=AAAAAAAAAA`);
    const unknown = await get(`/tra-cuu/${withKey.code.replace(/\d{4}$/, '9999')}?k=${KEY}`);
    for (const res of [bare, wrong, unknown]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('Không tìm thấy hồ sơ với mã và thông tin này');
      expect(res.body).not.toContain('Đã tiếp nhận');
      expect(res.body).not.toContain(withKey.procedureName);
    }
    const strip = (b: string) => b.replace(/\/tra-cuu\/[^"]+/g, '');
    expect(strip(bare.body)).toBe(strip(unknown.body));
    expect((await get(`/tra-cuu/${withKey.code}`, true)).json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('cannot be walked over consecutive codes', async () => {
    const prefix = withKey.code.replace(/\d{4}$/, '');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => get(`/tra-cuu/${prefix}${String(i + 1).padStart(4, '0')}`, true)));
    expect(answers.every((a) => a.statusCode === 404)).toBe(true);
    expect(answers.map((a) => a.body).join('')).not.toContain('received');
  });

  it('lets an old receipt be looked up with the last four digits of the phone, and stops guessing after five tries', async () => {
    const ok = await get(`/tra-cuu/${oldReceipt.code}?sdt=4321`, true);
    expect(ok.json()).toMatchObject({ ok: true, result: { code: oldReceipt.code } });
    for (const guess of ['0000', '1111', '2222', '3333', '5555']) expect((await get(`/tra-cuu/${oldReceipt.code}?sdt=${guess}`, true)).statusCode).toBe(404);
    // The right digits no longer open it this hour: 10,000 possibilities cannot be walked.
    expect((await get(`/tra-cuu/${oldReceipt.code}?sdt=4321`, true)).statusCode).toBe(404);
  });

  it('never writes the key or the phone digits to its logs', async () => {
    await get(`/tra-cuu/${withKey.code}?k=${KEY}`);
    await get(`/tra-cuu/${oldReceipt.code}?sdt=4321`);
    expect(logs.text).toContain('/tra-cuu/');
    expect(logs.text).not.toContain(KEY);
    expect(logs.text).not.toContain('sdt=4321');
  });

  it('escapes what it echoes', async () => {
    const hostile = await get(`/tra-cuu/${encodeURIComponent('<script>alert(1)</script>')}?k=x`);
    expect(hostile.statusCode).toBe(404);
    expect(hostile.body).not.toContain('<script>alert');
  });
});
