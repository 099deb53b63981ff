/**
 * Applies one pushed op in its own transaction, exactly once (ARCHITECTURE.md §6): the reference
 * path of a push, which the batch path (apply-batch.ts) must answer like; both decide through the
 * one rule book, decide-op.ts.
 *
 * Idempotency: the op's applied_op row is inserted first (ON CONFLICT DO NOTHING). If it already
 * exists — or a parallel request inserts it first, in which case PostgreSQL makes us wait for that
 * commit — the op is a duplicate and gets the stored first answer. The business writes run in a
 * savepoint, so a rejection undoes them while the applied_op row keeps the answer. Any other error
 * (OpDeferred included) rolls everything back, stores nothing, and is reported as retry_later.
 */
import { eq } from 'drizzle-orm';
import type { OpEnvelope, OpResult, PushResult } from '@shared/sync/protocol';
import type { AuthedDevice } from '../auth/device-auth';
import { appliedOp } from '../db/schema';
import type { HubDb, HubTx } from '../db/types';
import { applyDossierOp } from './apply-dossier';
import { applyFeedbackOp } from './apply-feedback';
import { applyRatingOp } from './apply-rating';
import { lockDevicePushes } from './device-lock';
import { OpRejection } from './rejection';

export async function applyOp(db: HubDb, device: AuthedDevice, op: OpEnvelope, now: Date): Promise<PushResult> {
  return db.transaction(async (tx) => {
    await lockDevicePushes(tx, device.id);
    const placeholder: OpResult = { opId: op.opId, result: 'retry_later' };
    const inserted = await tx
      .insert(appliedOp)
      .values({
        opId: op.opId,
        deviceId: device.id,
        deviceEpoch: op.deviceEpoch,
        deviceSeq: op.seq,
        opType: op.opType,
        entityId: op.entityId,
        result: placeholder,
      })
      .onConflictDoNothing({ target: appliedOp.opId })
      .returning({ opId: appliedOp.opId });

    if (inserted.length === 0) return duplicateAnswer(tx, device, op);

    let result: OpResult;
    try {
      await tx.transaction((savepoint) => applyByType(savepoint, device, op, now));
      result = { opId: op.opId, result: 'applied' };
    } catch (err) {
      if (!(err instanceof OpRejection)) throw err;
      result = { opId: op.opId, result: 'rejected', code: err.code, reason: err.reason };
    }
    await tx.update(appliedOp).set({ result }).where(eq(appliedOp.opId, op.opId));
    return result;
  });
}

function applyByType(tx: HubTx, device: AuthedDevice, op: OpEnvelope, now: Date): Promise<void> {
  if (op.opType === 'rating.answer') return applyRatingOp(tx, device, op, now);
  if (op.opType === 'feedback.receive' || op.opType === 'feedback.answer') return applyFeedbackOp(tx, device, op, now);
  return applyDossierOp(tx, device, op, now);
}

async function duplicateAnswer(tx: HubTx, device: AuthedDevice, op: OpEnvelope): Promise<PushResult> {
  const [first] = await tx
    .select({ deviceId: appliedOp.deviceId, result: appliedOp.result })
    .from(appliedOp)
    .where(eq(appliedOp.opId, op.opId));
  return answerFromStored(device, op.opId, first);
}

/** The answer to an op id the hub has seen before, from its stored applied_op row. */
export function answerFromStored(
  device: AuthedDevice,
  opId: string,
  first: { deviceId: string; result: OpResult } | undefined,
): PushResult {
  if (!first || first.deviceId !== device.id) {
    // Another device's op id: never reveal its answer; a UUIDv7 collision means a client bug.
    return {
      opId,
      result: 'rejected',
      code: 'op_id_conflict',
      reason: 'Mã thao tác (opId) đã được một thiết bị khác sử dụng.',
    };
  }
  const stored = first.result;
  return {
    opId,
    result: 'duplicate',
    firstResult: stored.result === 'rejected' ? 'rejected' : 'applied',
    ...(stored.code ? { code: stored.code } : {}),
    ...(stored.reason ? { reason: stored.reason } : {}),
  };
}
