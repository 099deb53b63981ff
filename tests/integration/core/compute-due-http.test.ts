/**
 * calendar.computeDue over the browser host's HTTP RPC answers every hand-worked table case
 * (tests/unit/domain/deadline-cases.ts), once the administrator has confirmed 2025 and 2026 as
 * the cases assume; the answer carries the printed wording and the skipped days.
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

  it('refuses a year with no calendar at all with a clear Vietnamese message', async () => {
    const res = await rpcCall(host.url, 'calendar.computeDue', { receivedAt: '2031-03-03T09:00:00+07:00', amount: 3, unit: 'working_days' }, token);
    expect(res.status).toBe(409);
    expect(res.body.error!.code).toBe('CALENDAR_MISSING');
    expect(res.body.error!.message).toMatch(/2031/);
  });
});
