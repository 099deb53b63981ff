/**
 * calendar.computeDue over the browser host's HTTP RPC answers every hand-worked table case
 * (tests/unit/domain/deadline-cases.ts), once the administrator has confirmed 2025 and 2026 as
 * the cases assume; the answer carries the printed wording and the skipped days. Past the last
 * year the calendar holds, the answer is provisional and says why (issue #12).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { rpcCall, SAMPLE_SETUP } from '../../support/web-host';
import { at, DEADLINE_CASES } from '../../unit/domain/deadline-cases';

let host: CoreHost;
let token: string;

beforeAll(async () => {
  host = await startCoreHost();
  await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP);
  token = (await rpcCall(host.url, 'auth.login', { username: 'quantri', password: SAMPLE_SETUP.admin.password })).body.result.token;
  for (const year of [2025, 2026]) expect((await rpcCall(host.url, 'calendar.confirmYear', { year }, token)).status).toBe(200);
});
afterAll(async () => host?.close());

describe('calendar.computeDue over HTTP', () => {
  it.each(DEADLINE_CASES)('$name', async (c) => {
    const res = await rpcCall(
      host.url,
      'calendar.computeDue',
      { receivedAt: at(c.received), amount: c.amount, unit: c.unit, ...(c.cutoff15 !== undefined ? { cutoff15: c.cutoff15 } : {}) },
      token,
    );
    expect(res.status).toBe(200);
    expect(res.body.result.dueAt).toBe(at(c.due));
    expect(res.body.result.provisional).toBe(c.provisional ?? false);
    expect(res.body.result.dueText).toMatch(/^\d{2} giờ \d{2} phút, ngày \d{2} tháng \d{2} năm \d{4}$/);
    expect(res.body.result.explanation.length).toBeGreaterThan(0);
  });

  it('past the last calendar year, computes from the statute: provisional, with the reason and who must act', async () => {
    const res = await rpcCall(host.url, 'calendar.computeDue', { receivedAt: '2031-03-03T09:00:00+07:00', amount: 3, unit: 'working_days' }, token);
    expect(res.status).toBe(200);
    // Monday 09:00 + 24 working hours: Thursday 09:00 (no holiday that week in any year).
    expect(res.body.result).toMatchObject({ dueAt: '2031-03-06T09:00:00+07:00', provisional: true, yearsWithoutCalendar: [2031] });
    expect(res.body.result.explanation[0]).toMatch(/^Chưa có lịch làm việc năm 2031: .*dự kiến\. Quản trị viên cần lập và xác nhận lịch làm việc năm 2031\.$/);
  });

  it('drafts only the years a due date reaches, and stores nothing: the administrator still drafts and confirms', async () => {
    // Received in December 2027 (a year the calendar holds), due two months later in 2028.
    const res = await rpcCall(host.url, 'calendar.computeDue', { receivedAt: '2027-12-20T09:00:00+07:00', amount: 2, unit: 'months' }, token);
    expect(res.status).toBe(200);
    expect(res.body.result.yearsWithoutCalendar).toEqual([2028]);
    expect(res.body.result.provisional).toBe(true);
    const stored = await rpcCall(host.url, 'calendar.get', {}, token);
    expect(stored.body.result.years.map((y: { year: number }) => y.year)).not.toContain(2028);

    expect((await rpcCall(host.url, 'calendar.draftYear', { year: 2028 }, token)).status).toBe(200);
    const drafted = await rpcCall(host.url, 'calendar.computeDue', { receivedAt: '2027-12-20T09:00:00+07:00', amount: 2, unit: 'months' }, token);
    expect(drafted.body.result).toMatchObject({ dueAt: res.body.result.dueAt, provisional: true, yearsWithoutCalendar: [] });
  });

  it('still refuses a year before the calendar begins (a clock years behind), with a clear Vietnamese message', async () => {
    const res = await rpcCall(host.url, 'calendar.computeDue', { receivedAt: '2024-03-04T09:00:00+07:00', amount: 3, unit: 'working_days' }, token);
    expect(res.status).toBe(409);
    expect(res.body.error!.code).toBe('CALENDAR_MISSING');
    expect(res.body.error!.message).toMatch(/2024/);
  });
});
