/**
 * Draft calendar year from the statute alone, for years the government has not announced yet.
 * The result is always status 'draft': the deadline engine marks dues in it as provisional and
 * the administrator must confirm or correct it against the official notice (DOMAIN §5.4).
 *
 * Rules applied (Bộ luật Lao động 2019, Điều 111–112; NQ 28/2026/QH16):
 *  - Tết Dương lịch 01/01; Ngày Chiến thắng 30/4; Quốc tế lao động 01/5;
 *  - Tết Âm lịch 5 days: the last day of the old lunar year + mùng 1 to mùng 4 (the 2026 pattern;
 *    the real split is chosen yearly by the Prime Minister, Điều 112 khoản 3);
 *  - Giỗ Tổ Hùng Vương 10/3 âm lịch (from lunar.ts);
 *  - Quốc khánh 02/9 + one adjacent day: 03/9 when 02/9 is a Monday, Thursday or Sunday, otherwise
 *    01/9 — the choice that joins the break to a weekend (matches 2024, 2025, 2026);
 *  - Ngày Văn hóa Việt Nam 24/11 from 2026;
 *  - a holiday on a weekly rest day gives a compensatory day off (nghỉ bù) on the next working
 *    day that is not itself a holiday (Điều 111 khoản 3).
 * Swap days and làm-bù Saturdays are political decisions and are never drafted.
 */
import { daysFromCivil, civilFromDays, isoWeekdayOfDay, formatYmd } from '../vn-time';
import { loadCalendar } from './load';
import { canChiOfYear, tetDate, hungKingsDate } from './lunar';
import { DEFAULT_WEEKLY_SESSIONS, WEEKDAY_KEYS, type CalendarYear, type Holiday, type WeeklySessions, type WorkingCalendar } from './types';

const VAN_HOA_FROM_YEAR = 2026;

export function draftYear(year: number, weeklySessions: WeeklySessions = DEFAULT_WEEKLY_SESSIONS): CalendarYear {
  const isRestDay = (d: number) => weeklySessions[WEEKDAY_KEYS[isoWeekdayOfDay(d) - 1]!].length === 0;
  const statutory: { day: number; name: string }[] = [];
  const add = (day: number, name: string) => statutory.push({ day, name });

  add(daysFromCivil(year, 1, 1), 'Tết Dương lịch');

  const tet = tetDate(year);
  const tetDay = daysFromCivil(tet.year, tet.month, tet.day);
  const tetName = `Tết Nguyên đán ${canChiOfYear(year)}`;
  add(tetDay - 1, `${tetName} (ngày cuối năm ${canChiOfYear(year - 1)})`);
  for (let i = 0; i < 4; i++) add(tetDay + i, `${tetName} (mùng ${i + 1})`);

  const hung = hungKingsDate(year);
  add(daysFromCivil(hung.year, hung.month, hung.day), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');

  add(daysFromCivil(year, 4, 30), 'Ngày Chiến thắng (30/4)');
  add(daysFromCivil(year, 5, 1), 'Ngày Quốc tế lao động (1/5)');

  const quocKhanh = daysFromCivil(year, 9, 2);
  add(quocKhanh, 'Quốc khánh (2/9)');
  const adjacentAfter = [1, 4, 7].includes(isoWeekdayOfDay(quocKhanh));
  add(adjacentAfter ? quocKhanh + 1 : quocKhanh - 1, 'Quốc khánh (ngày liền kề 2/9)');

  if (year >= VAN_HOA_FROM_YEAR) add(daysFromCivil(year, 11, 24), 'Ngày Văn hóa Việt Nam (24/11)');

  statutory.sort((a, b) => a.day - b.day);
  const taken = new Set(statutory.map((h) => h.day));
  const holidays: Holiday[] = statutory.map((h) => ({
    date: formatYmd(civilFromDays(h.day)),
    name: h.name,
    kind: 'le_tet',
    legalRef: 'Điều 112 Bộ luật Lao động 2019',
  }));
  for (const h of statutory) {
    if (!isRestDay(h.day)) continue;
    let d = h.day + 1;
    while (isRestDay(d) || taken.has(d)) d++;
    taken.add(d);
    holidays.push({
      date: formatYmd(civilFromDays(d)),
      name: `Nghỉ bù ${h.name}`,
      kind: 'nghi_bu',
      legalRef: 'Điều 111 khoản 3 Bộ luật Lao động 2019',
    });
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));

  return {
    year,
    status: 'draft',
    holidays: holidays.filter((h) => h.date.startsWith(`${year}-`)),
    makeupWorkdays: [],
    sources: [
      'Dự thảo tự động theo Điều 111–112 Bộ luật Lao động 2019 và Nghị quyết 28/2026/QH16; ngày âm lịch tính theo thuật toán Hồ Ngọc Đức (UTC+7).',
    ],
    notes: [
      'Lịch dự thảo: chưa có thông báo chính thức của Thủ tướng Chính phủ/Bộ Nội vụ về lịch nghỉ Tết, Quốc khánh và ngày hoán đổi. Quản trị viên phải kiểm tra và xác nhận.',
    ],
  };
}

/** `calendar` with `year` added as a statute-only draft: a new object (calendars are immutable). */
export function withDraftedYear(calendar: WorkingCalendar, year: number): WorkingCalendar {
  const years = [...calendar.years, draftYear(year, calendar.weeklySessions)].sort((a, b) => a.year - b.year);
  return loadCalendar({ ...calendar, years });
}
