/**
 * Trusted time (ANCHORS.md §8.7): the hub's clock is the reference. Every exchange estimates the
 * offset at the request's midpoint; a large offset, or a device clock that reads earlier than the
 * hub's time at the last exchange (a dead CMOS battery after a power cut), makes the clock
 * untrusted. Pure functions: times in, verdicts out.
 */
import type { ClockReading } from './meta';

/** Beyond this the appointment dates printed for citizens could be a day wrong near midnight. */
export const MAX_CLOCK_OFFSET_MS = 5 * 60_000;

/** offset = server − local midpoint; positive means the device clock is behind the hub. */
export function measureOffset(sentAtMs: number, receivedAtMs: number, serverTimeIso: string): number {
  return Math.round(Date.parse(serverTimeIso) - (sentAtMs + receivedAtMs) / 2);
}

function humanDuration(ms: number): string {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const minutes = Math.round((abs % 3_600_000) / 60_000);
  const parts = [days ? `${days} ngày` : '', hours ? `${hours} giờ` : '', minutes ? `${minutes} phút` : ''].filter(Boolean);
  return parts.join(' ') || 'dưới 1 phút';
}

/** The warning shown to the officer, or null when the clock can be trusted. */
export function clockWarning(reading: ClockReading | null, nowMs: number): string | null {
  if (!reading) return null; // never exchanged with a hub: nothing to compare with
  if (Math.abs(reading.offsetMs) > MAX_CLOCK_OFFSET_MS) {
    const direction = reading.offsetMs > 0 ? 'chậm' : 'nhanh';
    return (
      `CẢNH BÁO: Đồng hồ máy tính đang ${direction} ${humanDuration(reading.offsetMs)} so với giờ của hệ thống tỉnh. ` +
      'Ngày hẹn trả kết quả có thể bị tính sai nên tạm thời không in Giấy tiếp nhận và hẹn trả kết quả. ' +
      'Hãy chỉnh lại ngày giờ của máy rồi bấm "Đồng bộ ngay".'
    );
  }
  const trustedMs = Date.parse(reading.serverTime);
  if (nowMs < trustedMs - MAX_CLOCK_OFFSET_MS) {
    return (
      `CẢNH BÁO: Đồng hồ máy tính đang chỉ thời điểm sớm hơn lần đồng bộ gần nhất (${humanDuration(trustedMs - nowMs)}). ` +
      'Có thể pin đồng hồ của máy đã hết sau khi mất điện. Tạm thời không in ngày hẹn trả kết quả; ' +
      'hãy chỉnh lại ngày giờ rồi bấm "Đồng bộ ngay".'
    );
  }
  return null;
}

/** A fresh measurement that shows a good clock ends an administrator's override. */
export function isTrusted(reading: ClockReading, nowMs: number): boolean {
  return clockWarning(reading, nowMs) === null;
}
