/**
 * The province admin page's Phản ánh, kiến nghị screen in Chromium, against a hub on PGlite: the
 * feedback a commune's counter pushed is counted per commune (received, answered, on time, overdue)
 * and listed in plain Vietnamese when the commune is chosen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackAnswered, FeedbackReceived } from '@shared/sync/feedback-op';
import type { Op } from '@shared/sync/protocol';
import { DEFAULT_ADMIN_UI_DIR } from '../../../src-server/routes/admin-page';
import { artifactPath, launchChromium } from '../../support/browser';
import { runningClock } from '../../support/clock';
import { newContextAt, poll } from '../../support/counter';
import { ADMIN, enrollCounter, hubForTests, newCommune, push, type Counter } from '../hub/harness';

const { hub } = hubForTests('pglite', { clock: runningClock('2026-12-05T10:00:00+07:00') });
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DEFAULT_ADMIN_UI_DIR, 'index.html'))) throw new Error('dist/hub-admin is not built: run the tests without SKIP_RENDERER_BUILD=1');
  browser = await launchChromium();
  baseUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await browser?.close();
});

const LONG =
  'Đề nghị xã xem xét lại việc thu phí chứng thực bản sao tại bộ phận một cửa, vì tôi được thu hai lần cho cùng một giấy tờ trong cùng một buổi sáng mà không được giải thích rõ lý do, mong xã trả lời sớm.';

function feedbackOp(counter: Counter, payload: FeedbackReceived | FeedbackAnswered): Op {
  const opType = 'answer' in payload ? 'feedback.answer' : 'feedback.receive';
  return { opId: uuidv7(), seq: ++counter.seq, deviceEpoch: counter.epoch, opType, entityId: payload.id, payload, createdAt: hub.clock.now().toISOString() } as Op;
}

describe('Phản ánh, kiến nghị on the province admin page', () => {
  it('counts each commune’s feedback and lists one commune’s in plain words', async () => {
    const tanLap = await newCommune(hub, 'UBND xã Tân Lập');
    const quangPhu = await newCommune(hub, 'UBND xã Quảng Phú');
    const counter = await enrollCounter(hub, tanLap.code);
    const base = (content: string, channel: 'kiosk' | 'counter', receivedAt: string, dueAt: string): FeedbackReceived => ({
      id: uuidv7(),
      agencyCode: tanLap.code,
      channel,
      content,
      receivedAt,
      dueAt,
    });
    const onTime = base('Đề nghị bố trí thêm ghế chờ ở khu tiếp dân.', 'kiosk', '2026-12-01T08:00:00+07:00', '2026-12-16T08:00:00+07:00');
    const overdue = base('Kiến nghị niêm yết lệ phí chứng thực rõ hơn.', 'counter', '2026-12-01T09:00:00+07:00', '2026-12-04T09:00:00+07:00');
    const late = base('Phản ánh cán bộ hẹn trả kết quả nhiều lần chưa được.', 'counter', '2026-12-02T09:00:00+07:00', '2026-12-03T09:00:00+07:00');
    const open = base(LONG, 'kiosk', '2026-12-05T08:00:00+07:00', '2026-12-20T08:00:00+07:00');
    const ops = [
      ...[onTime, overdue, late, open].map((f) => feedbackOp(counter, f)),
      feedbackOp(counter, { ...onTime, answer: 'Xã đã bố trí thêm 10 ghế.', answeredAt: '2026-12-03T08:00:00+07:00' }),
      feedbackOp(counter, { ...late, answer: 'Xã đã trả kết quả và nhắc nhở cán bộ.', answeredAt: '2026-12-04T15:00:00+07:00' }),
    ];
    expect((await push(hub, counter, ops)).body.results.map((r) => r.result)).toEqual(ops.map(() => 'applied'));

    const page = await (await newContextAt(browser, hub.clock, { viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('menuitem', { name: 'Phản ánh, kiến nghị' }).click();
    // Every screen's entry shows at 1440 px: none folded under the menu's "…".
    for (const name of ['Chữ ký số', 'Nhập từ USB']) expect(await page.getByRole('menuitem', { name }).isVisible()).toBe(true);

    // This month (December, the hub's): Tân Lập's four, Quảng Phú's none.
    const communes = page.getByTestId('feedback-communes');
    const tanLapRow = communes.getByRole('row', { name: /UBND xã Tân Lập/ });
    await poll(() => tanLapRow.locator('td').allTextContents()).toEqual(['UBND xã Tân Lập', '4', '2', '1', '1', 'Xem danh sách']);
    const quangPhuRow = communes.getByRole('row', { name: /UBND xã Quảng Phú/ });
    expect(await quangPhuRow.locator('td').allTextContents()).toEqual(['UBND xã Quảng Phú', '0', '0', '0', '0', 'Xem danh sách']);
    expect(await quangPhuRow.getByRole('button', { name: 'Xem danh sách' }).isDisabled()).toBe(true);
    expect(quangPhu.code).not.toBe(tanLap.code);

    await tanLapRow.getByRole('button', { name: 'Xem danh sách' }).click();
    await page.getByText('Phản ánh, kiến nghị của UBND xã Tân Lập').waitFor();
    const items = page.getByTestId('feedback-items').locator('.ant-table-tbody tr.ant-table-row');
    await poll(() => items.count()).toBe(4);
    const rows = await items.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['05/12/2026', 'Gửi tại máy kiosk', '20/12/2026', 'Chưa trả lời, còn hạn'],
      ['02/12/2026', 'Cán bộ ghi nhận tại quầy', '03/12/2026', 'Đã trả lời quá hạn'],
      ['01/12/2026', 'Cán bộ ghi nhận tại quầy', '04/12/2026', 'Quá hạn, chưa trả lời'],
      ['01/12/2026', 'Gửi tại máy kiosk', '16/12/2026', 'Đã trả lời đúng hạn'],
    ]);
    // A long content is cut to a summary at a word; short ones are whole.
    expect(rows[0]![2]).toMatch(/^Đề nghị xã xem xét lại việc thu phí chứng thực.*\S…$/);
    expect(rows[0]![2]!.length).toBeLessThan(LONG.length);
    expect(rows[3]![2]).toBe('Đề nghị bố trí thêm ghế chờ ở khu tiếp dân.');
    // Plain Vietnamese: no status or channel codes on the screen.
    const text = (await page.locator('.admin-content').textContent()) ?? '';
    for (const code of ['answered_on_time', 'answered_late', 'overdue', 'counter', 'undefined']) expect(text).not.toContain(code);
    await page.screenshot({ path: artifactPath('hub-admin-feedback.png'), fullPage: true, animations: 'disabled' });
  });
});
