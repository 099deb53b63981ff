/**
 * Reads what changed since a cursor for the DVCQG export. Dossier and event writes take their
 * `export_seq` from one gap-free feed (db/feed.ts), so one number is a complete cursor over both.
 * A dossier that changed twice appears once, with its latest snapshot, at its latest seq.
 */
import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import { loadCatalog, type Catalog } from '@shared/domain/catalog';
import type { DossierEvent } from '@shared/dossier';
import { changeFeed, commune, dossier, dossierEvent } from '../db/schema';
import type { HubDb, HubTx } from '../db/types';
import { missingReferences, resolveReference, toCapNhatTienDoHoSoMC, toDongBoHoSoMC, type DvcqgExportResponse } from './dvcqg';

export async function readDvcqgExport(db: HubDb, since: number, limit: number): Promise<DvcqgExportResponse> {
  // All reads must see one snapshot: otherwise a dossier committed between them could fall
  // below a cursor advanced by a later event, and never be exported.
  const { dossiers, events, catalog, timelines } = await db.transaction(
    async (tx) => {
      const d = await readDossiers(tx, since, limit);
      return {
        dossiers: d,
        events: await readEvents(tx, since, limit),
        catalog: await publishedCatalog(tx),
        timelines: await readTimelines(
          tx,
          d.map((x) => x.snapshot.id),
        ),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  // One extra row per stream tells whether another page exists.
  const merged = [
    ...dossiers.map((d) => ({ seq: d.seq, dossier: d, event: undefined })),
    ...events.map((e) => ({ seq: e.seq, dossier: undefined, event: e })),
  ].sort((a, b) => a.seq - b.seq);
  const page = merged.slice(0, limit);
  const response: DvcqgExportResponse = {
    dongBoHoSo: [],
    capNhatTienDo: [],
    flagged: [],
    cursor: page.at(-1)?.seq ?? since,
    hasMore: merged.length > limit,
  };
  for (const item of page) {
    if (item.dossier) {
      const snapshot = item.dossier.snapshot;
      const ref = resolveReference(snapshot, catalog);
      const missing = missingReferences(ref);
      if (missing.length > 0) response.flagged.push({ MaHoSo: snapshot.code, TenTTHC: snapshot.procedureName, LyDo: missing });
      else response.dongBoHoSo.push(toDongBoHoSoMC(snapshot, item.dossier.unit, ref, timelines.get(snapshot.id) ?? []));
    }
    // A progress record of a dossier the portal has not received would be refused: held back too.
    if (item.event && missingReferences(resolveReference(item.event.snapshot, catalog)).length === 0) {
      response.capNhatTienDo.push(toCapNhatTienDoHoSoMC(item.event.event, item.event.snapshot, item.event.unit));
    }
  }
  return response;
}

/** The newest catalog the province published (the codes the portal needs); null when none is valid. */
export async function publishedCatalog(tx: HubTx): Promise<Catalog | null> {
  const [row] = await tx
    .select({ payload: changeFeed.payload })
    .from(changeFeed)
    .where(and(eq(changeFeed.scope, 'province'), eq(changeFeed.kind, 'catalog')))
    .orderBy(desc(changeFeed.seq))
    .limit(1);
  if (!row) return null;
  try {
    return loadCatalog((row.payload as { data?: unknown }).data);
  } catch {
    // A publication the counters also refuse gives no codes: its records stay flagged.
    return null;
  }
}

async function readTimelines(tx: HubTx, dossierIds: string[]): Promise<Map<string, DossierEvent[]>> {
  const byDossier = new Map<string, DossierEvent[]>();
  if (dossierIds.length === 0) return byDossier;
  const rows = await tx
    .select({ dossierId: dossierEvent.dossierId, event: dossierEvent.event })
    .from(dossierEvent)
    .where(inArray(dossierEvent.dossierId, dossierIds));
  for (const r of rows) byDossier.set(r.dossierId, [...(byDossier.get(r.dossierId) ?? []), r.event]);
  return byDossier;
}

function readDossiers(tx: HubTx, since: number, limit: number) {
  return tx
    .select({ seq: dossier.exportSeq, snapshot: dossier.snapshot, unit: commune.name })
    .from(dossier)
    .innerJoin(commune, eq(commune.code, dossier.communeCode))
    .where(gt(dossier.exportSeq, since))
    .orderBy(asc(dossier.exportSeq))
    .limit(limit + 1);
}

function readEvents(tx: HubTx, since: number, limit: number) {
  return tx
    .select({ seq: dossierEvent.exportSeq, event: dossierEvent.event, snapshot: dossier.snapshot, unit: commune.name })
    .from(dossierEvent)
    .innerJoin(dossier, eq(dossier.id, dossierEvent.dossierId))
    .innerJoin(commune, eq(commune.code, dossier.communeCode))
    .where(gt(dossierEvent.exportSeq, since))
    .orderBy(asc(dossierEvent.exportSeq))
    .limit(limit + 1);
}
