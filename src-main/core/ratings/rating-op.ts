/** The answered rating's sync op, written in the answer's transaction (the outbox carries it to the hub). */
import { eq } from 'drizzle-orm';
import type { RatingAnswer } from '@shared/sync/rating-op';
import type { DbExecutor } from '../db/open';
import { dossier, type rating } from '../db/schema';
import { enqueueOp } from '../outbox/outbox';

export function enqueueRatingAnswer(tx: DbExecutor, r: typeof rating.$inferSelect): void {
  const owner = tx.select({ agencyCode: dossier.agencyCode }).from(dossier).where(eq(dossier.id, r.dossierId)).get();
  if (!owner || !r.level || !r.submittedAt) throw new Error(`rating ${r.id} has no dossier or no answer`);
  const payload: RatingAnswer = {
    id: r.id,
    agencyCode: owner.agencyCode,
    dossierId: r.dossierId,
    dossierCode: r.dossierCode,
    event: r.event,
    officerId: r.officerId,
    officerName: r.officerName,
    counterNo: r.counterNo,
    procedureField: r.procedureField,
    sheetVersion: r.sheetVersion,
    level: r.level,
    criteria: JSON.parse(r.criteria ?? '[]') as RatingAnswer['criteria'],
    comment: r.comment ?? '',
    openedAt: r.openedAt,
    submittedAt: r.submittedAt,
  };
  enqueueOp(tx, { opType: 'rating.answer', entityId: r.id, payload, at: r.submittedAt });
}
