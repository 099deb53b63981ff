/**
 * A citizen's answered rating pushed by a counter ('rating.answer'), on the op-by-op path
 * (push.ts sends batches holding one there): kept once per id, and only from the commune the rated
 * dossier belongs to. Ratings are never changed afterwards, so a resend with the same id is a
 * no-op behind applied_op.
 */
import { eq } from 'drizzle-orm';
import type { OpEnvelope } from '@shared/sync/protocol';
import { ratingAnswerSchema } from '@shared/sync/rating-op';
import type { AuthedDevice } from '../auth/device-auth';
import { communeRating, dossier } from '../db/schema';
import type { HubTx } from '../db/types';
import { invalidPayload } from './decide-op';
import { OpRejection } from './rejection';

export async function applyRatingOp(tx: HubTx, device: AuthedDevice, op: OpEnvelope, now: Date): Promise<void> {
  const parsed = ratingAnswerSchema.safeParse(op.payload);
  if (!parsed.success) throw invalidPayload(parsed.error.issues);
  const r = parsed.data;
  if (r.id !== op.entityId) throw new OpRejection('entity_mismatch', 'Mã thực thể của thao tác không khớp với mã đánh giá trong dữ liệu.');
  const [owner] = await tx.select({ communeCode: dossier.communeCode }).from(dossier).where(eq(dossier.id, r.dossierId));
  if (r.agencyCode !== device.communeCode || (owner && owner.communeCode !== device.communeCode)) {
    throw new OpRejection('foreign_commune', `Đánh giá của hồ sơ ${r.dossierCode} không thuộc ${device.communeName}; thiết bị chỉ được gửi đánh giá của xã mình.`);
  }
  await tx
    .insert(communeRating)
    .values({
      id: r.id,
      communeCode: device.communeCode,
      dossierId: r.dossierId,
      dossierCode: r.dossierCode,
      event: r.event,
      officerId: r.officerId,
      officerName: r.officerName,
      counterNo: r.counterNo,
      procedureField: r.procedureField,
      level: r.level,
      rating: r,
      submittedAt: new Date(r.submittedAt),
      receivedAt: now,
    })
    .onConflictDoNothing({ target: communeRating.id });
}
