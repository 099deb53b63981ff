/**
 * RPC handlers for the working calendar and the deadline engine (src-shared/rpc/calendar.ts).
 * A due date asked for by procedure takes the procedure's deadline from the catalog. Calendar
 * edits decide due dates: each is audited in the transaction of the change itself.
 */
import { AppError } from '@shared/errors';
import { notReceivableReason } from '@shared/domain/catalog';
import type { DeadlineUnit } from '@shared/domain/deadline';
import type { calendarRows } from '@shared/rpc/calendar';
import { audited } from '../audit/audited';
import type { CatalogService } from '../catalog/catalog-service';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { CalendarService } from './calendar-service';

export function calendarHandlers(s: { db: CounterDb; clock: Clock; calendar: CalendarService; catalog: CatalogService }): HandlerGroup<keyof typeof calendarRows> {
  return {
    'calendar.computeDue': (i) => {
      // The province's counting rule for "N ngày làm việc", named in the explanation with its source.
      const { counting, legalBasis } = s.catalog.current().conventions.workingDayCounting;
      const convention = { counting, countingBasis: legalBasis };
      if ('procedureCode' in i) {
        const p = s.catalog.get(i.procedureCode);
        const refused = notReceivableReason(p);
        if (refused || !p.deadline) throw new AppError('CONFLICT', refused ?? '', { reason: 'no_deadline', procedureId: p.id });
        return s.calendar.computeDue({ receivedAt: i.receivedAt, amount: p.deadline.amount, unit: p.deadline.unit as DeadlineUnit, cutoff15: p.deadline.cutoff15, ...convention });
      }
      return s.calendar.computeDue({ receivedAt: i.receivedAt, amount: i.amount, unit: i.unit, cutoff15: i.cutoff15 ?? false, ...convention });
    },
    'calendar.get': () => s.calendar.current(),
    'calendar.confirmYear': (i, c) =>
      audited(s.db, s.clock, { officerId: signedIn(c).id, action: 'calendar.confirmYear', target: String(i.year) }, () => s.calendar.confirmYear(i.year, signedIn(c))),
    'calendar.draftYear': (i, c) =>
      audited(s.db, s.clock, { officerId: signedIn(c).id, action: 'calendar.draftYear', target: String(i.year) }, () => s.calendar.draftYear(i.year, signedIn(c).id)),
    'calendar.save': (i, c) =>
      audited(s.db, s.clock, { officerId: signedIn(c).id, action: 'calendar.save' }, () => s.calendar.save(i.calendar, 'admin', i.note ?? null, signedIn(c).id)),
  };
}
