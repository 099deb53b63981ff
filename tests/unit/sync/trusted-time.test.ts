/** Trusted time: the offset to the hub and when the device clock may not date an appointment. */
import { describe, expect, it } from 'vitest';
import { printingBlockedByClock } from '@shared/rpc/sync';
import { clockWarning, measureOffset } from '../../../src-main/core/sync/trusted-time';

const T = Date.parse('2026-11-23T09:00:00Z');

describe('trusted time', () => {
  it('measures the offset at the midpoint of the exchange', () => {
    expect(measureOffset(T, T + 200, new Date(T + 100).toISOString())).toBe(0);
    expect(measureOffset(T, T + 200, new Date(T + 100 + 2 * 86_400_000).toISOString())).toBe(2 * 86_400_000);
  });

  it('trusts a clock within five minutes of the hub, and knows nothing before the first exchange', () => {
    expect(clockWarning(null, T)).toBeNull();
    expect(clockWarning({ offsetMs: 299_000, serverTime: new Date(T).toISOString(), measuredAt: '' }, T)).toBeNull();
  });

  it('warns loudly, in Vietnamese, about a device three hours fast', () => {
    const w = clockWarning({ offsetMs: -3 * 3_600_000, serverTime: new Date(T).toISOString(), measuredAt: '' }, T);
    expect(w).toContain('CẢNH BÁO: Đồng hồ máy tính đang nhanh 3 giờ');
  });

  it('warns when the device clock reads earlier than the hub time of the last exchange (dead CMOS battery)', () => {
    const reading = { offsetMs: 1_000, serverTime: new Date(T).toISOString(), measuredAt: '' };
    expect(clockWarning(reading, T - 86_400_000)).toContain('sớm hơn lần đồng bộ gần nhất (1 ngày)');
    expect(clockWarning(reading, T + 3_600_000)).toBeNull();
  });

  it('blocks appointment printing while a warning stands, unless an administrator overrode it', () => {
    expect(printingBlockedByClock({ clockWarning: null, clockOverride: null })).toBe(false);
    expect(printingBlockedByClock({ clockWarning: 'CẢNH BÁO', clockOverride: null })).toBe(true);
    expect(printingBlockedByClock({ clockWarning: 'CẢNH BÁO', clockOverride: { reason: 'x', officerName: 'y', at: 'z' } })).toBe(false);
  });
});
