/** A dossier's detail for the officer, with what the catalog says about its procedure. */
import type { Procedure } from '@shared/domain/catalog';
import type { DossierContext } from './context';
import { toDetail, type DossierRow } from './records';

/** The procedure under the catalog version the dossier was received with (null if unknown). */
export function procedureOfRow(ctx: Pick<DossierContext, 'catalog'>, row: Pick<DossierRow, 'catalogVersion' | 'procedureId'>): Procedure | null {
  return ctx.catalog.procedureAt(row.catalogVersion, row.procedureId);
}

export function detailOf(ctx: Pick<DossierContext, 'catalog' | 'db'>, row: DossierRow, nowIso: string) {
  const p = procedureOfRow(ctx, row);
  return toDetail(ctx.db, row, nowIso, {
    canVerify: p?.deadline?.whenVerifying !== undefined,
    receivedFor: p?.receivedFor ? { agency: p.receivedFor.agency, ownForms: p.receivedFor.ownForms } : null,
  });
}
