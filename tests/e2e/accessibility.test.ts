/**
 * axe-core on every main screen of the counter, as an officer reaches it (real browser host, real
 * Chromium at 1366×768): no critical, no serious and no moderate violation anywhere — the setup
 * wizard, the sign-in, each menu screen with the call bar, the dossier drawer, a procedure open,
 * Ký số, the devices tab, the print preview, the lock screen, and the pages of the waiting room's
 * devices (pairing pad, kiosk, calling screen) and of the citizen's pages (lookup kiosk, procedure
 * board, rating tablet). A failure lists each violation's rule, element and axe's summary of the fix.
 * On each screen too: no name that a screen reader would say in English (an icon's own name).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockingViolations, MODERATE_TOO } from '../support/axe';
import { englishIconNames } from '../support/icon-names';
import { launchChromium } from '../support/browser';
import { newContextAt, openSignedIn, poll, receive, setUpCounter, signIn, type Counter } from '../support/counter';
import { rpcCall, startWebHost, type WebHost } from '../support/web-host';
import { OPEN_MINUTES } from '../../src-main/core/ratings/ratings';

vi.setConfig({ testTimeout: 120_000 });

const QR = '038186001234|186123456|Nguyễn Thị Hồng Đào|15081986|Nữ|Thôn Đông, xã Tân Lập, huyện Cẩm Thủy, Thanh Hóa|20042021';

let host: WebHost;
let browser: Browser;
let counter: Counter;
let page: Page;


beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/**
 * Lets antd's motion settle (drawers slide, modals fade) so axe sees the final colours. Moderate
 * counts too: every page has one main landmark and one h1, headings in order, all inside landmarks.
 */
async function expectAccessible(p: Page, screen: string) {
  await p.waitForTimeout(400);
  // Soft: one run reports every screen's violations, not only the first screen's.
  expect.soft(await blockingViolations(p, [], MODERATE_TOO), screen).toEqual([]);
  // And nothing a screen reader says in English: an icon's own name, alone or in a button's.
  expect.soft(await englishIconNames(p), `${screen}: names read in English`).toEqual([]);
}

async function freshPage(): Promise<Page> {
  const context = await newContextAt(browser, host.clock, { viewport: { width: 1366, height: 768 } });
  return context.newPage();
}

describe('accessibility of every main screen (axe-core: 0 critical, 0 serious)', () => {
  it('the setup wizard on first run', async () => {
    const wizard = await freshPage();
    await wizard.goto(host.url);
    await wizard.getByText('Khởi tạo ứng dụng').waitFor();
    await expectAccessible(wizard, 'Khởi tạo (setup wizard)');
    await wizard.context().close();
  });

  it('the sign-in screen', async () => {
    counter = await setUpCounter(host.url);
    const names = ['Đỗ Đức Dũng', 'Trần Văn Bình', 'Phạm Thị Thu Hà'];
    const received = [];
    for (const name of names) received.push(await receive(counter.rpc, name));
    for (const action of ['startProcessing', 'resultReady']) await counter.rpc('dossiers.act', { id: received[0]!.id, action });
    for (const action of ['startProcessing', 'resultReady', 'returnResult']) {
      await counter.rpc('dossiers.act', { id: received[1]!.id, action, ...(action === 'returnResult' ? { collectedBy: 'Trần Văn Bình' } : {}) });
    }
    // A waiting room: every shell screen then carries the call bar, which is checked with it.
    await counter.rpc('queue.saveFields', { fields: [{ name: 'Hộ tịch', counters: [1] }] });

    const login = await freshPage();
    await login.goto(host.url);
    await login.getByLabel('Tên đăng nhập').waitFor();
    await expectAccessible(login, 'Đăng nhập');
    await login.context().close();
  });

  it('Tổng quan, Tiếp nhận and the print preview', async () => {
    page = await openSignedIn(browser, host, counter.token);
    await page.getByLabel('Quầy số của máy này').fill('1');
    await page.getByLabel('Quầy số của máy này').press('Tab');
    await poll(() => page.getByTestId('call-current').textContent()).toBe('Chưa gọi số');
    await expectAccessible(page, 'Tổng quan');

    await page.keyboard.press('F2');
    const scan = page.getByLabel('Quét căn cước (QR)');
    await scan.fill(QR);
    await scan.press('Enter');
    await poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hồng Đào');
    const picker = page.getByTestId('intake').getByRole('combobox', { name: 'Thủ tục hành chính' });
    await picker.click();
    await picker.pressSequentially('2.000815');
    await page.locator('.ant-select-item-option').filter({ hasText: /2\.000815/ }).first().waitFor();
    await expectAccessible(page, 'Tiếp nhận: danh sách thủ tục');
    await page.locator('.ant-select-item-option').filter({ hasText: /2\.000815/ }).first().click();
    await page.getByLabel('Số trang mỗi bản').fill('3');
    await page.getByTestId('due-text').waitFor();
    await expectAccessible(page, 'Tiếp nhận');

    await page.keyboard.press('F9');
    await page.getByTestId('pdf-frame').waitFor();
    await expectAccessible(page, 'Xem trước bản in');
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
  });

  it('Hồ sơ and a dossier open in its drawer', async () => {
    await page.keyboard.press('F3');
    await poll(() => page.getByTestId('dossier-count').textContent()).toBe('4 hồ sơ');
    await expectAccessible(page, 'Hồ sơ');
    await page.getByTestId('dossiers').getByTestId('row-name').filter({ hasText: 'Đỗ Đức Dũng' }).click();
    await page.getByTestId('detail-actions').waitFor();
    await expectAccessible(page, 'Hồ sơ: ngăn chi tiết');
    await page.keyboard.press('Escape');
    await page.getByTestId('dossier-detail').waitFor({ state: 'detached' });
  });

  it('Trả kết quả, Sổ theo dõi, Báo cáo and Đồng bộ', async () => {
    await page.keyboard.press('Alt+4');
    await poll(() => page.getByTestId('returns').getByTestId('row-name').allTextContents()).toEqual(['Đỗ Đức Dũng']);
    await expectAccessible(page, 'Trả kết quả');

    await page.keyboard.press('Alt+5');
    await poll(() => page.getByTestId('register-total').textContent()).toBe('Số hồ sơ tiếp nhận trong kỳ: 4');
    await expectAccessible(page, 'Sổ theo dõi');

    await page.keyboard.press('Alt+6');
    await page.getByTestId('reports').waitFor();
    await expectAccessible(page, 'Báo cáo');

    await page.keyboard.press('Alt+7');
    await page.getByTestId('sync').waitFor();
    await expectAccessible(page, 'Đồng bộ');
  });

  it('Danh mục with a procedure open, Cài đặt and its Ký số tab', async () => {
    await page.keyboard.press('Alt+8');
    await page.getByTestId('catalog-procedures').getByText('2.000815').waitFor();
    await expectAccessible(page, 'Danh mục');
    await page.getByTestId('catalog-procedures').getByText('2.000815').click();
    await page.getByTestId('procedure-detail').waitFor();
    await expectAccessible(page, 'Danh mục: một thủ tục');
    await page.keyboard.press('Escape');
    await page.getByTestId('procedure-detail').waitFor({ state: 'detached' });

    await page.keyboard.press('Alt+9');
    await poll(() => page.getByRole('tab', { name: 'Ký số' }).count()).toBe(1);
    await expectAccessible(page, 'Cài đặt');
    await page.getByRole('tab', { name: 'Ký số' }).click();
    await page.getByRole('tabpanel', { name: 'Ký số' }).waitFor();
    await expectAccessible(page, 'Cài đặt: Ký số');
    await page.getByRole('tab', { name: 'Thiết bị công cộng' }).click();
    await page.getByTestId('queue-fields').waitFor();
    await expectAccessible(page, 'Cài đặt: Thiết bị công cộng');
  });

  it('the lock screen', async () => {
    await page.getByRole('button', { name: 'Khóa màn hình' }).click();
    await page.getByRole('dialog', { name: 'Màn hình đã khóa' }).waitFor();
    await expectAccessible(page, 'Khóa màn hình');
  });

  it('the pairing pad, the kiosk and the calling screen', async () => {
    const pad = await freshPage();
    await pad.goto(`${host.url}/kiosk`);
    await pad.getByTestId('pairing-input').waitFor();
    await expectAccessible(pad, 'Ghép nối thiết bị');
    await pad.context().close();

    // The lock screen above locked the administrator's session: a new sign-in makes the codes.
    const admin = await signIn(host.url);
    for (const scope of ['kiosk', 'display'] as const) {
      const { code } = await admin.rpc('devices.startPairing', { scope, label: scope });
      const token = (await rpcCall(host.url, 'devices.pair', { code })).body.result.token as string;
      const device = await freshPage();
      await device.context().addInitScript((t) => localStorage.setItem('motcua.deviceToken', t), token);
      await device.goto(`${host.url}/${scope}`);
      await device.getByTestId(scope).waitFor();
      await expectAccessible(device, scope === 'kiosk' ? 'Ki-ốt lấy số' : 'Màn hình gọi số');
      if (scope === 'kiosk') {
        await device.getByRole('button', { name: 'Hộ tịch' }).click();
        await device.getByTestId('kiosk-number').waitFor();
        await expectAccessible(device, 'Ki-ốt lấy số: số vừa lấy');
        // Opened at another device's address: it says what it is paired for, with a link to its page.
        await device.goto(`${host.url}/display`);
        await device.getByTestId('device-paired').waitFor();
        await expectAccessible(device, 'Thiết bị mở nhầm trang');
      }
      await device.context().close();
    }
  });

  it('the lookup kiosk, the procedure board and the rating tablet', async () => {
    // The receipts above were made at counter 1 (the officer's window sits there once the queue is
    // on), and each left a rating open for OPEN_MINUTES. The tablet starts idle only once they have
    // lapsed, as at a counter where the last citizen left a while ago.
    await host.clock.set(new Date(host.clock.now().getTime() + (OPEN_MINUTES + 1) * 60_000).toISOString());
    const admin = await signIn(host.url);
    const paired = async (scope: 'lookup' | 'board' | 'rating', viewport: { width: number; height: number }, counterNo: number | null = null) => {
      const { code } = await admin.rpc('devices.startPairing', { scope, label: scope, counterNo });
      const token = (await rpcCall(host.url, 'devices.pair', { code })).body.result.token as string;
      const context = await newContextAt(browser, host.clock, { viewport, hasTouch: scope === 'rating' });
      await context.addInitScript((t) => localStorage.setItem('motcua.deviceToken', t), token);
      const device = await context.newPage();
      await device.goto(`${host.url}/${scope}`);
      return device;
    };

    // The rating tablet of counter 1, idle, then asking after a receipt at counter 1.
    const tablet = await paired('rating', { width: 1280, height: 800 }, 1);
    await tablet.getByTestId('rating-idle').waitFor();
    await expectAccessible(tablet, 'Máy đánh giá: chờ');
    await admin.rpc('queue.counter', { counterNo: 1 });
    const withPhone = await admin.rpc('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Lê Thị Thu Hà', phone: '0912345678' }, pages: 1, copies: 1 });
    await tablet.getByTestId('rating-open').waitFor();
    await expectAccessible(tablet, 'Máy đánh giá: câu hỏi');
    await tablet.getByTestId('rating-level-satisfied').tap();
    await tablet.getByText('Đánh giá thêm theo từng tiêu chí (không bắt buộc)').click();
    await tablet.locator('.device-rating-criterion').first().waitFor();
    await expectAccessible(tablet, 'Máy đánh giá: từng tiêu chí');
    await tablet.getByTestId('rating-submit').tap();
    await tablet.getByTestId('rating-thanks').waitFor();
    await expectAccessible(tablet, 'Máy đánh giá: cảm ơn');
    await tablet.context().close();

    // The lookup kiosk: its start, an answer, and a refusal.
    const lookup = await paired('lookup', { width: 1080, height: 1920 });
    await lookup.getByTestId('lookup-code-input').waitFor();
    await expectAccessible(lookup, 'Ki-ốt tra cứu');
    await lookup.getByTestId('lookup-code-input').fill(withPhone.code);
    await lookup.getByTestId('lookup-phone').fill('5678');
    await lookup.getByTestId('lookup-submit').click();
    await poll(() => lookup.getByTestId('lookup-status').textContent()).toBe('Đã tiếp nhận');
    await expectAccessible(lookup, 'Ki-ốt tra cứu: kết quả');
    await lookup.getByRole('button', { name: 'Xong' }).click();
    await lookup.getByTestId('lookup-code-input').fill(withPhone.code);
    await lookup.getByTestId('lookup-phone').fill('0000');
    await lookup.getByTestId('lookup-submit').click();
    await lookup.getByTestId('lookup-error').waitFor();
    await expectAccessible(lookup, 'Ki-ốt tra cứu: không tìm thấy');
    await lookup.context().close();

    // The procedure board: the list, a search, one procedure with its QR.
    const board = await paired('board', { width: 1920, height: 1080 });
    await board.getByTestId('board-item').first().waitFor();
    await expectAccessible(board, 'Bảng công khai thủ tục');
    await board.getByTestId('board-search').locator('input').fill('khai tu');
    await poll(() => board.getByTestId('board-item').first().textContent()).toContain('Đăng ký khai tử');
    await expectAccessible(board, 'Bảng công khai thủ tục: tìm kiếm');
    await board.getByTestId('board-item').first().click();
    await board.getByTestId('board-procedure').waitFor();
    await expectAccessible(board, 'Bảng công khai thủ tục: một thủ tục');
    await board.context().close();
    // Three devices and eleven axe runs: 111 s once on a loaded machine, so more room than the file's default.
  }, 300_000);
});
