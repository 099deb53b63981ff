/** The calendar seed (DOMAIN.md §5.3) and its loader. */
import { describe, expect, it } from 'vitest';
import calendarSeed from '../../../assets/seed/calendar-vn.json';
import { loadCalendar, withYearStatus, CalendarInvalidError } from '@shared/domain/calendar/load';
import { DEFAULT_WEEKLY_SESSIONS } from '@shared/domain/calendar/types';
import { seedCalendar } from './fixtures';

const year = (y: number) => seedCalendar.years.find((x) => x.year === y)!;
const dates = (y: number) => year(y).holidays.map((h) => h.date);

describe('calendar seed 2025–2027', () => {
  it('ships the settled years 2025 and 2026 confirmed from the government notices, 2027 still a draft, each with sources', () => {
    expect(seedCalendar.years.map((y) => [y.year, y.status])).toEqual([
      [2025, 'confirmed'],
      [2026, 'confirmed'],
      [2027, 'draft'],
    ]);
    for (const y of seedCalendar.years) expect(y.sources.length).toBeGreaterThan(0);
    expect(year(2025).confirmedBy).toContain('8726/VPCP-KGVX');
    expect(year(2025).confirmedBy).toContain('6150/TB-BLĐTBXH');
    expect(year(2026).confirmedBy).toContain('9441/TB-BNV');
    // A confirmed year carries no "memory" tag on its days: each names the text it comes from.
    for (const y of [year(2025), year(2026)]) {
      for (const h of [...y.holidays, ...y.makeupWorkdays]) expect(h.legalRef ?? '').not.toMatch(/\[(M|\?)\]/);
    }
  });

  it('uses the default office hours Mon–Fri 07:00–11:30 and 13:30–17:00', () => {
    expect(seedCalendar.weeklySessions).toEqual(DEFAULT_WEEKLY_SESSIONS);
  });

  it('2026: Tết Bính Ngọ statutory days Mon 16/02 – Fri 20/02', () => {
    expect(dates(2026)).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']));
  });

  it('2026: Giỗ Tổ on Sunday 26/04 with nghỉ bù Monday 27/04', () => {
    expect(year(2026).holidays.find((h) => h.date === '2026-04-27')?.kind).toBe('nghi_bu');
    expect(dates(2026)).toContain('2026-04-26');
  });

  it('2026: Ngày Văn hóa Việt Nam Tuesday 24/11; Monday 23/11 stays a working day', () => {
    expect(dates(2026)).toContain('2026-11-24');
    expect(dates(2026)).not.toContain('2026-11-23');
  });

  it('2026: swapped days 02/01 and 31/08 are worked on Saturdays 10/01 and 22/08', () => {
    expect(year(2026).makeupWorkdays.map((m) => [m.date, m.replacesDate])).toEqual([
      ['2026-01-10', '2026-01-02'],
      ['2026-08-22', '2026-08-31'],
    ]);
  });

  it('2026: 30/4 – 1/5 without swap', () => {
    expect(dates(2026)).toEqual(expect.arrayContaining(['2026-04-30', '2026-05-01']));
    expect(dates(2026)).not.toContain('2026-05-04');
  });

  it('2025: no Ngày Văn hóa; làm bù Saturday 26/04/2025 for Friday 02/05', () => {
    expect(dates(2025).some((d) => d.endsWith('-11-24'))).toBe(false);
    expect(year(2025).makeupWorkdays[0]).toMatchObject({ date: '2025-04-26', replacesDate: '2025-05-02' });
  });

  it('every name is NFC', () => {
    for (const y of seedCalendar.years) for (const h of y.holidays) expect(h.name).toBe(h.name.normalize('NFC'));
  });
});

describe('loadCalendar', () => {
  it('refuses a date declared twice in a year, with CALENDAR_INVALID', () => {
    const bad = structuredClone(calendarSeed) as { years: { holidays: unknown[] }[] };
    bad.years[0]!.holidays.push({ date: '2025-01-01', name: 'Trùng', kind: 'le_tet' });
    expect(() => loadCalendar(bad)).toThrowError(CalendarInvalidError);
  });

  it('refuses sessions that overlap', () => {
    const bad = structuredClone(calendarSeed) as { weeklySessions: { mon: unknown[] } };
    bad.weeklySessions.mon = [{ start: '07:00', end: '12:00' }, { start: '11:00', end: '17:00' }];
    expect(() => loadCalendar(bad)).toThrowError(expect.objectContaining({ code: 'CALENDAR_INVALID' }));
  });

  it('refuses a holiday outside its year', () => {
    const bad = structuredClone(calendarSeed) as { years: { holidays: unknown[] }[] };
    bad.years[0]!.holidays.push({ date: '2026-03-03', name: 'Sai năm', kind: 'le_tet' });
    expect(() => loadCalendar(bad)).toThrowError(expect.objectContaining({ code: 'CALENDAR_INVALID' }));
  });

  it('withYearStatus returns a new calendar and leaves the original untouched', () => {
    const confirmed = withYearStatus(seedCalendar, 2027, 'confirmed', 'Nguyễn Văn Quản trị', '2026-11-22');
    expect(confirmed.years.find((y) => y.year === 2027)?.status).toBe('confirmed');
    expect(seedCalendar.years.find((y) => y.year === 2027)?.status).toBe('draft');
  });
});
