/** The lunar converter against DOMAIN.md §5.2 (2024–2028), plus round-trip and draft-year checks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canChiOfYear, hungKingsDate, lunarToSolar, solarToLunar, tetDate } from '@shared/domain/calendar/lunar';
import { draftYear } from '@shared/domain/calendar/draft';
import { civilFromDays, daysFromCivil, formatYmd } from '@shared/domain/vn-time';
import { seedCalendar } from './fixtures';

const table = [
  { year: 2024, tet: '2024-02-10', lastDay: '2024-02-09', gioTo: '2024-04-18', canChi: 'Giáp Thìn' },
  { year: 2025, tet: '2025-01-29', lastDay: '2025-01-28', gioTo: '2025-04-07', canChi: 'Ất Tỵ' },
  { year: 2026, tet: '2026-02-17', lastDay: '2026-02-16', gioTo: '2026-04-26', canChi: 'Bính Ngọ' },
  { year: 2027, tet: '2027-02-06', lastDay: '2027-02-05', gioTo: '2027-04-16', canChi: 'Đinh Mùi' },
  { year: 2028, tet: '2028-01-26', lastDay: '2028-01-25', gioTo: '2028-04-04', canChi: 'Mậu Thân' },
];

describe('Vietnamese lunar calendar (Hồ Ngọc Đức, UTC+7) vs DOMAIN.md §5.2', () => {
  it.each(table)('Tết $canChi $year falls on $tet', ({ year, tet }) => {
    expect(formatYmd(tetDate(year))).toBe(tet);
  });

  it.each(table)('Giỗ Tổ Hùng Vương $year (10/3 âm lịch) falls on $gioTo', ({ year, gioTo }) => {
    expect(formatYmd(hungKingsDate(year))).toBe(gioTo);
  });

  it.each(table)('$lastDay is the last day of lunar month 12 before Tết $year', ({ year, lastDay }) => {
    const [y, m, d] = lastDay.split('-').map(Number) as [number, number, number];
    const lunar = solarToLunar({ year: y, month: m, day: d });
    expect(lunar.month).toBe(12);
    expect(lunar.year).toBe(year - 1);
    expect(solarToLunar(civilFromDays(daysFromCivil(y, m, d) + 1))).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('the years 2025, 2026 and 2027 have no 30 Tết (last day is 29 tháng Chạp), per §5.2', () => {
    for (const { lastDay } of table.slice(1, 4)) {
      const [y, m, d] = lastDay.split('-').map(Number) as [number, number, number];
      expect(solarToLunar({ year: y, month: m, day: d }).day).toBe(29);
    }
  });

  it.each(table)('$year is the year $canChi', ({ year, canChi }) => {
    expect(canChiOfYear(year)).toBe(canChi);
  });

  it('Tết 1985 fell on 21/01 in Vietnam (a month before China): the UTC+7 meridian matters', () => {
    expect(formatYmd(tetDate(1985))).toBe('1985-01-21');
  });

  it('a leap month that does not exist is reported as null', () => {
    // 2026 (Bính Ngọ) is a 12-month lunar year.
    expect(lunarToSolar({ day: 1, month: 5, year: 2026, leap: true })).toBeNull();
  });

  it('solar → lunar → solar is the identity for 2020–2035', () => {
    const from = daysFromCivil(2020, 1, 1);
    const to = daysFromCivil(2035, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (day) => {
        const civil = civilFromDays(day);
        expect(lunarToSolar(solarToLunar(civil))).toEqual(civil);
      }),
      { seed: 1905, numRuns: 600 },
    );
  });
});

describe('draftYear (statutory holidays for years not announced yet)', () => {
  it('drafts 2027 exactly as the shipped seed (Tết Đinh Mùi 05–11/02 with two nghỉ bù days)', () => {
    const seed2027 = seedCalendar.years.find((y) => y.year === 2027)!;
    expect(draftYear(2027).holidays.map((h) => h.date)).toEqual(seed2027.holidays.map((h) => h.date));
  });

  it('is always a draft', () => {
    expect(draftYear(2030).status).toBe('draft');
  });

  it('includes Ngày Văn hóa Việt Nam from 2026 but not in 2025', () => {
    expect(draftYear(2026).holidays.map((h) => h.date)).toContain('2026-11-24');
    expect(draftYear(2025).holidays.map((h) => h.date).some((d) => d.endsWith('-11-24'))).toBe(false);
  });

  it('gives Giỗ Tổ 2026 (Sunday 26/04) a nghỉ bù on Monday 27/04', () => {
    const h = draftYear(2026).holidays.find((x) => x.date === '2026-04-27');
    expect(h?.kind).toBe('nghi_bu');
  });

  it('drafts 2028 with nghỉ bù for 01/01 (Sat), mùng 4 Tết (Sat 29/01), 30/4 (Sun, Monday is 1/5) and 02/9 (Sat)', () => {
    const y = draftYear(2028);
    const bu = y.holidays.filter((h) => h.kind === 'nghi_bu').map((h) => h.date);
    expect(bu).toEqual(['2028-01-03', '2028-01-31', '2028-05-02', '2028-09-04']);
    // 02/9/2028 is a Saturday: the adjacent day is Friday 01/9.
    expect(y.holidays.map((h) => h.date)).toContain('2028-09-01');
    // Tết Mậu Thân: Tuesday 25/01 (last day) – Saturday 29/01 (mùng 4).
    expect(y.holidays.filter((h) => h.name.startsWith('Tết Nguyên đán')).map((h) => h.date)).toEqual([
      '2028-01-25',
      '2028-01-26',
      '2028-01-27',
      '2028-01-28',
      '2028-01-29',
    ]);
  });
});
