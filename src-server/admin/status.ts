/**
 * The province records a processing status (or the result) of a dossier. One transaction writes
 * the dossier's new projection, the timeline event and a `dossier.status` change in the owning
 * commune's scope, so the counter pulls exactly what was committed.
 */
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { dossierStatusSchema, type Dossier, type DossierEvent, type DossierStatus } from '@shared/dossier';
import { communeScope, type DossierStatusPayload } from '@shared/sync/protocol';
import { EXPORT_FEED, appendChange, nextSeq } from '../db/feed';
import { dossier, dossierEvent } from '../db/schema';
import type { HubDb } from '../db/types';
import { notFound } from '../errors';

export const statusChangeInputSchema = z.object({
  status: dossierStatusSchema,
  officer: z.string().trim().min(1).max(200),
  /** Event type for the timeline; defaults to a generic province status change. */
  type: z.string().trim().min(1).max(60).optional(),
  note: z.string().max(2000).optional(),
});
export type StatusChangeInput = z.infer<typeof statusChangeInputSchema>;

/** Statuses that end processing (NgayKetThucXuLy in DVCQG terms, DOMAIN.md §4.5). */
const FINISHING: ReadonlySet<DossierStatus> = new Set(['result_ready', 'rejected', 'stopped']);

export async function recordStatusChange(db: HubDb, dossierId: string, input: StatusChangeInput, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(dossier).where(eq(dossier.id, dossierId)).for('update');
    if (!row) throw notFound('Không tìm thấy hồ sơ trên hệ thống tỉnh.');
    const at = now.toISOString();
    const previous = row.snapshot;
    const next: Dossier = {
      ...previous,
      status: input.status,
      updatedAt: at,
      finishedAt: previous.finishedAt ?? (FINISHING.has(input.status) || input.status === 'returned' ? at : null),
      returnedAt: input.status === 'returned' ? (previous.returnedAt ?? at) : previous.returnedAt,
      // What grading reads (src-shared/domain/grading.ts), kept as the counter keeps it.
      supplementCount:
        input.status === 'awaiting_supplement' && previous.status !== 'awaiting_supplement' ? (previous.supplementCount ?? 0) + 1 : previous.supplementCount,
      withdrawalRequestedAt: input.status === 'withdrawal_requested' ? (previous.withdrawalRequestedAt ?? at) : previous.withdrawalRequestedAt,
    };
    const event: DossierEvent = {
      id: uuidv7(),
      dossierId,
      type: input.type ?? 'province.status',
      fromStatus: previous.status,
      toStatus: input.status,
      at, // hub clock: the province's record of when it decided
      officer: input.officer.normalize('NFC'),
      ...(input.note ? { note: input.note.normalize('NFC') } : {}),
    };
    // Two export seqs: the export cursor is one number, so two records must never share one.
    const dossierSeq = await nextSeq(tx, EXPORT_FEED);
    const eventSeq = await nextSeq(tx, EXPORT_FEED);
    await tx
      .update(dossier)
      .set({ status: input.status, snapshot: next, provinceStatusAt: now, updatedAt: now, exportSeq: dossierSeq })
      .where(eq(dossier.id, dossierId));
    await tx
      .insert(dossierEvent)
      .values({ id: event.id, dossierId, event, source: 'province', exportSeq: eventSeq });
    const payload: DossierStatusPayload = { dossierId, code: next.code, status: input.status, event, dossier: next };
    const seq = await appendChange(tx, communeScope(row.communeCode), 'dossier.status', payload);
    return { dossier: next, event, seq };
  });
}
