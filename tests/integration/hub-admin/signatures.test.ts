/**
 * The province checks a counter's signed PDF against its own trust list, with the verifier the
 * counters use (src-shared/signing/verify.ts), on PGlite and PostgreSQL: nothing is trusted until
 * the province adds its CA; then the copy is valid and a tampered copy is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSigningWorld, type SigningWorld } from '../signing/support';
import { toPem } from '../../support/signing/pki';
import { adminHeaders, BACKENDS, openBackend, startHub, type Backend, type Hub } from '../hub/harness';

let w: SigningWorld;
let signedPdf: string;

beforeAll(async () => {
  w = await startSigningWorld();
  const d = await w.rpc('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Vũ Thị Tỉnh' }, pages: 1, copies: 1 });
  const printed = await w.rpc('print.render', { form: 'mau01', dossierId: d.id });
  const rec = await w.rpc('signing.sign', { source: { kind: 'print', printRecordId: printed.recordId }, role: 'organisation', certificate: w.ref(w.pki.organisation), pin: w.token.pin, requestId: 'hub' });
  signedPdf = (await w.rpc('signing.download', { fileId: rec.fileId })).pdf;
});
afterAll(async () => w?.close());

describe.each(BACKENDS)('signature verification at the hub on %s', (backendName) => {
  let backend: Backend;
  let hub: Hub;
  beforeAll(async () => {
    backend = await openBackend(backendName);
    hub = await startHub(backend, { clock: { now: () => w.clock.now() } });
  });
  afterAll(async () => {
    await hub?.close();
    await backend?.dispose();
  });

  const verify = (pdf: string) => hub.app.inject({ method: 'POST', url: '/v1/admin/signatures/verify', headers: adminHeaders, payload: { pdf } });

  it('is for province administrators only', async () => {
    const res = await hub.app.inject({ method: 'POST', url: '/v1/admin/signatures/verify', payload: { pdf: signedPdf } });
    expect(res.statusCode).toBe(401);
  });

  it('trusts nothing before the province adds its CA', async () => {
    const res = await verify(signedPdf);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'invalid', summary: expect.stringContaining('Chưa có danh sách chứng thư tin cậy để đối chiếu') });
  });

  it('accepts only CA certificates in the trust list', async () => {
    const leaf = await hub.app.inject({ method: 'POST', url: '/v1/admin/signatures/trust-list', headers: adminHeaders, payload: { certificate: toPem(w.pki.officer.der) } });
    expect(leaf.statusCode).toBe(400);
    expect(leaf.json().error.message).toContain('không phải chứng thư của tổ chức cung cấp dịch vụ chứng thực');
    const root = await hub.app.inject({ method: 'POST', url: '/v1/admin/signatures/trust-list', headers: adminHeaders, payload: { certificate: toPem(w.pki.root.der) } });
    expect(root.statusCode).toBe(201);
    expect(root.json()).toMatchObject({ subject: 'Test Root CA' });
    const list = await hub.app.inject({ method: 'GET', url: '/v1/admin/signatures/trust-list', headers: adminHeaders });
    expect(list.json().items.map((a: { subject: string }) => a.subject)).toEqual(['Test Root CA']);
  });

  it('finds the counter’s signature valid (B-T, chain to the province root) and a tampered copy invalid', async () => {
    const ok = (await verify(signedPdf)).json();
    expect(ok.status).toBe('valid');
    expect(ok.signatures[0]).toMatchObject({ signerName: 'Ủy ban nhân dân xã Tân Lập', level: 'B-T', issuerName: 'Test Issuing CA' });

    const bytes = Buffer.from(signedPdf, 'base64');
    const at = bytes.indexOf('/MediaBox');
    bytes[at + 11] = bytes[at + 11] === 0x30 ? 0x31 : 0x30;
    const bad = (await verify(bytes.toString('base64'))).json();
    expect(bad).toMatchObject({ status: 'invalid', summary: 'Chữ ký KHÔNG hợp lệ: Tài liệu đã bị sửa đổi sau khi ký' });
  });

  it('removes a CA from the trust list', async () => {
    const list = (await hub.app.inject({ method: 'GET', url: '/v1/admin/signatures/trust-list', headers: adminHeaders })).json();
    const sha = list.items[0].sha256;
    const removed = await hub.app.inject({ method: 'POST', url: `/v1/admin/signatures/trust-list/${sha}/remove`, headers: adminHeaders });
    expect(removed.statusCode).toBe(200);
    const again = await hub.app.inject({ method: 'POST', url: `/v1/admin/signatures/trust-list/${sha}/remove`, headers: adminHeaders });
    expect(again.statusCode).toBe(404);
    expect((await verify(signedPdf)).json().status).toBe('invalid');
  });
});
