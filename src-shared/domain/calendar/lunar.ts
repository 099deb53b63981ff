/**
 * Vietnamese lunisolar calendar (âm lịch) ↔ Gregorian, after Hồ Ngọc Đức's published algorithm
 * ("Thuật toán tính âm lịch", based on Jean Meeus, Astronomical Algorithms), evaluated at UTC+7.
 *
 * The Vietnamese calendar differs from the Chinese one only by the meridian (105°E, UTC+7 instead
 * of 120°E, UTC+8), which is why Tết sometimes falls a day apart (e.g. 1985). Rules:
 *  - a lunar month starts on the local day of a new moon;
 *  - month 11 is the month containing the winter solstice;
 *  - a year with 13 months between two months 11 has a leap month: the first month after month 11
 *    that contains no major solar term (trung khí, a multiple of 30° of solar longitude).
 *
 * Used only to DRAFT holidays (Tết, Giỗ Tổ) for years the administrator has not confirmed yet;
 * confirmed calendars are data (DOMAIN §5.2 warns that public code gets these off by one).
 */
import { daysFromCivil, civilFromDays, type CivilDate } from '../vn-time';

export const VN_TIME_ZONE_HOURS = 7;

/** Julian Day Number of 1970-01-01; converts between our day numbers and JDN. */
const JDN_UNIX_EPOCH = 2440588;

export interface LunarDate {
  day: number; // 1–30
  month: number; // 1–12
  year: number; // lunar year, numbered by the Gregorian year in which it mostly falls
  leap: boolean; // tháng nhuận
}

export function jdnFromCivil(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day) + JDN_UNIX_EPOCH;
}

export function civilFromJdn(jdn: number): CivilDate {
  return civilFromDays(jdn - JDN_UNIX_EPOCH);
}

/**
 * Julian day (fractional, UT) of the k-th new moon after the new moon of 1900-01-01 13:52 UT.
 * Meeus ch. 49 truncated to the terms that matter at day precision; deltaT correction included.
 */
function newMoonJd(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-00.5
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr); // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // Sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // Moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // Moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Apparent solar longitude in radians [0, 2π) at Julian day `jdn` (UT). Meeus ch. 25, low precision. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525; // Julian centuries since J2000.0
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const theta = L0 + DL; // true longitude
  const omega = 125.04 - 1934.136 * T; // nutation and aberration correction
  let lambda = (theta - 0.00569 - 0.00478 * Math.sin(omega * dr)) * dr;
  lambda = lambda - Math.PI * 2 * Math.floor(lambda / (Math.PI * 2));
  return lambda;
}

/** Index 0–11 of the 30° sector of solar longitude at local midnight starting day `dayNumber` (JDN). */
function sunSector(jdn: number, tz: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - tz / 24) / Math.PI) * 6);
}

/** JDN of the local day containing the k-th new moon. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + tz / 24);
}

/** JDN of the first day of lunar month 11 (the month with the winter solstice) of Gregorian year `year`. */
function lunarMonth11(year: number, tz: number): number {
  const off = jdnFromCivil(year, 12, 31) - 2415021;
  const k = Math.floor(off / 29.530588853);
  let nm = newMoonDay(k, tz);
  // If the solar longitude at this new moon is already ≥ 270° (sector 9), the solstice is in the
  // previous lunation, so month 11 started one new moon earlier.
  if (sunSector(nm, tz) >= 9) nm = newMoonDay(k - 1, tz);
  return nm;
}

/** Offset (in months after month 11 starting at `a11`) of the leap month of a 13-month year. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1; // start with the month after month 11
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14); // same sector at two consecutive new moons ⇒ no trung khí
  return i - 1;
}

/** Gregorian → Vietnamese lunar date. */
export function solarToLunar(date: CivilDate, tz = VN_TIME_ZONE_HOURS): LunarDate {
  const dayNumber = jdnFromCivil(date.year, date.month, date.day);
  const k = Math.floor((dayNumber - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(date.year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = date.year;
    a11 = lunarMonth11(date.year - 1, tz);
  } else {
    lunarYear = date.year + 1;
    b11 = lunarMonth11(date.year + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

/**
 * Vietnamese lunar → Gregorian date. Returns null for a leap month that does not exist that year.
 */
export function lunarToSolar(lunar: LunarDate, tz = VN_TIME_ZONE_HOURS): CivilDate | null {
  const { day, month, year, leap } = lunar;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, tz);
    b11 = lunarMonth11(year, tz);
  } else {
    a11 = lunarMonth11(year, tz);
    b11 = lunarMonth11(year + 1, tz);
  }
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  const monthStart = newMoonDay(k + off, tz);
  return civilFromJdn(monthStart + day - 1);
}

/** Mùng 1 Tết (1/1 âm lịch) of lunar year `year`, which always falls in January or February of `year`. */
export function tetDate(year: number): CivilDate {
  return lunarToSolar({ day: 1, month: 1, year, leap: false })!;
}

/** Giỗ Tổ Hùng Vương: 10/3 âm lịch of `year` (Điều 112 khoản 1 điểm e BLLĐ 2019). */
export function hungKingsDate(year: number): CivilDate {
  return lunarToSolar({ day: 10, month: 3, year, leap: false })!;
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** Can Chi name of a lunar year, e.g. 2026 → "Bính Ngọ" (used in holiday names). */
export function canChiOfYear(year: number): string {
  return `${CAN[(((year + 6) % 10) + 10) % 10]} ${CHI[(((year + 8) % 12) + 12) % 12]}`;
}
