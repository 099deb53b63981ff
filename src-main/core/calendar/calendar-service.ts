/**
 * The working calendar in force and the due-date computation over it. Every change (confirming
 * a year, adding a holiday, a province download) is a new version; nothing is overwritten.
 *
 * Past the last year the calendar holds, the counter keeps receiving: a computation that reaches
 * such a year drafts it from the statute in memory (never stored: the administrator still drafts
 * and confirms the year), so the due date is provisional and the explanation says why.
 */
import fs from 'node:fs';
import { desc } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { CalendarMissingError } from '@shared/domain/calendar/day-index';
import { withDraftedYear } from '@shared/domain/calendar/draft';
import { loadCalendar, withYearStatus } from '@shared/domain/calendar/load';
import type { WorkingCalendar } from '@shared/domain/calendar/types';
import { computeDue, formatDueVi, type ComputeDueInput, type DueResult } from '@shared/domain/deadline';
import { vnParts } from '@shared/domain/vn-time';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { preparedPerConnection } from '../db/prepared';
import { calendarVersion } from '../db/schema';

type Origin = (typeof calendarVersion.$inferInsert)['origin'];

/** A new calendar version was stored; runs inside the transaction that stored it. */
export type CalendarChangeListener = (change: {
  previous: WorkingCalendar | null;
  next: WorkingCalendar;
  versionId: number;
  origin: Origin;
  officerId: string | null;
  note: string | null;
}) => void;

/**
 * A province publication brings holidays, make-up days and year statuses; the commune's own office
 * sessions stay as the commune set them, and a year only the commune has (a draft it started) is
 * kept.
 */
export function mergeProvinceCalendar(current: WorkingCalendar, published: WorkingCalendar): WorkingCalendar {
  const provinceYears = new Set(published.years.map((y) => y.year));
  const years = [...published.years, ...current.years.filter((y) => !provinceYears.has(y.year))].sort((a, b) => a.year - b.year);
  return { ...published, weeklySessions: current.weeklySessions, years };
}

const latestCalendarVersion = preparedPerConnection((c) => c.prepare<[], { id: number }>('SELECT id FROM calendar_version ORDER BY id DESC LIMIT 1'));

/** A due date can span a few years (months-long deadlines, pauses); more means a wrong input. */
const MAX_DRAFTED_PER_COMPUTATION = 3;

export type ComputedDue = DueResult & {
  dueText: string;
  /** Years between receipt and due the calendar did not hold: drafted from the statute for this computation. */
  yearsWithoutCalendar: number[];
};

export class CalendarService {
  private cache: { id: number; calendar: WorkingCalendar } | null = null;
  /** The calendar in force plus the years computations had to draft, kept so the day tables are built once. */
  private extended: { base: WorkingCalendar; calendar: WorkingCalendar; drafted: number[] } | null = null;
  private readonly listeners: CalendarChangeListener[] = [];

  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
    private readonly seedFile: string,
  ) {}

  /** Called for every new version, inside its transaction (core recomputes open due dates). */
  onChange(listener: CalendarChangeListener): void {
    this.listeners.push(listener);
  }

  /**
   * Loads the shipped calendar on first start. After an upgrade, a calendar nobody has touched yet
   * (still the shipped one) follows the newly shipped one; a calendar the commune or the province
   * changed is never replaced by the shipped file.
   */
  ensureSeeded(): void {
    const latest = this.db.select({ origin: calendarVersion.origin, body: calendarVersion.body }).from(calendarVersion).orderBy(desc(calendarVersion.id)).limit(1).get();
    const shipped = loadCalendar(JSON.parse(fs.readFileSync(this.seedFile, 'utf8')));
    if (!latest) {
      this.store(shipped, 'seed', 'Lịch mặc định kèm theo ứng dụng', null);
      return;
    }
    if (latest.origin === 'seed' && (latest.body as WorkingCalendar).version !== shipped.version) {
      this.store(shipped, 'seed', `Lịch kèm theo phiên bản mới của ứng dụng (${shipped.version ?? ''})`, null);
    }
  }

  current(): WorkingCalendar {
    // Every receipt asks: the version check is a prepared statement, not a new query.
    const latest = latestCalendarVersion(this.db).get();
    if (!latest) throw new AppError('NOT_INITIALIZED', 'Chưa có lịch làm việc');
    if (this.cache?.id !== latest.id) {
      const body = this.db.select().from(calendarVersion).orderBy(desc(calendarVersion.id)).limit(1).get()!.body;
      this.cache = { id: latest.id, calendar: loadCalendar(body) };
    }
    return this.cache.calendar;
  }

  computeDue(input: Omit<ComputeDueInput, 'calendar'>): ComputedDue {
    const base = this.current();
    if (this.extended?.base !== base) this.extended = { base, calendar: base, drafted: [] };
    const lastKnownYear = Math.max(...base.years.map((y) => y.year));
    for (let drafts = 0; ; drafts++) {
      try {
        const result = computeDue({ ...input, calendar: this.extended.calendar });
        const [from, to] = [vnParts(input.receivedAt).year, vnParts(result.dueAt).year];
        const missing = this.extended.drafted.filter((y) => y >= from && y <= to).sort((a, b) => a - b);
        const explanation = missing.length > 0 ? [missingYearsNote(missing), ...result.explanation] : result.explanation;
        return { ...result, explanation, dueText: formatDueVi(result.dueAt), yearsWithoutCalendar: missing };
      } catch (err) {
        // Only years after the last one held: a gap inside the calendar still refuses (fail closed).
        if (!(err instanceof CalendarMissingError) || err.year <= lastKnownYear || drafts >= MAX_DRAFTED_PER_COMPUTATION) throw err;
        this.extended = {
          base,
          calendar: withDraftedYear(this.extended.calendar, err.year),
          drafted: [...this.extended.drafted, err.year],
        };
      }
    }
  }

  confirmYear(year: number, officer: { id: string; fullName: string }): WorkingCalendar {
    const calendar = this.current();
    if (!calendar.years.some((y) => y.year === year)) {
      throw new AppError('NOT_FOUND', `Chưa có lịch năm ${year}; hãy lập lịch dự thảo trước`);
    }
    const next = withYearStatus(calendar, year, 'confirmed', officer.fullName, this.clock.now().toISOString());
    return this.store(next, 'admin', `Xác nhận lịch năm ${year}`, officer.id);
  }

  /** Drafts a year from the lunar calendar (Tết, Giỗ Tổ) for an administrator to review. */
  draftYear(year: number, officerId: string): WorkingCalendar {
    const calendar = this.current();
    if (calendar.years.some((y) => y.year === year)) throw new AppError('CONFLICT', `Lịch năm ${year} đã có`);
    return this.store(withDraftedYear(calendar, year), 'admin', `Lập lịch dự thảo năm ${year}`, officerId);
  }

  save(json: unknown, origin: Origin, note: string | null, officerId: string | null): WorkingCalendar {
    let calendar: WorkingCalendar;
    try {
      calendar = loadCalendar(json);
    } catch (err) {
      const e = err as { message: string; details?: unknown };
      throw new AppError('INVALID_INPUT', e.message, e.details);
    }
    const previous = this.latest();
    if (origin === 'province' && previous) calendar = loadCalendar(mergeProvinceCalendar(previous, calendar));
    return this.store(calendar, origin, note, officerId);
  }

  private latest(): WorkingCalendar | null {
    return latestCalendarVersion(this.db).get() ? this.current() : null;
  }

  private store(calendar: WorkingCalendar, origin: Origin, note: string | null, officerId: string | null): WorkingCalendar {
    const previous = this.latest();
    // The version and whatever it changes (open dossiers' due dates) commit together.
    return this.db.transaction((tx) => {
      const { id } = tx
        .insert(calendarVersion)
        .values({ body: calendar, origin, note, createdAt: this.clock.now().toISOString(), createdBy: officerId })
        .returning({ id: calendarVersion.id })
        .get();
      this.cache = null;
      const next = this.current();
      for (const listener of this.listeners) listener({ previous, next, versionId: id, origin, officerId, note });
      return next;
    });
  }
}

/** Why a due date is provisional when its year had no calendar at all: for the officer and the citizen. */
function missingYearsNote(years: number[]): string {
  const list = years.join(', ');
  return (
    `Chưa có lịch làm việc năm ${list}: ngày hẹn trả được tính tạm theo các ngày nghỉ lễ, tết của Bộ luật Lao động ` +
    `(Tết Nguyên đán, Giỗ Tổ Hùng Vương tính theo âm lịch), chưa có ngày hoán đổi và ngày làm bù do Chính phủ công bố, ` +
    `nên chỉ là dự kiến. Quản trị viên cần lập và xác nhận lịch làm việc năm ${list}.`
  );
}
