/** RPC handlers for catalog, calendar and dossiers. */
import { AppError } from '@shared/errors';
import type { DeadlineUnit } from '@shared/domain/deadline';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogService } from '../catalog/catalog-service';
import { MS_PER_DAY } from '@shared/domain/vn-time';
import { appendAudit } from '../audit/audit-log';
import { audited } from '../audit/audited';
import { signedIn, type CallContext, type HandlerGroup } from '../rpc/handlers';
import { actOnDossier } from './act';
import type { DossierContext } from './context';
import { notReceivableReason, receiveDossier } from './receive';
import { rejectDossier } from './reject';
import { detailOf } from './detail';
import { listDueRevisions } from './due-revisions';
import { findRow } from './records';
import { searchDossiers } from './search';

type Rows =
  | 'catalog.search'
  | 'catalog.get'
  | 'catalog.versions'
  | 'catalog.export'
  | 'catalog.import'
  | 'catalog.saveProcedure'
  | 'catalog.setDeadline'
  | 'dossiers.dueRevisions'
  | 'calendar.computeDue'
  | 'calendar.get'
  | 'calendar.confirmYear'
  | 'calendar.draftYear'
  | 'calendar.save'
  | 'dossiers.receive'
  | 'dossiers.get'
  | 'dossiers.search'
  | 'dossiers.act'
  | 'dossiers.reject';

export function registryHandlers(ctx: DossierContext & { catalog: CatalogService; calendar: CalendarService }): HandlerGroup<Rows> {
  const now = () => ctx.clock.now().toISOString();
  /** Catalog and calendar edits decide due dates: each is audited with the change itself. */
  const admin = <T>(c: CallContext, action: string, change: () => T, target: string | null = null) =>
    audited(ctx.db, ctx.clock, { officerId: signedIn(c).id, action, target }, change);
  return {
    'catalog.search': (i) => ({ items: ctx.catalog.search(i.query, i.limit), version: ctx.catalog.currentVersion() }),
    'catalog.get': (i) => ctx.catalog.get(i.procedureCode),
    'catalog.versions': () => ({ items: ctx.catalog.versions() }),
    'catalog.export': () => ctx.catalog.current(),
    'catalog.import': (i, c) => admin(c, 'catalog.import', () => ctx.catalog.import(i.catalog, 'import', signedIn(c).id)),
    'catalog.saveProcedure': (i, c) => admin(c, 'catalog.saveProcedure', () => ctx.catalog.saveProcedure(i.procedure, signedIn(c).id)),
    'catalog.setDeadline': (i, c) =>
      ctx.db.transaction(() => {
        const { before, version } = ctx.catalog.setDeadline(i.procedureId, i.deadline, signedIn(c).id);
        appendAudit(ctx.db, { at: now(), officerId: signedIn(c).id, action: 'catalog.setDeadline', target: i.procedureId, details: { before, after: i.deadline, catalogVersion: version.version } });
        return version;
      }),

    'calendar.computeDue': (i) => {
      const { counting, legalBasis } = ctx.catalog.current().conventions.workingDayCounting;
      const convention = { counting, countingBasis: legalBasis };
      if ('procedureCode' in i) {
        const p = ctx.catalog.get(i.procedureCode);
        const refused = notReceivableReason(p);
        if (refused || !p.deadline) throw new AppError('CONFLICT', refused ?? '', { reason: 'no_deadline', procedureId: p.id });
        return ctx.calendar.computeDue({ receivedAt: i.receivedAt, amount: p.deadline.amount, unit: p.deadline.unit as DeadlineUnit, cutoff15: p.deadline.cutoff15, ...convention });
      }
      return ctx.calendar.computeDue({ receivedAt: i.receivedAt, amount: i.amount, unit: i.unit, cutoff15: i.cutoff15 ?? false, ...convention });
    },
    'calendar.get': () => ctx.calendar.current(),
    'calendar.confirmYear': (i, c) => admin(c, 'calendar.confirmYear', () => ctx.calendar.confirmYear(i.year, signedIn(c)), String(i.year)),
    'calendar.draftYear': (i, c) => admin(c, 'calendar.draftYear', () => ctx.calendar.draftYear(i.year, signedIn(c).id), String(i.year)),
    'calendar.save': (i, c) => admin(c, 'calendar.save', () => ctx.calendar.save(i.calendar, 'admin', i.note ?? null, signedIn(c).id)),

    'dossiers.dueRevisions': (i) => ({ items: listDueRevisions(ctx.db, new Date(ctx.clock.now().getTime() - i.days * MS_PER_DAY).toISOString(), i.limit) }),
    'dossiers.receive': (i, c) => receiveDossier(ctx, i, signedIn(c)),
    'dossiers.get': (i) => detailOf(ctx, findRow(ctx.db, i), now()),
    'dossiers.search': (i) => searchDossiers(ctx, i),
    'dossiers.act': (i, c) => actOnDossier(ctx, i, signedIn(c)),
    'dossiers.reject': (i, c) => rejectDossier(ctx, i, signedIn(c)),
  };
}
