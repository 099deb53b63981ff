/**
 * A dossier whose procedure lacked a code was held back from the DVCQG export (flagged), and the
 * export cursor moved past it. When the province publishes a catalog that gives the missing codes,
 * those dossiers and their timelines take new export seqs inside the publishing transaction, so the
 * next export pass sends them: correcting the catalog is all the province has to do.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Catalog } from '@shared/domain/catalog';
import type { Dossier } from '@shared/dossier';
import { EXPORT_FEED, nextSeq } from '../db/feed';
import { dossier, dossierEvent } from '../db/schema';
import type { HubTx } from '../db/types';
import { missingReferences, resolveReference } from './dvcqg';

const complete = (snapshot: Dossier, catalog: Catalog | null) => missingReferences(resolveReference(snapshot, catalog)).length === 0;

export async function requeueNewlyExportable(tx: HubTx, before: Catalog | null, after: Catalog | null): Promise<number> {
  const procedureCode = sql<string>`${dossier.snapshot}->>'procedureCode'`;
  const procedureField = sql<string | null>`${dossier.snapshot}->>'procedureField'`;
  const kinds = await tx.selectDistinct({ procedureCode, procedureField }).from(dossier);
  let requeued = 0;
  for (const kind of kinds) {
    // Only the two fields resolveReference reads matter: a stand-in snapshot is enough.
    const probe = { procedureCode: kind.procedureCode, ...(kind.procedureField ? { procedureField: kind.procedureField } : {}) } as Dossier;
    if (complete(probe, before) || !complete(probe, after)) continue;
    const ids = (
      await tx
        .select({ id: dossier.id })
        .from(dossier)
        .where(and(sql`${procedureCode} = ${kind.procedureCode}`, kind.procedureField === null ? sql`${procedureField} is null` : sql`${procedureField} = ${kind.procedureField}`))
        .orderBy(dossier.exportSeq)
    ).map((r) => r.id);
    for (const id of ids) {
      await tx.update(dossier).set({ exportSeq: await nextSeq(tx, EXPORT_FEED) }).where(eq(dossier.id, id));
      const events = await tx.select({ id: dossierEvent.id }).from(dossierEvent).where(inArray(dossierEvent.dossierId, [id])).orderBy(dossierEvent.exportSeq);
      for (const e of events) await tx.update(dossierEvent).set({ exportSeq: await nextSeq(tx, EXPORT_FEED) }).where(eq(dossierEvent.id, e.id));
    }
    requeued += ids.length;
  }
  return requeued;
}
