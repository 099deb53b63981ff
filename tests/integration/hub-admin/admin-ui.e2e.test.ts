/**
 * A province officer's first session on the hub's admin page, in Chromium against a real hub on
 * PGlite listening on 127.0.0.1: sign in, register a commune, issue its enrollment code, find a
 * dossier a counter pushed (typing without diacritics), record a status change, revoke a device.
 * Each screen it passes is also read as a screen reader would: axe-core finds no critical, serious
 * or moderate violation, and no name is said in English (an icon's own name, alone or in a button's).
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device, dossier, commune as communeTable } from '../../../src-server/db/schema';
import { DEFAULT_ADMIN_UI_DIR } from '../../../src-server/routes/admin-page';
import { blockingViolations, MODERATE_TOO } from '../../support/axe';
import { artifactPath, launchChromium } from '../../support/browser';
import { newContextAt } from '../../support/counter';
import { renderedFonts } from '../../support/fonts';
import { englishIconNames } from '../../support/icon-names';
import {
  ADMIN,
  enrollCounter,
  hubForTests,
  makeDossier,
  newCommune,
  push,
  upsertOp,
} from '../hub/harness';

const { hub } = hubForTests('pglite');
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DEFAULT_ADMIN_UI_DIR, 'index.html'))) {
    throw new Error('dist/hub-admin is not built: run the tests without SKIP_RENDERER_BUILD=1');
  }
  browser = await launchChromium();
  baseUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await browser?.close();
});

/** antd's Select renders its options in a popup; pick one by its visible label. */
async function pickOption(page: Page, label: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

/** What axe-core and a screen reader find on the screen as shown; soft, so one run lists every screen's. */
async function expectAccessible(page: Page, screen: string) {
  expect.soft(await blockingViolations(page, [], MODERATE_TOO), screen).toEqual([]);
  expect.soft(await englishIconNames(page), `${screen}: names read in English`).toEqual([]);
}

describe('province admin page', () => {
  it('signs in, registers a commune, issues a code, finds a pushed dossier and records its status', async () => {
    // A counter of an existing commune has pushed one dossier through the sync API.
    const quangPhu = await newCommune(hub, 'UBND xã Quảng Phú');
    const counter = await enrollCounter(hub, quangPhu.code, 'Quầy 1 - Tư pháp');
    const pushed = makeDossier(quangPhu.code, { applicant: { fullName: 'Đỗ Đức Dũng', idNumber: '038085001111' } });
    // …and one it finished late this month, and one of another commune's, which the hub refused.
    const late = makeDossier(quangPhu.code, {
      status: 'returned',
      receivedAt: new Date(hub.clock.now().getTime() - 3 * 86_400_000).toISOString(),
      dueAt: new Date(hub.clock.now().getTime() - 2 * 86_400_000).toISOString(),
      finishedAt: new Date(hub.clock.now().getTime() - 60_000).toISOString(),
      returnedAt: new Date(hub.clock.now().getTime() - 60_000).toISOString(),
    });
    const foreign = makeDossier('000.99.99.H56');
    const { body } = await push(hub, counter, [
      upsertOp(counter, pushed),
      upsertOp(counter, late),
      upsertOp(counter, foreign),
    ]);
    expect(body.results.map((r) => r.result)).toEqual(['applied', 'applied', 'rejected']);

    // The page's clock reads the hub's: "this month" on the admin page is the hub's month.
    const page = await (await newContextAt(browser, hub.clock, { viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      // The one expected refusal is the wrong-password attempt below.
      if (msg.type() === 'error' && !/status of 401/.test(msg.text())) pageErrors.push(msg.text());
    });
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await expectAccessible(page, 'Đăng nhập');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.getAttribute('html', 'translate')).toBe('no');

    // A wrong password is refused in Vietnamese; the right one opens the communes screen.
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-roi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng').waitFor();
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Xã/phường đã đăng ký').waitFor();
    await page.getByRole('cell', { name: quangPhu.code, exact: true }).waitFor();
    // The admin page draws Vietnamese with its own bundled font, not whatever the PC has.
    const drawnWith = await renderedFonts(page.getByText('Xã/phường đã đăng ký'));
    // One web font drew every glyph: the bundled file of that weight (e.g. "Be Vietnam Pro SemiBold").
    expect(drawnWith).toHaveLength(1);
    expect(drawnWith[0]).toMatchObject({ familyName: expect.stringMatching(/^Be Vietnam Pro\b/), isCustomFont: true });
    // Only the Authorization value is kept, and only for this tab.
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    // Register a commune.
    await page.getByRole('button', { name: 'Thêm xã/phường' }).click();
    const createDialog = page.getByRole('dialog');
    await createDialog.getByLabel('Mã cơ quan').fill('000.31.22.H56');
    await createDialog.getByLabel('Tên').fill('UBND xã Hải Lăng');
    await createDialog.getByRole('button', { name: 'Thêm xã/phường' }).click();
    await page.getByText('Đã thêm UBND xã Hải Lăng.').waitFor();
    const haiLangRow = page.getByRole('row', { name: /000\.31\.22\.H56/ });
    await haiLangRow.getByText('UBND xã Hải Lăng').waitFor();
    const [created] = await hub.database.db.select().from(communeTable).where(eq(communeTable.code, '000.31.22.H56'));
    expect(created?.name).toBe('UBND xã Hải Lăng');

    // Issue its enrollment code: shown once, in the XXXXX-XXXXX-XXXXX form, with a copy button.
    await haiLangRow.getByRole('button', { name: 'Cấp mã đăng ký' }).click();
    const code = page.getByTestId('enrollment-code');
    await code.waitFor();
    expect((await code.textContent())?.trim()).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    await page.getByRole('dialog').getByLabel('Sao chép').waitFor();
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await code.waitFor({ state: 'detached' });
    await page.screenshot({ path: artifactPath('hub-admin-communes.png'), fullPage: true, animations: 'disabled' });
    await expectAccessible(page, 'Xã/phường');

    // Find the pushed dossier typing without diacritics, and record a status change.
    await page.getByRole('menuitem', { name: 'Hồ sơ toàn tỉnh' }).click();
    await page.getByPlaceholder(/Mã hồ sơ, tên người nộp/).fill('do duc dung');
    await page.getByRole('button', { name: 'Tìm' }).click();
    const dossierRow = page.getByRole('row', { name: new RegExp(pushed.code) });
    await dossierRow.getByText('Đỗ Đức Dũng').waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await dossierRow.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
    const statusDialog = page.getByRole('dialog', { name: `Cập nhật trạng thái hồ sơ ${pushed.code}` });
    await statusDialog.getByLabel('Trạng thái mới').click();
    await pickOption(page, 'Đang xử lý');
    await expect.poll(() => statusDialog.getByLabel('Cán bộ thực hiện').inputValue()).toBe(ADMIN.username);
    await statusDialog.getByLabel('Cán bộ thực hiện').fill('Phạm Thị Lan');
    await statusDialog.getByLabel('Ghi chú / kết quả giải quyết').fill('Chuyển phòng Tư pháp thẩm định');
    await statusDialog.getByRole('button', { name: 'Ghi nhận' }).click();
    // Nothing is written before the confirmation.
    const confirmStatus = page.locator('.ant-modal-confirm');
    await confirmStatus.locator('.ant-modal-confirm-title', { hasText: 'Ghi nhận thay đổi trạng thái?' }).waitFor();
    const [before] = await hub.database.db.select().from(dossier).where(eq(dossier.id, pushed.id));
    expect(before?.status).toBe('received');
    await confirmStatus.getByRole('button', { name: 'Xác nhận' }).click();
    const done = page.getByText(`Đã ghi nhận trạng thái mới của hồ sơ ${pushed.code}.`);
    await done.waitFor();
    await dossierRow.getByText('Tỉnh đã cập nhật').waitFor();
    const [after] = await hub.database.db.select().from(dossier).where(eq(dossier.id, pushed.id));
    expect(after?.status).toBe('processing');
    expect(after?.provinceStatusAt).not.toBeNull();

    await done.waitFor({ state: 'detached' });
    await page.screenshot({ path: artifactPath('hub-admin.png'), fullPage: true, animations: 'disabled' });
    await expectAccessible(page, 'Hồ sơ toàn tỉnh');

    // Revoke the counter, after confirming.
    await page.getByRole('menuitem', { name: 'Xã/phường' }).click();
    await page.getByRole('row', { name: new RegExp(quangPhu.code.replace(/\./g, '\\.')) }).getByRole('button', { name: 'Thiết bị' }).click();
    const drawer = page.locator('.ant-drawer-body');
    await drawer.getByText('Quầy 1 - Tư pháp').waitFor();
    await drawer.getByRole('button', { name: 'Thu hồi' }).click();
    const confirmRevoke = page.locator('.ant-modal-confirm');
    await confirmRevoke.locator('.ant-modal-confirm-title', { hasText: 'Thu hồi thiết bị?' }).waitFor();
    await confirmRevoke.getByRole('button', { name: 'Thu hồi' }).click();
    await drawer.getByText('Đã thu hồi').waitFor();
    const [revoked] = await hub.database.db.select().from(device).where(eq(device.id, counter.deviceId));
    expect(revoked?.revoked).toBe(true);

    // Close the devices drawer (its close button: Escape can land on the closing confirm dialog
    // instead, leaving the drawer's mask over the menu), then the on-time rate and refused op.
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('menuitem', { name: 'Tỷ lệ đúng hạn' }).click();
    const rateRow = page.getByRole('row', { name: new RegExp(quangPhu.code.replace(/\./g, '\\.')) });
    await rateRow.getByText('0 %').waitFor();
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await page.screenshot({ path: artifactPath('hub-admin-on-time.png'), fullPage: true, animations: 'disabled' });
    await expectAccessible(page, 'Tỷ lệ đúng hạn');
    await page.getByRole('menuitem', { name: 'Lệnh bị từ chối' }).click();
    await page.getByRole('cell', { name: /thuộc cơ quan 000\.99\.99\.H56/ }).waitFor();
    await page.screenshot({ path: artifactPath('hub-admin-rejected.png'), fullPage: true, animations: 'disabled' });
    await expectAccessible(page, 'Lệnh bị từ chối');

    // The screens this session does not otherwise use are read as they first open.
    for (const screen of ['Mức độ hài lòng', 'Phản ánh, kiến nghị', 'Chữ ký số', 'Nhập từ USB']) {
      await page.getByRole('menuitem', { name: screen }).click();
      await page.locator('.ant-card-head-title').first().waitFor();
      await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      await expectAccessible(page, screen);
    }

    // The CSP held: no script was refused and nothing failed in the page.
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
