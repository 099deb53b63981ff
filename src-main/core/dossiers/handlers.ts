/** RPC handlers for dossiers at the counter (src-shared/rpc/dossiers.ts). */
import { MS_PER_DAY } from '@shared/domain/vn-time';
import type { dossierRows } from '@shared/rpc/dossiers';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import { actOnDossier } from './act';
import type { DossierContext } from './context';
import { receiveDossier } from './receive';
import { rejectDossier } from './reject';
import { detailOf } from './detail';
import { listDueRevisions } from './due-revisions';
import { findRow } from './records';
import { searchDossiers } from './search';

export function dossierHandlers(ctx: DossierContext): HandlerGroup<keyof typeof dossierRows> {
  return {
    'dossiers.receive': (i, c) => receiveDossier(ctx, i, signedIn(c)),
    'dossiers.get': (i) => detailOf(ctx, findRow(ctx.db, i), ctx.clock.now().toISOString()),
    'dossiers.dueRevisions': (i) => ({ items: listDueRevisions(ctx.db, new Date(ctx.clock.now().getTime() - i.days * MS_PER_DAY).toISOString(), i.limit) }),
    'dossiers.search': (i) => searchDossiers(ctx, i),
    'dossiers.act': (i, c) => actOnDossier(ctx, i, signedIn(c)),
    'dossiers.reject': (i, c) => rejectDossier(ctx, i, signedIn(c)),
  };
}
