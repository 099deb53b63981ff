/**
 * Dates, times and money as the forms print them (NĐ 30/2020 date line; Mẫu 01 appointment
 * times), written by the shared Vietnamese text rules, and what only forms write (format.ts).
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAppointmentVi, formatDateLineVi, formatDongPrinted } from '@shared/domain/text';
import { vnParts } from '@shared/domain/vn-time';
import { formatPlaceDate, upperVi } from '../../src-main/core/print/format';

describe('the NĐ 30 date line', () => {
  it.each([
    ['2026-02-05', 'ngày 05 tháng 02 năm 2026'],
    ['2026-03-15', 'ngày 15 tháng 3 năm 2026'],
    ['2026-01-31', 'ngày 31 tháng 01 năm 2026'],
    ['2026-12-09', 'ngày 09 tháng 12 năm 2026'],
    ['2026-10-01', 'ngày 01 tháng 10 năm 2026'],
  ])('%s → %s', (date, expected) => {
    expect(formatDateLineVi(date)).toBe(expected);
  });

  it('is dated in Vietnam time: 20:00 UTC on 4 March is already 5 March in Hòa An', () => {
    expect(formatPlaceDate('Hòa An', '2026-03-04T20:00:00Z')).toBe('Hòa An, ngày 05 tháng 3 năm 2026');
  });
});

describe('appointment times', () => {
  it('prints "HH giờ mm phút, ngày dd tháng MM năm yyyy" in UTC+7', () => {
    expect(formatAppointmentVi('2026-02-05T09:30:00Z')).toBe('16 giờ 30 phút, ngày 05 tháng 02 năm 2026');
    expect(formatAppointmentVi('2026-11-23T17:05:00Z')).toBe('00 giờ 05 phút, ngày 24 tháng 11 năm 2026');
    expect(formatAppointmentVi('2026-03-15T01:00:00+07:00')).toBe('01 giờ 00 phút, ngày 15 tháng 03 năm 2026');
  });

  it('always has the fixed shape, and agrees with the instant shifted by 7 hours', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const s = formatAppointmentVi(d.toISOString());
        const m = /^(\d{2}) giờ (\d{2}) phút, ngày (\d{2}) tháng (\d{2}) năm (\d{4})$/.exec(s);
        expect(m).not.toBeNull();
        const local = new Date(d.getTime() + 7 * 3600_000);
        expect(Number(m![1])).toBe(local.getUTCHours());
        expect(Number(m![3])).toBe(local.getUTCDate());
        expect(Number(m![4])).toBe(local.getUTCMonth() + 1);
        expect(vnParts(d.toISOString()).year).toBe(local.getUTCFullYear());
      }),
    );
  });
});

describe('other printed values', () => {
  it('groups đồng with dots', () => {
    expect(formatDongPrinted(6000)).toBe('6.000 đồng');
    expect(formatDongPrinted(1234567)).toBe('1.234.567 đồng');
    expect(formatDongPrinted(0)).toBe('0 đồng');
  });

  it('uppercases Vietnamese names for the header', () => {
    expect(upperVi('Ủy ban nhân dân xã Hòa An')).toBe('ỦY BAN NHÂN DÂN XÃ HÒA AN');
  });

  it('keeps every form text source in NFC', () => {
    const dir = path.resolve(__dirname, '../../src-main/core/print');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(src.normalize('NFC'), f).toBe(src);
    }
  });
});
