/**
 * Deadline engine (tính ngày hẹn trả kết quả), DOMAIN §4.5 and ARCHITECTURE §5.
 *
 * Time model: whole minutes of Vietnamese wall-clock time. The receipt time is truncated to the
 * minute because Mẫu 01 prints "HH giờ mm phút" and the appointment must follow from the printed
 * receipt time. Working time is added session by session over a per-year day table (no
 * per-minute loops). A due time always lies inside a session or exactly at a session's end.
 *
 * Units:
 *  - working_hours: N×60 working minutes added over sessions;
 *  - working_days: counted by one of two conventions (a province rule, `WorkingDayCounting`):
 *      'hours'     — N×8 working hours added from the receipt instant (1 ngày làm việc = 8 giờ), what
 *                    provincial one-stop systems and the QĐ 766 formulas use [S][R6][R16][R21];
 *      'next_day'  — the receipt day is not counted; the deadline ends at the close of the Nth working
 *                    day after it (Bộ luật Dân sự 2015, Điều 147 khoản 2 and Điều 148 khoản 1, which
 *                    apply unless another law says otherwise) [S].
 *    The explanation names the convention and its source;
 *  - days (ngày, calendar) and months (tháng): the date N days/months after the start date, at the
 *    end of its last session; a closed date rolls forward to the next working day (DOMAIN leaves
 *    this [?]; rolling forward never promises a result on a day the office is shut);
 *  - same_day (trong ngày): end of the working day of the start; with the 15:00 rule a receipt
 *    after 15:00 is due at the end of the next working day (NĐ 23/2015 Điều 7).
 * For units other than same_day, cutoff15 means a receipt after 15:00 starts the clock at the
 * first session of the next working day (the paper-transfer cut-off, DOMAIN §4.1 step 3).
 *
 * Supplement pauses (QĐ 766: end − (supplement done − supplement requested)) shift the due by the
 * paused interval measured in working minutes. This gives the LEGAL due date: it moves only with
 * lawful pauses (supplement) and the longer statutory limit when verification is recorded (the
 * caller passes that limit). An extension (Mẫu 04) is a promise to the citizen, never a legal due
 * date: `checkExtension` computes and checks it apart, and reports grade against the legal due.
 *
 * Calendar years: a missing year throws CalendarMissingError (fail closed, DOMAIN §4.5); a draft
 * year anywhere between receipt and due makes the result provisional (tạm tính).
 */
import { DomainError } from './errors';
import {
  type InstantInput,
  toEpochMs,
  vnLocalMinutes,
  epochMsOfVnLocalMinutes,
  toVnIso,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  dayNumberOfYmd,
  vnDayNumber,
  isoWeekdayOfDay,
} from './vn-time';
import { formatAppointmentVi, formatDateVi, weekdayNameVi } from './text';
import { dayInfo, CalendarMissingError } from './calendar/day-index';
import type { WorkingCalendar } from './calendar/types';

export { CalendarMissingError };

export const DEADLINE_UNITS = ['working_hours', 'working_days', 'days', 'months', 'same_day'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** Vietnamese names of the units, as printed ("Thời gian giải quyết … ngày làm việc"). */
export const DEADLINE_UNIT_LABELS: Record<DeadlineUnit, string> = {
  working_hours: 'giờ làm việc',
  working_days: 'ngày làm việc',
  days: 'ngày',
  months: 'tháng',
  same_day: 'trong ngày',
};

const MINUTES_PER_DAY = 1440;
const CUTOFF_MINUTE_OF_DAY = 15 * 60;
const WORKING_DAY_MINUTES = 8 * 60;
/** Guard against a calendar with no sessions at all: two years without a working day is a data error. */
const MAX_SCAN_DAYS = 732;

export interface PauseInterval {
  /** Yêu cầu bổ sung (Mẫu 02 issued). */
  from: InstantInput;
  /** Bổ sung xong (the citizen brought the missing documents). */
  to: InstantInput;
}

/** Mẫu 04: the new appointment, as a date (end of that working day) or an exact instant. */
export type Extension = { newDueDate: string } | { newDueAt: InstantInput };

/**
 * How "N ngày làm việc" is counted (DOMAIN §4.5). A province rule, carried by the catalog with its
 * source, because provinces' systems differ.
 */
export const WORKING_DAY_COUNTINGS = ['hours', 'next_day'] as const;
export type WorkingDayCounting = (typeof WORKING_DAY_COUNTINGS)[number];

export const WORKING_DAY_COUNTING_LABELS: Record<WorkingDayCounting, string> = {
  hours: 'cộng dồn giờ làm việc từ thời điểm tiếp nhận (1 ngày làm việc = 8 giờ)',
  next_day: 'không tính ngày tiếp nhận, hết hạn vào cuối ngày làm việc cuối cùng',
};

export interface ComputeDueInput {
  receivedAt: InstantInput;
  amount: number;
  unit: DeadlineUnit;
  cutoff15?: boolean;
  calendar: WorkingCalendar;
  pauses?: readonly PauseInterval[];
  /** Default 'hours'. */
  counting?: WorkingDayCounting;
  /** The legal basis of the counting convention, named in the explanation. */
  countingBasis?: string;
  /** Said in the explanation when the limit is the longer one for verification (cần xác minh). */
  verification?: { reason: string };
}

export interface DueResult {
  /** ISO-8601 with +07:00, e.g. '2026-11-23T17:00:00+07:00'. */
  dueAt: string;
  /** True when a calendar year involved is still a draft: print "tạm tính". */
  provisional: boolean;
  /** Vietnamese, for the officer: how the date was obtained, listing skipped days. */
  explanation: string[];
}

export class DeadlineInputError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('INVALID_DEADLINE', message, details);
  }
}

export class InvalidExtensionError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('INVALID_EXTENSION', message, details);
  }
}

class NoWorkingTimeError extends DomainError {
  constructor() {
    super('NO_WORKING_TIME', 'Lịch làm việc không có buổi làm việc nào trong hai năm liền: kiểm tra lại cấu hình giờ làm việc.');
  }
}

// ---------------------------------------------------------------------------------------------
// Working-time primitives over local minutes (minutes since 1970-01-01 00:00, Vietnam wall clock)
// ---------------------------------------------------------------------------------------------

/** First local minute ≥ t that lies inside a session [start, end). */
function firstWorkingMinute(cal: WorkingCalendar, t: number): number {
  let day = Math.floor(t / MINUTES_PER_DAY);
  for (let guard = 0; guard < MAX_SCAN_DAYS; guard++, day++) {
    const base = day * MINUTES_PER_DAY;
    for (const [s, e] of dayInfo(cal, day).sessions) {
      if (base + e > t) return Math.max(base + s, t);
    }
  }
  throw new NoWorkingTimeError();
}

/** t plus `minutes` (> 0) of working time; lands inside a session or exactly at its end. */
function addWorkingMinutesLocal(cal: WorkingCalendar, t: number, minutes: number): number {
  let remaining = minutes;
  let day = Math.floor(t / MINUTES_PER_DAY);
  for (let guard = 0; guard < MAX_SCAN_DAYS; guard++, day++) {
    const base = day * MINUTES_PER_DAY;
    for (const [s, e] of dayInfo(cal, day).sessions) {
      const from = Math.max(base + s, t);
      const to = base + e;
      if (to <= from) continue;
      if (remaining <= to - from) return from + remaining;
      remaining -= to - from;
    }
  }
  throw new NoWorkingTimeError();
}

/** Working minutes inside [a, b). */
function workingMinutesBetweenLocal(cal: WorkingCalendar, a: number, b: number): number {
  let total = 0;
  const lastDay = Math.floor((b - 1) / MINUTES_PER_DAY);
  for (let day = Math.floor(a / MINUTES_PER_DAY); day <= lastDay; day++) {
    const base = day * MINUTES_PER_DAY;
    for (const [s, e] of dayInfo(cal, day).sessions) {
      const from = Math.max(base + s, a);
      const to = Math.min(base + e, b);
      if (to > from) total += to - from;
    }
  }
  return total;
}

/** The first working day ≥ day. */
function workingDayOnOrAfter(cal: WorkingCalendar, day: number): number {
  for (let d = day, guard = 0; guard < MAX_SCAN_DAYS; guard++, d++) {
    if (dayInfo(cal, d).sessions.length > 0) return d;
  }
  throw new NoWorkingTimeError();
}

/** Local minute of the end of the last session of a working day. */
function endOfDay(cal: WorkingCalendar, day: number): number {
  const sessions = dayInfo(cal, day).sessions;
  return day * MINUTES_PER_DAY + sessions[sessions.length - 1]![1];
}

/** Is local minute t inside a session or exactly at a session's end (a valid due time)? */
function isDueShaped(cal: WorkingCalendar, t: number): boolean {
  const day = Math.floor(t / MINUTES_PER_DAY);
  const m = t - day * MINUTES_PER_DAY;
  return dayInfo(cal, day).sessions.some(([s, e]) => m > s && m <= e);
}

// ---------------------------------------------------------------------------------------------
// Formatting helpers for the explanation
// ---------------------------------------------------------------------------------------------

const iso = (t: number) => toVnIso(new Date(epochMsOfVnLocalMinutes(t)));
const printed = (t: number) => formatAppointmentVi(new Date(epochMsOfVnLocalMinutes(t)));
const dateOfDay = (day: number) => formatDateVi(new Date(epochMsOfVnLocalMinutes(day * MINUTES_PER_DAY)));

function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} phút`;
  return m === 0 ? `${h} giờ` : `${h} giờ ${m} phút`;
}

function describeSkippedAndMakeup(cal: WorkingCalendar, fromDay: number, toDay: number): string[] {
  const closed: string[] = [];
  const makeup: string[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    const info = dayInfo(cal, d);
    if (info.closedReason !== null) {
      const weekday = weekdayNameVi(isoWeekdayOfDay(d));
      const holiday = info.closedReason === weekday ? '' : ` – ${info.closedReason}`;
      closed.push(`${weekday} ${dateOfDay(d)}${holiday}`);
    }
    if (info.makeupName !== null) {
      makeup.push(`${weekdayNameVi(isoWeekdayOfDay(d))} ${dateOfDay(d)} – ${info.makeupName}`);
    }
  }
  const lines: string[] = [];
  if (closed.length > 0) lines.push(`Không tính các ngày nghỉ: ${closed.join('; ')}.`);
  if (makeup.length > 0) lines.push(`Có tính ngày làm bù: ${makeup.join('; ')}.`);
  return lines;
}

function validateAmount(amount: number, unit: DeadlineUnit): void {
  if (!(DEADLINE_UNITS as readonly string[]).includes(unit)) {
    throw new DeadlineInputError(`Đơn vị thời hạn không hợp lệ: ${String(unit)}`, { unit });
  }
  if (unit === 'same_day') return; // "trong ngày" has no amount
  const minuteExact =
    unit === 'working_hours' ? amount * 60 : unit === 'working_days' ? amount * WORKING_DAY_MINUTES : amount;
  if (!Number.isFinite(amount) || amount <= 0 || !Number.isInteger(minuteExact)) {
    throw new DeadlineInputError(`Thời hạn phải là số dương hợp lệ (nhận được ${amount} ${DEADLINE_UNIT_LABELS[unit]}).`, {
      amount,
      unit,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export function computeDue(input: ComputeDueInput): DueResult {
  const { calendar: cal, amount, unit } = input;
  const cutoff15 = input.cutoff15 ?? false;
  validateAmount(amount, unit);
  if (unit === 'working_days' && input.counting === 'next_day' && !Number.isInteger(amount)) {
    throw new DeadlineInputError(`Cách tính theo ngày trọn cần số ngày làm việc nguyên (nhận được ${amount}).`, { amount });
  }
  const explanation: string[] = [];

  const received = vnLocalMinutes(toEpochMs(input.receivedAt));
  const receivedDay = Math.floor(received / MINUTES_PER_DAY);
  dayInfo(cal, receivedDay); // fail closed on a receipt in a year without calendar
  explanation.push(`Tiếp nhận lúc ${printed(received)} (${weekdayNameVi(isoWeekdayOfDay(receivedDay))}).`);

  let start = firstWorkingMinute(cal, received);
  if (start !== received) {
    explanation.push(`Tiếp nhận ngoài giờ làm việc: thời hạn tính từ ${printed(start)}.`);
  }
  const startDay = Math.floor(start / MINUTES_PER_DAY);
  const afterCutoff = cutoff15 && start - startDay * MINUTES_PER_DAY > CUTOFF_MINUTE_OF_DAY;
  if (afterCutoff && unit !== 'same_day') {
    start = firstWorkingMinute(cal, (startDay + 1) * MINUTES_PER_DAY);
    explanation.push(`Tiếp nhận sau 15 giờ: thời hạn bắt đầu tính từ ${printed(start)}.`);
  }

  if (input.verification) {
    explanation.push(`Hồ sơ cần xác minh (${input.verification.reason}): áp dụng thời hạn giải quyết dài hơn theo quy định.`);
  }
  let due: number;
  switch (unit) {
    case 'working_hours':
      explanation.push(`Thời hạn giải quyết: ${amount} giờ làm việc, cộng dồn theo các buổi làm việc.`);
      due = addWorkingMinutesLocal(cal, start, amount * 60);
      break;
    case 'working_days': {
      const counting = input.counting ?? 'hours';
      const basis = input.countingBasis ? ` Cách tính theo: ${input.countingBasis}.` : '';
      if (counting === 'hours') {
        explanation.push(
          `Thời hạn giải quyết: ${amount} ngày làm việc, ${WORKING_DAY_COUNTING_LABELS.hours}: cộng ${formatDuration(amount * WORKING_DAY_MINUTES)} làm việc theo các buổi làm việc.${basis}`,
        );
        due = addWorkingMinutesLocal(cal, start, amount * WORKING_DAY_MINUTES);
      } else {
        // The day the dossier counts as received is not counted; the Nth working day after it ends the period.
        const deemedDay = afterCutoff ? Math.floor(start / MINUTES_PER_DAY) : receivedDay;
        let day = deemedDay;
        for (let n = 0; n < amount; n++) day = workingDayOnOrAfter(cal, day + 1);
        explanation.push(
          `Thời hạn giải quyết: ${amount} ngày làm việc, ${WORKING_DAY_COUNTING_LABELS.next_day} (ngày ${dateOfDay(day)}).${basis}`,
        );
        due = endOfDay(cal, day);
      }
      break;
    }
    case 'days':
    case 'months': {
      const from = civilFromDays(Math.floor(start / MINUTES_PER_DAY));
      let target: number;
      if (unit === 'days') {
        target = daysFromCivil(from.year, from.month, from.day) + amount;
        explanation.push(`Thời hạn giải quyết: ${amount} ngày (tính theo ngày lịch, kể cả ngày nghỉ).`);
      } else {
        const monthIndex = from.year * 12 + (from.month - 1) + amount;
        const y = Math.floor(monthIndex / 12);
        const m = (monthIndex % 12) + 1;
        target = daysFromCivil(y, m, Math.min(from.day, daysInMonth(y, m)));
        explanation.push(`Thời hạn giải quyết: ${amount} tháng (tính theo ngày lịch).`);
      }
      const workingTarget = workingDayOnOrAfter(cal, target);
      if (workingTarget !== target) {
        explanation.push(
          `Ngày ${dateOfDay(target)} là ngày nghỉ (${dayInfo(cal, target).closedReason}): hạn chuyển sang cuối ngày làm việc tiếp theo.`,
        );
      }
      due = endOfDay(cal, workingTarget);
      break;
    }
    case 'same_day': {
      if (afterCutoff) {
        explanation.push('Thời hạn: trong ngày; tiếp nhận sau 15 giờ nên trả kết quả trong ngày làm việc tiếp theo.');
        due = endOfDay(cal, workingDayOnOrAfter(cal, startDay + 1));
      } else {
        explanation.push('Thời hạn: trả kết quả trong ngày làm việc.');
        due = endOfDay(cal, startDay);
      }
      break;
    }
  }

  // Supplement pauses: merge overlaps, clip to the receipt, sum the working minutes paused.
  const pauses = (input.pauses ?? [])
    .map((p) => {
      const a = vnLocalMinutes(toEpochMs(p.from));
      const b = vnLocalMinutes(toEpochMs(p.to));
      if (b < a) throw new DeadlineInputError('Thời điểm bổ sung xong phải sau thời điểm yêu cầu bổ sung.', { pause: p });
      return [Math.max(a, received), b] as [number, number];
    })
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const p of pauses) {
    const last = merged[merged.length - 1];
    if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else merged.push([...p]);
  }
  let pausedMinutes = 0;
  for (const [a, b] of merged) {
    const minutes = workingMinutesBetweenLocal(cal, a, b);
    pausedMinutes += minutes;
    explanation.push(
      `Tạm dừng chờ bổ sung hồ sơ từ ${printed(a)} đến ${printed(b)}: ${formatDuration(minutes)} làm việc không tính vào thời hạn.`,
    );
  }
  if (pausedMinutes > 0) due = addWorkingMinutesLocal(cal, due, pausedMinutes);

  const dueDay = Math.floor(due / MINUTES_PER_DAY);
  explanation.push(...describeSkippedAndMakeup(cal, receivedDay, dueDay));

  const draftYears: number[] = [];
  for (let y = civilFromDays(receivedDay).year; y <= civilFromDays(dueDay).year; y++) {
    if (dayInfo(cal, daysFromCivil(y, 1, 1)).status === 'draft') draftYears.push(y);
  }
  if (draftYears.length > 0) {
    explanation.push(
      `Lịch làm việc năm ${draftYears.join(', ')} là dự thảo, chưa được xác nhận: ngày hẹn trả là tạm tính.`,
    );
  }
  explanation.push(`Hạn trả kết quả: ${printed(due)}.`);

  return { dueAt: iso(due), provisional: draftYears.length > 0, explanation };
}

export interface ExtensionInput {
  calendar: WorkingCalendar;
  /** The legal due date in force (never moved by the extension). */
  legalDueAt: InstantInput;
  /** The promise the new date must come after: the legal due, or an earlier extension. */
  currentPromiseAt: InstantInput;
  /** When the letter is issued. */
  issuedAt: InstantInput;
  extension: Extension;
  /** The letter is due this many working days before the legal due date (policy, with its source). */
  noticeWorkingDays?: number;
  noticeBasis?: string;
}

export interface ExtensionResult {
  /** The new appointment promised in the letter, ISO with +07:00. */
  promisedAt: string;
  /** The letter is issued after the legal due date: the dossier is already late. */
  issuedAfterDue: boolean;
  /** The letter is issued later than the notice the rule asks for (but before the due date). */
  issuedLate: boolean;
  /** Vietnamese, for the officer: what this extension does and does not change. */
  warnings: string[];
}

/**
 * Mẫu 04 (xin lỗi và hẹn lại ngày trả kết quả): the new appointment is a promise to the citizen.
 * It never replaces the legal due date: a dossier finished after its legal due date counts as late
 * even when it meets the new appointment (DOMAIN §14: "the dossier still counts against its legal
 * due date"). A letter after the due date is still allowed — the law still wants the apology —
 * and says so.
 */
export function checkExtension(input: ExtensionInput): ExtensionResult {
  const cal = input.calendar;
  const legalDue = vnLocalMinutes(toEpochMs(input.legalDueAt));
  const current = vnLocalMinutes(toEpochMs(input.currentPromiseAt));
  const issued = vnLocalMinutes(toEpochMs(input.issuedAt));
  let promised: number;
  if ('newDueDate' in input.extension) {
    promised = endOfDay(cal, workingDayOnOrAfter(cal, dayNumberOfYmd(input.extension.newDueDate)));
  } else {
    const t = vnLocalMinutes(toEpochMs(input.extension.newDueAt));
    promised = isDueShaped(cal, t) ? t : endOfDay(cal, workingDayOnOrAfter(cal, Math.floor(t / MINUTES_PER_DAY)));
  }
  if (promised <= current) {
    throw new InvalidExtensionError(
      `Ngày hẹn trả mới (${printed(promised)}) phải sau ngày hẹn trả hiện tại (${printed(current)}).`,
      { currentPromiseAt: iso(current), newDueAt: iso(promised) },
    );
  }
  if (promised <= issued) {
    throw new InvalidExtensionError(`Ngày hẹn trả mới (${printed(promised)}) phải sau thời điểm lập văn bản.`, { newDueAt: iso(promised) });
  }
  const warnings: string[] = [];
  const issuedAfterDue = issued > legalDue;
  const notice = input.noticeWorkingDays ?? 0;
  const issuedLate = !issuedAfterDue && notice > 0 && workingMinutesBetweenLocal(cal, issued, legalDue) < notice * WORKING_DAY_MINUTES;
  if (issuedAfterDue) {
    warnings.push(
      `Văn bản xin lỗi được lập sau hạn giải quyết theo quy định (${printed(legalDue)}): hồ sơ đã quá hạn và vẫn được tính là quá hạn trong báo cáo.`,
    );
  } else if (issuedLate) {
    const basis = input.noticeBasis ? ` (${input.noticeBasis})` : '';
    warnings.push(`Văn bản xin lỗi phải gửi chậm nhất ${notice} ngày làm việc trước hạn giải quyết${basis}; văn bản này lập muộn hơn.`);
  }
  warnings.push(
    `Hạn giải quyết theo quy định vẫn là ${printed(legalDue)}: nếu trả kết quả sau thời điểm đó, hồ sơ được tính là quá hạn (đã xin lỗi), kể cả khi trả đúng ngày hẹn mới.`,
  );
  return { promisedAt: iso(promised), issuedAfterDue, issuedLate, warnings };
}

export type CompletionClass = 'early' | 'on_time' | 'late';

/**
 * Trước hạn / đúng hạn / quá hạn of a finished dossier (QĐ 766 indicator 2.1: on time when
 * NgayKetThucXuLy ≤ NgayHenTra).
 *  - 'late'    : finished strictly after the due instant;
 *  - 'early'   : finished on a calendar day (Vietnam) before the due's calendar day — i.e. at least
 *                one day ahead. Finishing at 09:00 for a 17:00 due the same day is not "trước hạn";
 *  - 'on_time' : otherwise (the due day itself, up to and including the due instant).
 */
export function classifyCompletion(finishedAt: InstantInput, dueAt: InstantInput): CompletionClass {
  const finished = toEpochMs(finishedAt);
  const due = toEpochMs(dueAt);
  if (finished > due) return 'late';
  return vnDayNumber(finished) < vnDayNumber(due) ? 'early' : 'on_time';
}

/** "HH giờ mm phút, ngày dd tháng MM năm yyyy", as printed on Mẫu 01 (DOMAIN §4.5). */
export function formatDueVi(at: InstantInput): string {
  return formatAppointmentVi(at);
}

/** Working time between two instants, in minutes (e.g. per-step time on the Phiếu kiểm soát). */
export function workingMinutesBetween(calendar: WorkingCalendar, from: InstantInput, to: InstantInput): number {
  const a = vnLocalMinutes(toEpochMs(from));
  const b = vnLocalMinutes(toEpochMs(to));
  return b > a ? workingMinutesBetweenLocal(calendar, a, b) : 0;
}

/** Is the office open at this instant (inside a session, start inclusive, end exclusive)? */
export function isWorkingInstant(calendar: WorkingCalendar, at: InstantInput): boolean {
  const t = vnLocalMinutes(toEpochMs(at));
  return firstWorkingMinute(calendar, t) === t;
}

/** Instant after adding `minutes` (> 0) of working time; for inter-agency sub-deadlines. */
export function addWorkingMinutes(calendar: WorkingCalendar, from: InstantInput, minutes: number): string {
  if (!Number.isInteger(minutes) || minutes <= 0) throw new DeadlineInputError('Số phút làm việc phải là số nguyên dương.');
  return iso(addWorkingMinutesLocal(calendar, firstWorkingMinute(calendar, vnLocalMinutes(toEpochMs(from))), minutes));
}
