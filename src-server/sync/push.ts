/**
 * A push batch: ops run in per-device seq order, each in its own transaction. A rejected op is
 * answered and the batch goes on (it must never block the counter's queue). An unexpected error
 * (database down, deadlock) stops the batch: that op and every later one get retry_later, so the
 * counter resends them in order. A deferred op (its dossier not here yet) is answered retry_later
 * alone; the ops after it do not depend on it.
 */
import type { OpEnvelope, PushResult } from '@shared/sync/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { AuthedDevice } from '../auth/device-auth';
import type { HubDb } from '../db/types';
import { applyOp } from './apply-op';
import { OpDeferred } from './rejection';

const RETRY_REASON = 'Hệ thống tỉnh đang bận hoặc gặp sự cố tạm thời; thao tác sẽ được gửi lại.';

export async function applyBatch(
  db: HubDb,
  device: AuthedDevice,
  ops: OpEnvelope[],
  log: FastifyBaseLogger,
): Promise<PushResult[]> {
  const order = ops.map((op, index) => ({ op, index })).sort((a, b) => a.op.seq - b.op.seq);
  const results: PushResult[] = new Array(ops.length);
  let failed = false;
  for (const { op, index } of order) {
    if (failed) {
      results[index] = { opId: op.opId, result: 'retry_later', code: 'transient_error', reason: RETRY_REASON };
      continue;
    }
    try {
      results[index] = await applyOp(db, device, op);
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
