/**
 * Reads what changed since a cursor for the DVCQG export. Dossier and event writes take their
 * `export_seq` from one gap-free feed (db/feed.ts), so one number is a complete cursor over both.
 * A dossier that changed twice appears once, with its latest snapshot, at its latest seq.
 */
import { asc, eq, gt } from 'drizzle-orm';
import { commune, dossier, dossierEvent } from '../db/schema';
import type { HubDb, HubTx } from '../db/types';
import { toCapNhatTienDoHoSoMC, toDongBoHoSoMC, type DvcqgExportResponse } from './dvcqg';

export async function readDvcqgExport(db: HubDb, since: number, limit: number): Promise<DvcqgExportResponse> {
  // Both reads must see one snapshot: otherwise a dossier committed between them could fall
  // below a cursor advanced by a later event, and never be exported.
  const { dossiers, events } = await db.transaction(
    async (tx) => ({ dossiers: await readDossiers(tx, since, limit), events: await readEvents(tx, since, limit) }),
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
    cursor: page.at(-1)?.seq ?? since,
    hasMore: merged.length > limit,
  };
  for (const item of page) {
    if (item.dossier) response.dongBoHoSo.push(toDongBoHoSoMC(item.dossier.snapshot, item.dossier.unit));
    if (item.event) response.capNhatTienDo.push(toCapNhatTienDoHoSoMC(item.event.event, item.event.snapshot, item.event.unit));
  }
  return response;
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
