/**
 * A push batch, in per-device seq order. First the whole batch in one transaction
 * (apply-batch.ts); if that cannot settle it, the reference path: each op in its own transaction
 * (apply-op.ts). Both decide each op through the same rule book (decide-op.ts). Either way a rejected op is answered and the batch goes on (it must never block
 * the counter's queue), and a deferred op (its dossier not here yet) is answered retry_later
 * alone. On the reference path an unexpected error (database down, deadlock) stops the batch:
 * that op and every later one get retry_later, so the counter resends them in order.
 */
import type { OpEnvelope, PushResult } from '@shared/sync/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { AuthedDevice } from '../auth/device-auth';
import type { HubDb, HubExecutor } from '../db/types';
import { applyBatchAtOnce } from './apply-batch';
import { applyOp } from './apply-op';
import { recordActivity, type Activity } from './device-activity';
import { OpDeferred } from './rejection';

const RETRY_REASON = 'Hệ thống tỉnh đang bận hoặc gặp sự cố tạm thời; thao tác sẽ được gửi lại.';

export async function applyBatch(
  db: HubDb,
  device: AuthedDevice,
  ops: OpEnvelope[],
  log: FastifyBaseLogger,
  /** The hub's time for this push: rows it writes are stamped with it. */
  now: Date,
  /** The device's last-push bookkeeping, committed with the batch (absent for a USB bundle). */
  activity?: Activity,
): Promise<PushResult[]> {
  const order = ops.map((op, index) => ({ op, index })).sort((a, b) => a.op.seq - b.op.seq);
  const record = async (executor: HubExecutor) => {
    if (activity) await recordActivity(executor, device.id, activity, now);
  };
  // The batch path knows the dossiers' ops only; a batch holding a rating or a feedback goes op by op.
  const batchable = ops.every((op) => op.opType === 'dossier.upsert' || op.opType === 'dossier.event');
  if (batchable) {
    try {
      const answers = await applyBatchAtOnce(
        db,
        device,
        order.map((o) => o.op),
        now,
        record,
      );
      logRejections(log, ops, answers);
      return ops.map((op) => answers.get(op.opId)!);
    } catch (err) {
      // Nothing was committed; the reference path settles the batch op by op.
      log.warn({ err, ops: ops.length }, 'push batch replayed op by op');
    }
  }
  const results = await applyOneByOne(db, device, order, log, now);
  await record(db);
  return results;
}

function logRejections(log: FastifyBaseLogger, ops: OpEnvelope[], answers: Map<string, PushResult>): void {
  for (const op of ops) {
    const answer = answers.get(op.opId);
    if (answer?.result === 'rejected') log.info({ opId: op.opId, seq: op.seq, code: answer.code }, 'op rejected');
  }
}

async function applyOneByOne(
  db: HubDb,
  device: AuthedDevice,
  order: { op: OpEnvelope; index: number }[],
  log: FastifyBaseLogger,
  now: Date,
): Promise<PushResult[]> {
  const results: PushResult[] = new Array(order.length);
  let failed = false;
  for (const { op, index } of order) {
    if (failed) {
      results[index] = { opId: op.opId, result: 'retry_later', code: 'transient_error', reason: RETRY_REASON };
      continue;
    }
    try {
      results[index] = await applyOp(db, device, op, now);
      if (results[index].result === 'rejected') {
        log.info({ opId: op.opId, seq: op.seq, code: results[index].code }, 'op rejected');
      }
    } catch (err) {
      if (err instanceof OpDeferred) {
        results[index] = { opId: op.opId, result: 'retry_later', code: err.code, reason: err.reason };
        continue;
      }
      log.error({ err, opId: op.opId, seq: op.seq }, 'op failed; rest of the batch deferred');
      failed = true;
      results[index] = { opId: op.opId, result: 'retry_later', code: 'transient_error', reason: RETRY_REASON };
    }
  }
  return results;
}
