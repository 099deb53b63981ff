/**
 * The working calendar in force and the due-date computation over it. Every change (confirming
 * a year, adding a holiday, a province download) is a new version; nothing is overwritten.
 */
import fs from 'node:fs';
import { desc } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { draftYear } from '@shared/domain/calendar/draft';
import { loadCalendar, withYearStatus } from '@shared/domain/calendar/load';
import type { WorkingCalendar } from '@shared/domain/calendar/types';
import { computeDue, formatDueVi, type ComputeDueInput, type DueResult } from '@shared/domain/deadline';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { preparedPerConnection } from '../db/prepared';
import { calendarVersion } from '../db/schema';

type Origin = (typeof calendarVersion.$inferInsert)['origin'];

const latestCalendarVersion = preparedPerConnection((c) => c.prepare<[], { id: number }>('SELECT id FROM calendar_version ORDER BY id DESC LIMIT 1'));

export class CalendarService {
  private cache: { id: number; calendar: WorkingCalendar } | null = null;

  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
    private readonly seedFile: string,
  ) {}

  ensureSeeded(): void {
    if (this.db.select({ id: calendarVersion.id }).from(calendarVersion).limit(1).get()) return;
    const calendar = loadCalendar(JSON.parse(fs.readFileSync(this.seedFile, 'utf8')));
    this.store(calendar, 'seed', 'Lịch mặc định kèm theo ứng dụng', null);
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

  computeDue(input: Omit<ComputeDueInput, 'calendar'>): DueResult & { dueText: string } {
    const result = computeDue({ ...input, calendar: this.current() });
    return { ...result, dueText: formatDueVi(result.dueAt) };
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
    const next = loadCalendar({ ...calendar, years: [...calendar.years, draftYear(year, calendar.weeklySessions)].sort((a, b) => a.year - b.year) });
    return this.store(next, 'admin', `Lập lịch dự thảo năm ${year}`, officerId);
  }

  save(json: unknown, origin: Origin, note: string | null, officerId: string | null): WorkingCalendar {
    let calendar: WorkingCalendar;
    try {
      calendar = loadCalendar(json);
    } catch (err) {
      const e = err as { message: string; details?: unknown };
      throw new AppError('INVALID_INPUT', e.message, e.details);
    }
    return this.store(calendar, origin, note, officerId);
  }

  private store(calendar: WorkingCalendar, origin: Origin, note: string | null, officerId: string | null): WorkingCalendar {
    this.db.insert(calendarVersion).values({ body: calendar, origin, note, createdAt: this.clock.now().toISOString(), createdBy: officerId }).run();
    this.cache = null;
    return this.current();
  }
}
