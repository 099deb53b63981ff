/** Pauses, extensions, calendar status, explanations and completion classes (hand-worked values). */
import { describe, expect, it } from 'vitest';
import {
  CalendarMissingError,
  checkExtension,
  classifyCompletion,
  computeDue,
  formatDueVi,
  workingMinutesBetween,
  isWorkingInstant,
  addWorkingMinutes,
} from '@shared/domain/deadline';
import { DomainError } from '@shared/domain/errors';
import { confirmedCalendar, seedCalendar, vn } from './fixtures';

const base = { amount: 3, unit: 'working_days' as const, calendar: confirmedCalendar };

describe('supplement pauses (QĐ 766: the due shifts by the paused working time)', () => {
  // Without pause: Mon 16/11/2026 08:00 + 3 working days = Thu 19/11 08:00.
  it('a 3-working-day dossier paused for one working day (Tue 09:00 → Wed 09:00) is due Friday 08:00', () => {
    const r = computeDue({
      ...base,
      receivedAt: vn('2026-11-16', '08:00'),
      pauses: [{ from: vn('2026-11-17', '09:00'), to: vn('2026-11-18', '09:00') }],
    });
    expect(r.dueAt).toBe(vn('2026-11-20', '08:00'));
    expect(r.explanation.some((l) => l.includes('Tạm dừng chờ bổ sung') && l.includes('8 giờ'))).toBe(true);
  });

  it('overlapping pause records are merged, not counted twice', () => {
    const r = computeDue({
      ...base,
      receivedAt: vn('2026-11-16', '08:00'),
      pauses: [
        { from: vn('2026-11-17', '09:00'), to: vn('2026-11-17', '14:00') },
        { from: vn('2026-11-17', '11:00'), to: vn('2026-11-18', '09:00') },
      ],
    });
    expect(r.dueAt).toBe(vn('2026-11-20', '08:00'));
  });

  it('a same-day chứng thực paused 10:00–14:00 (2 working hours) moves to Monday 09:00', () => {
    const r = computeDue({
      receivedAt: vn('2026-11-20', '09:00'),
      amount: 0,
      unit: 'same_day',
      cutoff15: true,
      calendar: confirmedCalendar,
      pauses: [{ from: vn('2026-11-20', '10:00'), to: vn('2026-11-20', '14:00') }],
    });
    expect(r.dueAt).toBe(vn('2026-11-23', '09:00'));
  });

  // Base: Fri 20/11 07:00 + 2 days = Mon 23/11 17:00. Pause Mon 16:00 → Wed 08:00 = 60 + 0 + 60 min.
  it('a pause spanning the 24/11 holiday counts only working minutes and skips the holiday again', () => {
    const r = computeDue({
      receivedAt: vn('2026-11-20', '07:00'),
      amount: 2,
      unit: 'working_days',
      calendar: confirmedCalendar,
      pauses: [{ from: vn('2026-11-23', '16:00'), to: vn('2026-11-25', '08:00') }],
    });
    expect(r.dueAt).toBe(vn('2026-11-25', '09:00'));
  });

  it('a pause ending before it starts is refused with a typed error', () => {
    expect(() =>
      computeDue({
        ...base,
        receivedAt: vn('2026-11-16', '08:00'),
        pauses: [{ from: vn('2026-11-18', '09:00'), to: vn('2026-11-17', '09:00') }],
      }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_DEADLINE' }));
  });
});

describe('extension (Mẫu 04): a promise, never the legal due date', () => {
  // Legal due: Mon 16/11/2026 08:00 + 3 working days = Thu 19/11 08:00.
  const legalDueAt = vn('2026-11-19', '08:00');
  const ext = (extension: Parameters<typeof checkExtension>[0]['extension'], issuedAt: string, currentPromiseAt = legalDueAt) =>
    checkExtension({ calendar: confirmedCalendar, legalDueAt, currentPromiseAt, issuedAt, extension, noticeWorkingDays: 1, noticeBasis: 'quy định' });

  it('a new date on the holiday 24/11/2026 becomes the end of Wednesday 25/11, the legal due is unchanged', () => {
    const r = ext({ newDueDate: '2026-11-24' }, vn('2026-11-17', '09:00'));
    expect(r.promisedAt).toBe(vn('2026-11-25', '17:00'));
    expect(r.issuedAfterDue).toBe(false);
    expect(r.issuedLate).toBe(false);
    expect(r.warnings.join(' ')).toContain('08 giờ 00 phút, ngày 19 tháng 11 năm 2026');
    expect(r.warnings.join(' ')).toContain('quá hạn (đã xin lỗi)');
  });

  it('a new instant inside a session is kept as is', () => {
    expect(ext({ newDueAt: vn('2026-11-27', '10:00') }, vn('2026-11-17', '09:00')).promisedAt).toBe(vn('2026-11-27', '10:00'));
  });

  it('a letter after the legal due date is still possible, and says the dossier counts as late', () => {
    const r = ext({ newDueDate: '2026-11-27' }, vn('2026-11-20', '09:00'));
    expect(r.issuedAfterDue).toBe(true);
    expect(r.warnings[0]).toContain('vẫn được tính là quá hạn');
  });

  // Wed 18/11 10:00 → Thu 19/11 08:00 is 420 + 60 = 7 h < 1 working day: later than the notice asks.
  it('a letter less than one working day before the due date is flagged as late notice', () => {
    const r = ext({ newDueDate: '2026-11-27' }, vn('2026-11-18', '10:00'));
    expect(r.issuedAfterDue).toBe(false);
    expect(r.issuedLate).toBe(true);
  });

  it('a new date not after the current promise is refused (INVALID_EXTENSION)', () => {
    expect(() => ext({ newDueDate: '2026-11-18' }, vn('2026-11-17', '09:00'))).toThrowError(expect.objectContaining({ code: 'INVALID_EXTENSION' }));
    expect(() => ext({ newDueDate: '2026-11-25' }, vn('2026-11-17', '09:00'), vn('2026-11-26', '17:00'))).toThrowError(
      expect.objectContaining({ code: 'INVALID_EXTENSION' }),
    );
  });

  it('computeDue has no extension input: the legal due comes only from receipt, limit, calendar and pauses', () => {
    const r = computeDue({ ...base, receivedAt: vn('2026-11-16', '08:00') });
    expect(r.dueAt).toBe(legalDueAt);
    expect(r.explanation.join(' ')).not.toContain('Mẫu 04');
  });
});

describe('calendar years: draft → provisional, missing → refuse', () => {
  it('the seed as shipped confirms 2026, so a 2026 due is not provisional; one running into 2027 (draft) is', () => {
    const r = computeDue({ receivedAt: vn('2026-11-20', '15:30'), amount: 0, unit: 'same_day', cutoff15: true, calendar: seedCalendar });
    expect(r.dueAt).toBe(vn('2026-11-23', '17:00'));
    expect(r.provisional).toBe(false);
    expect(r.explanation.join(' ')).not.toContain('tạm tính');
    const intoDraft = computeDue({ receivedAt: vn('2026-12-31', '15:30'), amount: 0, unit: 'same_day', cutoff15: true, calendar: seedCalendar });
    expect(intoDraft.provisional).toBe(true);
    expect(intoDraft.explanation.join(' ')).toContain('tạm tính');
  });

  it('a dossier received in 2027 (draft) is provisional', () => {
    const r = computeDue({ ...base, receivedAt: vn('2027-03-01', '08:00') });
    expect(r.provisional).toBe(true);
  });

  it('a receipt in 2028 (no calendar) throws CalendarMissingError with a Vietnamese message', () => {
    let error: unknown;
    try {
      computeDue({ ...base, receivedAt: vn('2028-01-03', '08:00') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarMissingError);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as CalendarMissingError).code).toBe('CALENDAR_MISSING');
    expect((error as CalendarMissingError).message).toContain('năm 2028');
  });

  it('a deadline running from late December 2027 into 2028 also refuses', () => {
    expect(() => computeDue({ ...base, amount: 10, receivedAt: vn('2027-12-23', '08:00') })).toThrowError(
      expect.objectContaining({ code: 'CALENDAR_MISSING' }),
    );
  });

  it('invalid amounts are refused with INVALID_DEADLINE', () => {
    expect(() => computeDue({ ...base, amount: 0, receivedAt: vn('2026-11-16', '08:00') })).toThrowError(
      expect.objectContaining({ code: 'INVALID_DEADLINE' }),
    );
    expect(() => computeDue({ ...base, amount: 1.3, unit: 'days', receivedAt: vn('2026-11-16', '08:00') })).toThrowError(
      expect.objectContaining({ code: 'INVALID_DEADLINE' }),
    );
  });
});

describe('explanation (Vietnamese, lists skipped days with holiday names)', () => {
  const r = computeDue({ receivedAt: vn('2026-11-23', '15:01'), amount: 0, unit: 'same_day', cutoff15: true, calendar: confirmedCalendar });

  it('names the Ngày Văn hóa Việt Nam holiday that was skipped', () => {
    expect(r.explanation.join('\n')).toContain('Thứ Ba 24/11/2026 – Ngày Văn hóa Việt Nam (24/11)');
  });

  it('states the 15:00 rule and the printed due time', () => {
    expect(r.explanation.join('\n')).toContain('sau 15 giờ');
    expect(r.explanation[r.explanation.length - 1]).toBe('Hạn trả kết quả: 17 giờ 00 phút, ngày 25 tháng 11 năm 2026.');
  });

  it('mentions a make-up Saturday that was counted', () => {
    const s = computeDue({ receivedAt: vn('2026-08-21', '13:30'), amount: 1, unit: 'working_days', calendar: confirmedCalendar });
    expect(s.explanation.join('\n')).toContain('Có tính ngày làm bù: Thứ Bảy 22/08/2026');
  });

  it('is in NFC', () => {
    for (const line of r.explanation) expect(line).toBe(line.normalize('NFC'));
  });
});

describe('classifyCompletion (trước hạn / đúng hạn / quá hạn)', () => {
  const due = vn('2026-11-23', '17:00');
  it.each([
    ['finished the Friday before a Monday due is early (trước hạn)', vn('2026-11-20', '16:00'), 'early'],
    ['finished on the due day before the due time is on time', vn('2026-11-23', '09:00'), 'on_time'],
    ['finished exactly at the due time is on time', vn('2026-11-23', '17:00'), 'on_time'],
    ['finished one minute after the due time is late (quá hạn)', vn('2026-11-23', '17:01'), 'late'],
  ] as const)('%s', (_name, finished, expected) => {
    expect(classifyCompletion(finished, due)).toBe(expected);
  });
});

describe('helpers for printing and per-step control', () => {
  it('formats the due as printed on Mẫu 01, in Vietnam time whatever the input offset', () => {
    expect(formatDueVi('2026-11-23T10:00:00Z')).toBe('17 giờ 00 phút, ngày 23 tháng 11 năm 2026');
    expect(formatDueVi(vn('2026-02-05', '08:05'))).toBe('08 giờ 05 phút, ngày 05 tháng 02 năm 2026');
  });

  it('counts working minutes between Friday 16:00 and Monday 08:00 as 60 + 60', () => {
    expect(workingMinutesBetween(confirmedCalendar, vn('2026-11-20', '16:00'), vn('2026-11-23', '08:00'))).toBe(120);
  });

  it('knows the office is closed at lunch and on 24/11/2026', () => {
    expect(isWorkingInstant(confirmedCalendar, vn('2026-11-23', '12:00'))).toBe(false);
    expect(isWorkingInstant(confirmedCalendar, vn('2026-11-24', '09:00'))).toBe(false);
    expect(isWorkingInstant(confirmedCalendar, vn('2026-11-25', '09:00'))).toBe(true);
  });

  it('adds working minutes across the lunch break', () => {
    expect(addWorkingMinutes(confirmedCalendar, vn('2026-11-23', '11:00'), 60)).toBe(vn('2026-11-23', '14:00'));
  });
});
