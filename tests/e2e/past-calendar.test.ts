/**
 * A counter still in use past the last year its calendar holds (the shipped one ends with 2027):
 * on 1 March 2029 the officer receives as usual; the due date is computed from the statute's
 * holidays, shown and printed on Mẫu 01 as provisional ("dự kiến"), and the screen says why and
 * who must act. Never a refusal, a crash or a blank screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
import { flat, pdfText } from '../print/tools';
import { startWebHost, type WebHost } from '../support/web-host';

vi.setConfig({ testTimeout: 90_000 });

/** A Thursday morning, two years after the last calendar year the app ships. */
const IN_2029 = '2029-03-01T09:00:00+07:00';

let host: WebHost;
let browser: Browser;
let counter: Counter;
let page: Page;
const pageErrors: string[] = [];
let received = '';

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost({ clock: IN_2029 }), launchChromium()]);
  counter = await setUpCounter(host.url);
  page = await openSignedIn(browser, host, counter.token);
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('past the last calendar year the app knows', () => {
  it('receives, shows the due date as provisional with the reason, and prints Mẫu 01 marked "dự kiến"', async () => {
    const calendar = await counter.rpc('calendar.get', {});
    expect(Math.max(...calendar.years.map((y: { year: number }) => y.year))).toBeLessThan(2029);

    await page.keyboard.press('F2');
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn Hậu');
    const picker = page.getByTestId('intake').getByRole('combobox', { name: 'Thủ tục hành chính' });
    await picker.click();
    // A procedure the commune resolves itself (Mẫu 01 is its own slip), 03 ngày làm việc.
    await picker.pressSequentially('xac nhan tinh trang hon nhan', { delay: 10 });
    await page.locator('.ant-select-item-option').filter({ hasText: /1\.004873/ }).first().click();

    // Thursday 09:00 + 3 working days over the weekend: Tuesday 09:00, provisional.
    await poll(() => page.getByTestId('due-text').textContent()).toBe('09 giờ 00 phút, ngày 06 tháng 03 năm 2029');
    expect(await page.getByTestId('due-preview').textContent()).toContain('(dự kiến)');
    const reason = await page.getByTestId('calendar-missing').textContent();
    expect(reason).toContain('Chưa có lịch làm việc năm 2029');
    expect(reason).toContain('quản trị viên lập và xác nhận lịch năm 2029');
    await page.getByTestId('due-preview').getByText('Cách tính').click();
    await expect(page.getByTestId('due-preview').locator('.explain').textContent()).resolves.toContain(
      'ngày hẹn trả được tính tạm theo các ngày nghỉ lễ, tết của Bộ luật Lao động',
    );

    await page.keyboard.press('F9');
    await page.getByTestId('pdf-frame').waitFor();
    const code = (await page.getByTestId('intake-code').textContent())!;
    expect(code).toMatch(/^000\.00\.17\.H56-290301-\d{4}$/);
    received = code;
    const dossier = await counter.rpc('dossiers.get', { code });
    expect(dossier).toMatchObject({ status: 'received', dueProvisional: true });
    expect(dossier.dueAt).toBe('2029-03-06T09:00:00+07:00');

    // The slip the citizen takes home: the archived Mẫu 01 of this receipt.
    const slip = await counter.rpc('print.render', { form: 'mau01', dossierId: dossier.id });
    const text = flat(pdfText(Buffer.from(slip.pdf, 'base64')));
    expect(text).toContain('09 giờ 00 phút, ngày 06 tháng 03 năm 2029 (dự kiến)');
    expect(text).toContain(code);

    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('lists the dossier and opens its detail with the provisional due date', async () => {
    await page.keyboard.press('F3');
    await page.getByTestId('dossier-search').fill(received);
    // The list says "dự kiến" in words (with a tooltip why), not an unexplained "*".
    await poll(() => page.getByTestId('list-due').first().textContent()).toBe('06/03/2029 (dự kiến)');
    await page.getByTestId('dossier-search').press('Enter');
    await poll(() => page.getByTestId('detail-due').textContent()).toContain('(dự kiến)');
    expect(await page.getByTestId('detail-due').textContent()).toContain('ngày 06 tháng 03 năm 2029');
    expect(pageErrors).toEqual([]);
  });
});
