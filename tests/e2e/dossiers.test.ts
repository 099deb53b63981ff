/**
 * Hồ sơ at the counter: diacritic-insensitive search (đ included), paging by scroll, opening a
 * dossier from a scanned receipt QR, and the lifecycle through the detail's buttons —
 * yêu cầu bổ sung → nhận bổ sung → trả kết quả, and xin lỗi và gia hạn (Mẫu 04).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { openSignedIn, poll, receive, setUpCounter, type Counter } from '../support/counter';
import { startWebHost, type WebHost } from '../support/web-host';

// Four browsers and four hosts share two CPU cores in CI: give slow steps room, not flakiness.
vi.setConfig({ testTimeout: 90_000 });

let host: WebHost;
let browser: Browser;
let counter: Counter;
let page: Page;

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost(), launchChromium()]);
  counter = await setUpCounter(host.url);
  for (const name of ['Đỗ Đức Dũng', 'Nguyễn Thị Hồng Đào', 'Lê Anh Đạo']) await receive(counter.rpc, name);
  await Promise.all(Array.from({ length: 55 }, (_, i) => receive(counter.rpc, `Hoàng Văn Minh ${i + 1}`)));
  page = await openSignedIn(browser, host, counter.token);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const rowNames = () => page.getByTestId('dossiers').getByTestId('row-name').allTextContents();

async function search(text: string) {
  const box = page.getByTestId('dossier-search');
  await box.fill(text);
}

/** Clicks a step in the detail and returns its dialog (the dialog's title starts with the step). */
async function openStep(label: string, _title?: RegExp) {
  await page.getByTestId('detail-actions').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.locator('.action-dialog .ant-modal').filter({ hasText: label.replace('…', '') });
  await dialog.waitFor();
  return dialog;
}

async function dialogButton(_title: RegExp, button: string) {
  await page.locator('.action-dialog .ant-modal-footer').getByRole('button', { name: button, exact: true }).click();
}

async function closePreview() {
  await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
  await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
}

const detailStatus = () => page.getByTestId('dossier-detail').locator('..').locator('..').getByTestId('status-tag').first().textContent();

describe('dossier search', () => {
  it('finds names without diacritics, with đ folded, and with the diacritics typed', async () => {
    await page.keyboard.press('F3');
    await poll(() => page.getByTestId('dossier-search').evaluate((el) => el === document.activeElement)).toBe(true);

    await search('do duc dung');
    await poll(rowNames).toEqual(['Đỗ Đức Dũng']);

    await search('Đào');
    await poll(async () => (await rowNames()).sort()).toEqual(['Lê Anh Đạo', 'Nguyễn Thị Hồng Đào']);

    await search('dao');
    await poll(async () => (await rowNames()).sort()).toEqual(['Lê Anh Đạo', 'Nguyễn Thị Hồng Đào']);
  });

  it('loads the next page when the table is scrolled to the end', async () => {
    await search('');
    await poll(() => page.getByTestId('dossier-count').textContent()).toMatch(/^50 hồ sơ · cuộn xuống/);
    const holder = page.locator('[data-testid="dossiers"] .ant-table-tbody-virtual-holder');
    await holder.hover();
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 1000);
    await poll(() => page.getByTestId('dossier-count').textContent()).toBe('58 hồ sơ');
  });

  it('opens a dossier straight from a scanned receipt QR link', async () => {
    const { items } = await counter.rpc('dossiers.search', { query: 'do duc dung' });
    await search(`https://motcua.thanhhoa.gov.vn/tra-cuu/${items[0].code}`);
    await page.getByTestId('dossier-search').press('Enter');
    await poll(() => page.getByTestId('detail-code').textContent()).toBe(items[0].code);
    await page.keyboard.press('Escape');
    await page.getByTestId('dossier-detail').waitFor({ state: 'detached' });
  });
});

describe('dossier lifecycle from the detail', () => {
  it('supplement → resume → result → return, with the timeline and Mẫu 02', async () => {
    const { code } = await receive(counter.rpc, 'Phan Thị Lụa');
    await search(code);
    await page.getByTestId('dossier-search').press('Enter');
    await poll(() => page.getByTestId('detail-code').textContent()).toBe(code);
    await poll(detailStatus).toBe('Đã tiếp nhận');

    await openStep('Bắt đầu xử lý', /Bắt đầu xử lý/);
    await dialogButton(/Bắt đầu xử lý/, 'Bắt đầu xử lý');
    await poll(detailStatus).toBe('Đang xử lý');

    const dialog = await openStep('Yêu cầu bổ sung hồ sơ', /Yêu cầu bổ sung hồ sơ/);
    // No paper is listed until the officer adds the missing one (Mẫu 02 lists only what is missing).
    await dialog.getByTestId('supplement-suggestions').getByRole('button').first().click();
    await dialog.getByLabel('Lý do').fill('Bản chụp không rõ, cần bản chụp rõ nét');
    await dialogButton(/Yêu cầu bổ sung hồ sơ/, 'Yêu cầu bổ sung hồ sơ');
    await page.getByTestId('pdf-frame').waitFor();
    await closePreview();
    await poll(detailStatus).toBe('Chờ bổ sung hồ sơ');

    await openStep('Nhận hồ sơ bổ sung', /Nhận hồ sơ bổ sung/);
    await dialogButton(/Nhận hồ sơ bổ sung/, 'Nhận hồ sơ bổ sung');
    await poll(detailStatus).toBe('Đang xử lý');

    await openStep('Hoàn thành xử lý', /Hoàn thành xử lý/);
    await dialogButton(/Hoàn thành xử lý/, 'Hoàn thành xử lý');
    await poll(detailStatus).toBe('Đã xử lý xong, chờ trả kết quả');

    const returnDialog = await openStep('Trả kết quả…', /^Trả kết quả —/);
    await returnDialog.getByLabel('Người nhận kết quả').fill('Phan Thị Lụa, CCCD 038186001234');
    await dialogButton(/^Trả kết quả —/, 'Trả kết quả');
    // Irreversible: asked once more.
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByRole('button', { name: 'Trả kết quả' }).click();
    await confirm.waitFor({ state: 'detached' });
    // Core first, then the screen: a failure says which of the two did not follow the step.
    await poll(async () => (await counter.rpc('dossiers.get', { code })).status).toBe('returned');
    await poll(detailStatus).toBe('Đã trả kết quả');
    expect(await page.getByTestId('completion').textContent()).toMatch(/^(Trước hạn|Đúng hạn)$/);
    // Who collected the result is shown with the dossier, as recorded at the return.
    expect(await page.getByTestId('detail-collected-by').textContent()).toBe('Phan Thị Lụa, CCCD 038186001234');

    const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
    for (const step of ['Tiếp nhận', 'Bắt đầu xử lý', 'Yêu cầu bổ sung hồ sơ', 'Bản chụp không rõ', 'Nhận hồ sơ bổ sung', 'Hoàn thành xử lý', 'Trả kết quả']) {
      expect(timeline).toContain(step);
    }
    const detail = await counter.rpc('dossiers.get', { code });
    expect(detail.status).toBe('returned');
    expect(detail.supplementCount).toBe(1);
    const prints = await counter.rpc('print.records', { dossierId: detail.id });
    expect(prints.items.map((r: { form: string }) => r.form)).toContain('mau02');
    await page.keyboard.press('Escape');
  });

  it('extends with a new date and an apology (Mẫu 04), signer from settings', async () => {
    await counter.rpc('settings.update', { signerTitle: 'CHỦ TỊCH', signerName: 'Lê Văn Quyết' });
    await page.reload();
    await page.getByTestId('home').waitFor();
    const { code } = await receive(counter.rpc, 'Vũ Thị Mai');
    await page.keyboard.press('F3');
    await search(code);
    await page.getByTestId('dossier-search').press('Enter');
    await poll(() => page.getByTestId('detail-code').textContent()).toBe(code);

    const dialog = await openStep('Xin lỗi và gia hạn thời gian giải quyết…', /Xin lỗi và gia hạn/);
    expect(await dialog.getByLabel('Họ tên người ký').inputValue()).toBe('Lê Văn Quyết');
    await dialog.getByLabel('Ngày hẹn trả mới').fill('30/11/2026');
    await dialog.getByLabel('Ngày hẹn trả mới').press('Enter');
    await dialog.getByLabel('Lý do').fill('Cần xác minh thêm với cơ quan cấp giấy tờ');
    await dialogButton(/Xin lỗi và gia hạn/, 'Xin lỗi và gia hạn thời gian giải quyết');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Xin lỗi và gia hạn thời gian giải quyết' }).click();
    await page.getByTestId('pdf-frame').waitFor();
    expect(await page.locator('.ant-modal-title').filter({ hasText: 'Mẫu 04' }).count()).toBe(1);
    await closePreview();

    // The promise is shown apart; the legal due date (the one the reports grade against) stays.
    await poll(() => page.getByTestId('detail-extended-due').textContent()).toContain('ngày 30 tháng 11 năm 2026');
    const detail = await counter.rpc('dossiers.get', { code });
    expect(detail.extensionCount).toBe(1);
    expect(detail.extendedDueAt.slice(0, 10)).toBe('2026-11-30');
    expect(detail.dueAt).toBe(detail.originalDueAt);
    expect(detail.allowedActions).not.toContain('extend');
    const prints = await counter.rpc('print.records', { dossierId: detail.id });
    expect(prints.items.map((r: { form: string }) => r.form)).toContain('mau04');

    // Where the officer chooses to stop, the dialog says how it differs from refusing at the counter.
    const stop = await openStep('Dừng xử lý…', /Dừng xử lý/);
    expect(await stop.getByTestId('stop-hint').textContent()).toContain('“Từ chối” ở màn hình Tiếp nhận');
    await dialogButton(/Dừng xử lý/, 'Hủy');
    await stop.waitFor({ state: 'hidden' });
  });
});
