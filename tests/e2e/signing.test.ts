/**
 * Ký số in the real UI (Chromium): from a dossier's drawer the officer signs its printed Mẫu 01
 * with the keyboard only (the PIN field has the focus; Enter signs), sees a wrong PIN refused in
 * plain words, sees the signature listed with its timestamp, checks it in the verify dialog, and
 * finds the count of signatures missing a timestamp under Cài đặt › Ký số.
 *
 * The core runs in this process on the test's clock (its certificates are made around it), behind
 * the same HTTP server as `npm run web`, serving the built renderer.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebServer } from '../../src-main/web/server';
import { startSigningWorld, type SigningWorld } from '../integration/signing/support';
import { artifactPath, launchChromium } from '../support/browser';
import { openSignedIn, poll } from '../support/counter';
import { REPO_ROOT } from '../support/web-host';

vi.setConfig({ testTimeout: 90_000 });

let w: SigningWorld;
let app: FastifyInstance;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [w, browser] = await Promise.all([startSigningWorld(), launchChromium()]);
  app = await createWebServer({ core: w.host.core, rendererDir: path.join(REPO_ROOT, 'dist', 'renderer') });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const d = await w.rpc('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Phạm Thị Ký Số' }, pages: 1, copies: 1 });
  await w.rpc('print.render', { form: 'mau01', dossierId: d.id });
  page = await openSignedIn(browser, { url, clock: w.clock }, w.token_);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await w?.close();
});

async function openDossier() {
  await page.keyboard.press('F3');
  await page.getByTestId('dossier-search').fill('Ký Số');
  await page.getByTestId('dossiers').getByText('Phạm Thị Ký Số').first().click();
  await page.getByTestId('dossier-files').waitFor();
}

describe('signing from the dossier drawer', () => {
  it('refuses a wrong PIN in plain words, then signs Mẫu 01 with the keyboard', async () => {
    await openDossier();
    await page.getByTestId('sign-print-mau01').click();
    const dialog = page.getByTestId('sign-dialog');
    await dialog.getByTestId('cert-officer').waitFor();
    // Core checked every certificate before asking for a PIN: the bad ones cannot be picked.
    expect(await dialog.getByTestId('cert-expired').isDisabled()).toBe(true);
    expect(await dialog.getByTestId('cert-untrusted').isDisabled()).toBe(true);
    await dialog.getByTestId('cert-organisation').click();

    const pin = dialog.getByTestId('sign-pin');
    await pin.click();
    await page.keyboard.type('000000');
    await page.keyboard.press('Enter');
    await poll(() => dialog.getByTestId('sign-error').textContent()).toContain('Mã PIN không đúng');
    expect(await pin.inputValue()).toBe('');
    await poll(() => pin.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.type(w.token.pin);
    await page.keyboard.press('Enter');
    await poll(() => dialog.getByTestId('sign-done').textContent()).toContain('Đã ký số, có dấu thời gian');
    await page.screenshot({ path: artifactPath('signing-done.png') });
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const list = page.getByTestId('signature-list');
    await poll(() => list.textContent()).toContain('Ủy ban nhân dân xã Tân Lập');
    expect(await list.textContent()).toContain('Có dấu thời gian');
  });

  it('checks the signed copy in the verify dialog', async () => {
    await page.getByTestId('signature-list').getByRole('button', { name: 'Kiểm tra chữ ký' }).first().click();
    const result = page.getByTestId('verify-result');
    await poll(() => result.getByTestId('verify-status').textContent()).toBe('Hợp lệ');
    expect(await result.textContent()).toContain('Tài liệu không bị sửa đổi sau khi ký');
    expect(await result.textContent()).toContain('thuộc danh sách tin cậy');
    await page.screenshot({ path: artifactPath('signing-verify.png') });
    await page.keyboard.press('Escape');
    await result.waitFor({ state: 'detached' });
  });
});

describe('Cài đặt › Ký số', () => {
  it('shows which signatures still miss their timestamp, and the administrator’s trust list', async () => {
    w.services.down = true;
    await w.rpc('signing.sign', {
      source: { kind: 'print', printRecordId: w.host.core.db.$client.prepare('SELECT id FROM print_record LIMIT 1').pluck().get() as string },
      role: 'officer',
      certificate: w.ref(w.pki.officer),
      pin: w.token.pin,
      requestId: 'offline-ui',
    });
    w.services.down = false;
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    await page.keyboard.press('Alt+9');
    await page.getByRole('tab', { name: 'Ký số' }).click();
    await poll(() => page.getByTestId('missing-timestamp-count').textContent()).toBe('1 chữ ký chưa có dấu thời gian');
    expect(await page.getByTestId('missing-timestamp-list').textContent()).toContain('Nguyễn Thị Hồng Đào');
    expect(await page.getByTestId('trust-list').textContent()).toContain('Test Root CA');
    await page.getByRole('button', { name: 'Bổ sung ngay' }).click();
    await poll(() => page.getByTestId('missing-timestamp-count').textContent()).toBe('Mọi chữ ký đều đã có dấu thời gian');
    await page.screenshot({ path: artifactPath('signing-settings.png'), fullPage: true });
  });
});
