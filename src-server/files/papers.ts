/**
 * The hub's records of dossiers' papers: a counter's claim of its pages (which dossier, which
 * checklist item, which file) and the files verified and stored. A device may claim pages only of
 * its own commune's dossiers, and only dossiers the hub already has (files follow their ops).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ClaimedPage, ClaimResponse } from '@shared/sync/files';
import type { AuthedDevice } from '../auth/device-auth';
import { dossier, dossierPaper, hubFile } from '../db/schema';
import type { HubDb } from '../db/types';

export async function claimPages(db: HubDb, device: AuthedDevice, pages: ClaimedPage[], now: Date): Promise<Omit<ClaimResponse, 'serverTime'>> {
  const dossierIds = [...new Set(pages.map((p) => p.dossierId))];
  const known = await db.select({ id: dossier.id, communeCode: dossier.communeCode }).from(dossier).where(inArray(dossier.id, dossierIds));
  const communeOf = new Map(known.map((d) => [d.id, d.communeCode]));
  const refused: ClaimResponse['refused'] = [];
  const accepted: ClaimedPage[] = [];
  for (const page of pages) {
    const commune = communeOf.get(page.dossierId);
    if (commune === undefined) {
      refused.push({ pageId: page.pageId, code: 'unknown_dossier', message: 'Hệ thống tỉnh chưa có hồ sơ của trang này; sẽ gửi lại sau khi hồ sơ được đồng bộ.' });
    } else if (commune !== device.communeCode) {
      refused.push({ pageId: page.pageId, code: 'forbidden', message: 'Thiết bị chỉ được gửi giấy tờ của hồ sơ thuộc xã mình.' });
    } else {
      accepted.push(page);
    }
  }
  if (accepted.length > 0) {
    await db
      .insert(dossierPaper)
      .values(accepted.map((p) => ({ ...p, deviceId: device.id, recordedAt: now })))
      .onConflictDoNothing();
  }
  const hashes = [...new Set(accepted.map((p) => p.sha256))];
  const held = hashes.length === 0 ? [] : await db.select({ sha256: hubFile.sha256 }).from(hubFile).where(inArray(hubFile.sha256, hashes));
  const heldSet = new Set(held.map((h) => h.sha256));
  return { missing: hashes.filter((h) => !heldSet.has(h)), refused };
}

/** Whether this device claimed this file for this dossier of its commune: the condition to upload it. */
export async function mayUpload(db: HubDb, device: AuthedDevice, dossierId: string, sha256: string): Promise<boolean> {
  const rows = await db
    .select({ communeCode: dossier.communeCode })
    .from(dossierPaper)
    .innerJoin(dossier, eq(dossier.id, dossierPaper.dossierId))
    .where(and(eq(dossierPaper.dossierId, dossierId), eq(dossierPaper.sha256, sha256)))
    .limit(1);
  return rows[0]?.communeCode === device.communeCode;
}

export async function recordStoredFile(db: HubDb, row: { sha256: string; size: number; storage: 'fs' | 's3'; uploadedBy: string; storedAt: Date }): Promise<void> {
  await db.insert(hubFile).values(row).onConflictDoNothing();
}

export async function hasFile(db: HubDb, sha256: string): Promise<boolean> {
  const rows = await db.select({ sha256: hubFile.sha256 }).from(hubFile).where(eq(hubFile.sha256, sha256)).limit(1);
  return rows.length > 0;
}

export interface DossierPaperView {
  pageId: string;
  sha256: string;
  size: number;
  role: string;
  itemPosition: number;
  itemName: string;
  seq: number;
  stored: boolean;
}

export async function papersOfDossier(db: HubDb, dossierId: string): Promise<DossierPaperView[]> {
  const rows = await db
    .select({
      pageId: dossierPaper.pageId,
      sha256: dossierPaper.sha256,
      size: dossierPaper.size,
      role: dossierPaper.role,
      itemPosition: dossierPaper.itemPosition,
      itemName: dossierPaper.itemName,
      seq: dossierPaper.seq,
      storedAt: hubFile.storedAt,
    })
    .from(dossierPaper)
    .leftJoin(hubFile, eq(hubFile.sha256, dossierPaper.sha256))
    .where(eq(dossierPaper.dossierId, dossierId))
    .orderBy(asc(dossierPaper.role), asc(dossierPaper.itemPosition), asc(dossierPaper.seq));
  return rows.map(({ storedAt, ...r }) => ({ ...r, stored: storedAt !== null }));
}
