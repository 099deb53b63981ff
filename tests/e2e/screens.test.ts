/**
 * Every counter screen at 1366×768 (the usual counter PC), screenshotted into tests/artifacts and
 * compared with the reviewed baselines in tests/e2e/baselines. Codes and times of day can change
 * between runs and are masked; dates are the host's (its clock is the test's), and the layout,
 * labels and data around them are compared.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { openSignedIn, poll, receive, setUpCounter, type Counter } from '../support/counter';
import { baselineScreenshot, compareWithBaseline, MAX_DIFF_RATIO } from '../support/screenshot-compare';
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
  await counter.rpc('settings.update', { signerName: 'Lê Văn Quyết' });
  const names = ['Đỗ Đức Dũng', 'Nguyễn Thị Hồng Đào', 'Lê Anh Đạo', 'Trần Văn Bình', 'Phạm Thị Thu Hà'];
  const received = [];
  for (const name of names) received.push(await receive(counter.rpc, name, { applicant: { fullName: name, idNumber: '038186001234', phone: '0912345678' } }));
  // One dossier waiting for its result to be returned.
  for (const action of ['startProcessing', 'resultReady']) await counter.rpc('dossiers.act', { id: received[0]!.id, action });
  page = await openSignedIn(browser, host, counter.token);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** `scope`: where dynamic text is masked (a drawer's masks must not paint over it from behind). */
async function shoot(name: string, extraMasks: Locator[] = [], scope = page.locator('body')) {
  // Let antd's motion settle (drawers slide, tabs animate) before the picture.
  await page.waitForTimeout(400);
  const png = await baselineScreenshot(page, [scope.locator('.mono, .dyn, [data-testid="due-text"]'), ...extraMasks]);
  const result = compareWithBaseline(`${name}.png`, png);
  expect(result.sizeMatches).toBe(true);
  expect(result.ratio).toBeLessThanOrEqual(MAX_DIFF_RATIO);
}

describe('screens at 1366×768', () => {
  it('Tiếp nhận with a scanned applicant and a procedure', async () => {
    await page.keyboard.press('F2');
    await page.getByLabel('Quét căn cước (QR)').fill('038186001234|186123456|Nguyễn Thị Hồng Đào|15081986|Nữ|Thôn Đông, xã Tân Lập, huyện Cẩm Thủy, Thanh Hóa|20042021');
    await page.getByLabel('Quét căn cước (QR)').press('Enter');
    const picker = page.getByTestId('intake').getByRole('combobox', { name: 'Thủ tục hành chính' });
    await picker.click();
    await picker.pressSequentially('2.000815');
    await page.locator('.ant-select-item-option').filter({ hasText: /2\.000815/ }).first().click();
    await page.getByLabel('Số trang mỗi bản').fill('3');
    await page.getByTestId('due-text').waitFor();
    await page.getByLabel('Họ và tên').focus();
    await shoot('intake');
  });

  it('Hồ sơ list and a dossier detail', async () => {
    await page.keyboard.press('F3');
    await poll(() => page.getByTestId('dossier-count').textContent()).toBe('5 hồ sơ');
    await shoot('dossiers');
    await page.getByTestId('dossiers').getByTestId('row-name').filter({ hasText: 'Trần Văn Bình' }).click();
    await page.getByTestId('detail-actions').waitFor();
    await shoot('dossier-detail', [page.getByTestId('dossiers').locator('.mono')], page.locator('.ant-drawer'));
    await page.keyboard.press('Escape');
    await page.getByTestId('dossier-detail').waitFor({ state: 'detached' });
  });

  it('Trả kết quả, Sổ theo dõi, Danh mục and Cài đặt', async () => {
    await page.keyboard.press('Alt+4');
    await poll(() => page.getByTestId('returns').getByTestId('row-name').allTextContents()).toEqual(['Đỗ Đức Dũng']);
    await shoot('returns');

    await page.keyboard.press('Alt+5');
    await poll(() => page.getByTestId('register-total').textContent()).toBe('Số hồ sơ tiếp nhận trong kỳ: 5');
    await shoot('register', [page.locator('.ant-picker')]);

    await page.keyboard.press('Alt+8');
    await page.getByTestId('catalog-procedures').getByText('2.000815').waitFor();
    await shoot('catalog');
    await page.getByTestId('catalog-procedures').getByText('2.000815').click();
    await page.getByTestId('procedure-detail').waitFor();
    await shoot('catalog-procedure');
    await page.keyboard.press('Escape');
    await page.getByTestId('procedure-detail').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Lịch làm việc' }).click();
    await page.getByTestId('calendar-admin').getByText('Tết Dương lịch').first().waitFor();
    await shoot('calendar', [page.getByTestId('calendar-admin').locator('.ant-select')]);

    await page.keyboard.press('Alt+9');
    await poll(() => page.getByLabel('Họ tên người ký Mẫu 04, 05').inputValue()).toBe('Lê Văn Quyết');
    await shoot('settings');
  });
});
