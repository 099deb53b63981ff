/** RPC handlers for catalog, calendar and dossiers. */
import { AppError } from '@shared/errors';
import type { DeadlineUnit } from '@shared/domain/deadline';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogService } from '../catalog/catalog-service';
import { audited } from '../audit/audited';
import { signedIn, type CallContext, type HandlerGroup } from '../rpc/handlers';
import { actOnDossier } from './act';
import type { DossierContext } from './context';
import { receiveDossier } from './receive';
import { rejectDossier } from './reject';
import { findRow, toDetail } from './records';
import { searchDossiers } from './search';

type Rows =
  | 'catalog.search'
  | 'catalog.get'
  | 'catalog.versions'
  | 'catalog.export'
  | 'catalog.import'
  | 'catalog.saveProcedure'
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

    'calendar.computeDue': (i) => {
      if ('procedureCode' in i) {
        const p = ctx.catalog.get(i.procedureCode);
        if (!p.deadline) throw new AppError('CONFLICT', `Thủ tục "${p.name}" chưa có thời hạn giải quyết`);
        return ctx.calendar.computeDue({ receivedAt: i.receivedAt, amount: p.deadline.amount, unit: p.deadline.unit as DeadlineUnit, cutoff15: p.deadline.cutoff15 });
      }
      return ctx.calendar.computeDue({ receivedAt: i.receivedAt, amount: i.amount, unit: i.unit, cutoff15: i.cutoff15 ?? false });
    },
    'calendar.get': () => ctx.calendar.current(),
    'calendar.confirmYear': (i, c) => admin(c, 'calendar.confirmYear', () => ctx.calendar.confirmYear(i.year, signedIn(c)), String(i.year)),
    'calendar.draftYear': (i, c) => admin(c, 'calendar.draftYear', () => ctx.calendar.draftYear(i.year, signedIn(c).id), String(i.year)),
    'calendar.save': (i, c) => admin(c, 'calendar.save', () => ctx.calendar.save(i.calendar, 'admin', i.note ?? null, signedIn(c).id)),

    'dossiers.receive': (i, c) => receiveDossier(ctx, i, signedIn(c)),
    'dossiers.get': (i) => toDetail(ctx.db, findRow(ctx.db, i), now()),
    'dossiers.search': (i) => searchDossiers(ctx, i),
    'dossiers.act': (i, c) => actOnDossier(ctx, i, signedIn(c)),
    'dossiers.reject': (i, c) => rejectDossier(ctx, i, signedIn(c)),
  };
}
