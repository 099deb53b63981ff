import { describe, expect, it } from 'vitest';
import {
  cleanText,
  foldForSearch,
  formatDateLineVi,
  formatDateTimeVi,
  formatDateVi,
  formatDong,
  formatDongPrinted,
  nfc,
  parseDateVi,
  stripInvisible,
} from '@shared/domain/text';
import { toVnIso } from '@shared/domain/vn-time';

describe('Vietnamese text normalisation', () => {
  const nfd = 'Đỗ Đức Dũng'.normalize('NFD');

  it('NFC makes an NFD name from a scanner equal to the typed one', () => {
    expect(nfd).not.toBe('Đỗ Đức Dũng');
    expect(nfc(nfd)).toBe('Đỗ Đức Dũng');
  });

  it('folds for search: "do duc dung" finds "Đỗ Đức Dũng"', () => {
    expect(foldForSearch('Đỗ Đức Dũng')).toBe('do duc dung');
    expect(foldForSearch(nfd)).toBe('do duc dung');
    expect(foldForSearch('  NGUYỄN   Thị\tHƯƠNG ')).toBe('nguyen thi huong');
    expect(foldForSearch('Phường Bến Nghé, Quận 1')).toBe('phuong ben nghe, quan 1');
  });

  it('strips zero-width characters, BOM and soft hyphens left by IMEs', () => {
    expect(stripInvisible('\uFEFFNguy\u200Bễn\u00AD Văn\u200D A')).toBe('Nguyễn Văn A');
    expect(foldForSearch('Trần\u200C Thị')).toBe('tran thi');
  });

  it('cleanText removes a stray tone mark typed on a space or digit', () => {
    expect(cleanText('Lê \u0301Văn  Tám 1\u0300')).toBe('Lê Văn Tám 1');
  });
});

describe('money in đồng', () => {
  it.each([
    [1000, '1.000 đ'],
    [0, '0 đ'],
    [200000, '200.000 đ'],
    [1234567, '1.234.567 đ'],
    [-5000, '-5.000 đ'],
  ])('%i → %s', (amount, text) => {
    expect(formatDong(amount)).toBe(text);
  });

  it('refuses fractions of a đồng', () => {
    expect(() => formatDong(10.5)).toThrow(RangeError);
    expect(() => formatDongPrinted(10.5)).toThrow(RangeError);
  });

  it('spells the unit out on printed forms, with the same digits', () => {
    expect(formatDongPrinted(6000)).toBe('6.000 đồng');
    expect(formatDongPrinted(1234567)).toBe('1.234.567 đồng');
  });
});

describe('dates in Asia/Ho_Chi_Minh (UTC+7, no DST)', () => {
  it('17:30 UTC is already the next day in Vietnam', () => {
    expect(formatDateVi('2026-11-23T17:30:00Z')).toBe('24/11/2026');
    expect(formatDateTimeVi('2026-11-23T17:30:00Z')).toBe('00:30 24/11/2026');
  });

  it('a string without offset is Vietnamese wall-clock time, not the host time zone', () => {
    expect(toVnIso('2026-11-23T08:00')).toBe('2026-11-23T08:00:00+07:00');
    expect(toVnIso(new Date(Date.UTC(2026, 10, 23, 1, 0)))).toBe('2026-11-23T08:00:00+07:00');
  });

  it('parses d/M/yyyy as officers type it and rejects impossible dates', () => {
    expect(parseDateVi('5/2/2026')).toBe('2026-02-05');
    expect(parseDateVi('24/11/2026')).toBe('2026-11-24');
    expect(parseDateVi('31/02/2026')).toBeNull();
    expect(parseDateVi('2026-02-05')).toBeNull();
  });

  it('prints the place-and-date line NĐ 30/2020 style (pad day < 10 and months 1–2)', () => {
    expect(formatDateLineVi('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(formatDateLineVi('2026-03-15')).toBe('ngày 15 tháng 3 năm 2026');
  });
});
