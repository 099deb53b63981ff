/**
 * The province admin page's Chữ ký số screen in Chromium, against a hub on PGlite: a commune's
 * signed Mẫu 01 is not trusted until the province pastes its CA into the trust list, then it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_UI_DIR } from '../../../src-server/routes/admin-page';
import { artifactPath, launchChromium } from '../../support/browser';
import { poll, REDUCED_MOTION } from '../../support/counter';
import { toPem } from '../../support/signing/pki';
import { startSigningWorld, type SigningWorld } from '../signing/support';
import { ADMIN, openBackend, startHub, type Backend, type Hub } from '../hub/harness';

let w: SigningWorld;
let backend: Backend;
let hub: Hub;
let browser: Browser;
let baseUrl: string;
let signedFile: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DEFAULT_ADMIN_UI_DIR, 'index.html'))) throw new Error('dist/hub-admin is not built: run the tests without SKIP_RENDERER_BUILD=1');
  [w, backend, browser] = await Promise.all([startSigningWorld(), openBackend('pglite'), launchChromium()]);
  hub = await startHub(backend, { clock: { now: () => w.clock.now() } });
  baseUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
  const d = await w.rpc('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Lê Văn Tỉnh' }, pages: 1, copies: 1 });
  const printed = await w.rpc('print.render', { form: 'mau01', dossierId: d.id });
  const rec = await w.rpc('signing.sign', { source: { kind: 'print', printRecordId: printed.recordId }, role: 'officer', certificate: w.ref(w.pki.officer), pin: w.token.pin, requestId: 'hub-ui' });
  signedFile = path.join(w.dir, 'mau01-ky-so.pdf');
  fs.writeFileSync(signedFile, Buffer.from((await w.rpc('signing.download', { fileId: rec.fileId })).pdf, 'base64'));
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await backend?.dispose();
  await w?.close();
});

describe('Chữ ký số on the province admin page', () => {
  it('checks a signed PDF against the province trust list, before and after adding the CA', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, ...REDUCED_MOTION });
    page.setDefaultTimeout(15_000);
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('menuitem', { name: 'Chữ ký số' }).click();
    await page.getByText('Danh sách đang trống').waitFor();

    await page.getByTestId('hub-verify-file').setInputFiles(signedFile);
    const result = page.getByTestId('hub-verify-result');
    await poll(() => result.textContent()).toContain('Không hợp lệ');
    expect(await result.textContent()).toContain('Chưa có danh sách chứng thư tin cậy');

    await page.getByLabel('Nội dung chứng thư').fill(toPem(w.pki.root.der));
    await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
    await page.getByRole('cell', { name: 'Test Root CA' }).waitFor();

    await page.getByTestId('hub-verify-file').setInputFiles(signedFile);
    await poll(() => result.textContent()).toContain('Chữ ký hợp lệ');
    expect(await result.textContent()).toContain('Nguyễn Thị Hồng Đào');
    await page.screenshot({ path: artifactPath('hub-admin-signatures.png'), fullPage: true, animations: 'disabled' });
  });
});
