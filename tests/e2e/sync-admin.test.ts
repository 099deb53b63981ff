/**
 * Đồng bộ before enrolment (no hub running: only the screen's states), and the administrator's
 * Sao lưu and Nhật ký tabs in Cài đặt.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/browser';
import { openSignedIn, poll, setUpCounter, type Counter } from '../support/counter';
import { baselineScreenshot, compareWithBaseline, MAX_DIFF_RATIO } from '../support/screenshot-compare';
import { rpcCall, startWebHost, type WebHost } from '../support/web-host';

vi.setConfig({ testTimeout: 90_000 });

let host: WebHost;
let browser: Browser;
let counter: Counter;
let page: Page;

beforeAll(async () => {
  [host, browser] = await Promise.all([startWebHost(), launchChromium()]);
  counter = await setUpCounter(host.url);
  page = await openSignedIn(browser, host, counter.token);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe('Đồng bộ', () => {
  it('says the device is not enrolled and offers the enrolment form', async () => {
    const status = await counter.rpc('sync.status', {});
    expect(status).toMatchObject({ enrolled: false, state: 'not_enrolled' });
    await poll(() => page.getByTestId('sync-indicator').textContent()).toBe('Chưa đồng bộ');

    await page.keyboard.press('Alt+7');
    await page.getByTestId('sync-not-enrolled').waitFor();
    await page.getByTestId('enroll-form').waitFor();
    // Alt+7 puts the keyboard inside the screen: the next Tab reaches its first field.
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sync');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('enroll_hubUrl');
    expect(await page.getByTestId('sync-state').textContent()).toBe('Chưa đăng ký đồng bộ');
    expect(await page.getByTestId('sync-pending').textContent()).toBe(String(status.pending));
    expect(await page.getByRole('button', { name: 'Đồng bộ ngay' }).isDisabled()).toBe(true);
  });

  it('looks as reviewed at 1366×768', async () => {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    const png = await baselineScreenshot(page, [page.locator('.mono, .dyn')]);
    const result = compareWithBaseline('sync.png', png);
    expect(result.sizeMatches).toBe(true);
    expect(result.ratio).toBeLessThanOrEqual(MAX_DIFF_RATIO);
  });

  it('answers an invalid hub address in Vietnamese, next to the field', async () => {
    const direct = await rpcCall(host.url, 'sync.enroll', { hubUrl: 'khong-phai-dia-chi', code: 'ABC123' }, counter.token);
    expect(direct.body.error?.code).toBe('INVALID_INPUT');

    await page.getByLabel('Địa chỉ hệ thống tỉnh').fill('khong-phai-dia-chi');
    await page.getByLabel('Mã đăng ký một lần').fill('ABC123');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    const explain = page.getByTestId('enroll-form').locator('.ant-form-item-explain-error');
    await explain.first().waitFor();
    const text = (await explain.allTextContents()).join(' ');
    expect(text).toMatch(VIETNAMESE);
    expect(await page.getByTestId('sync-state').textContent()).toBe('Chưa đăng ký đồng bộ');
  });
});

describe('Cài đặt — Sao lưu and Nhật ký', () => {
  it('creates a backup now and lists it', async () => {
    await page.keyboard.press('Alt+9');
    await page.getByRole('tab', { name: 'Sao lưu' }).click();
    await page.getByTestId('backups').waitFor();
    const before = (await counter.rpc('backup.list', {})).items.length;
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await poll(() => page.getByTestId('backup-row').count()).toBe(before + 1);
    const after = (await counter.rpc('backup.list', {})).items;
    expect(after).toHaveLength(before + 1);
    const manual = after.find((b: { kind: string }) => b.kind === 'manual');
    expect(manual).toBeTruthy();
    await expect(page.getByTestId('backups').textContent()).resolves.toContain(manual.name);
    await expect(page.getByTestId('backups').textContent()).resolves.toContain('Thủ công');
  });

  it('lists the audit log in words, filters it by kind of action and verifies the chain', async () => {
    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    await page.getByTestId('audit').waitFor();
    await poll(async () => (await page.getByTestId('audit-action').allTextContents()).includes('Đăng nhập')).toBe(true);
    const shown = await page.getByTestId('audit-action').allTextContents();
    expect(shown.filter((a) => /[a-z]+[._][a-z]+/.test(a))).toEqual([]);
    const details = await page.getByTestId('audit-details').allTextContents();
    expect(details.filter((d) => /[{}"]|[a-z]+_[a-z]+/.test(d))).toEqual([]);

    const signIns = (await counter.rpc('audit.list', { action: 'auth.', limit: 200 })).items.length;
    expect(signIns).toBeGreaterThanOrEqual(1);
    await page.getByLabel('Lọc theo loại thao tác').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Đăng nhập, khóa màn hình' }).first().click();
    await poll(() => page.getByTestId('audit-action').count()).toBe(Math.min(signIns, 50));
    const filtered = new Set(await page.getByTestId('audit-action').allTextContents());
    expect(filtered.has('Đăng nhập')).toBe(true);
    for (const a of filtered) expect(a).toMatch(/Đăng nhập|Đăng xuất|khóa màn hình|mật khẩu|phiên đăng nhập/);

    await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
    await poll(() => page.getByTestId('audit-verify').textContent()).toMatch(/^Nhật ký toàn vẹn: đã kiểm tra \d+ dòng/);
  });
});
