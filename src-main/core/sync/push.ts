/**
 * Up: the outbox goes to the hub in seq order, in requests of at most 100 ops and 1 MB.
 *
 * Per-op answers (src-server/README.md): `applied` and `duplicate` of an applied op are done;
 * `rejected` (or a duplicate of one) is final, recorded with its reason, and never blocks the ops
 * after it; `retry_later` stops this pass at that op so the queue is resent later in order (the
 * ops after it that the hub did apply come back as duplicates, which is harmless).
 */
import { MAX_OPS_PER_PUSH, MAX_PUSH_BYTES, type PushResult } from '@shared/sync/protocol';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { deviceEpoch, markAnswered, markAnsweredMany, markRetry, markSent, pendingCount, pendingRows, planBatch } from '../outbox/outbox';
import type { Exchange, HubClient } from './hub-client';

/** Enough for a 100,000-op backlog in one pass; a pass never loops forever. */
const MAX_ROUNDS = 1_000;

export interface PushContext {
  db: CounterDb;
  clock: Clock;
  client: HubClient;
  token: string;
  deviceId: string;
  onExchange(exchange: Exchange<unknown>): void;
}

export type PushOutcome = { done: true; sent: number } | { done: false; sent: number; reason: string };

export async function pushPending(ctx: PushContext): Promise<PushOutcome> {
  const { db } = ctx;
  let sent = 0;
  // Counted once per pass: recounting a long queue before every request cost more than the push.
  // Ops received during the pass are left out of the figure until the next pass; it is a display.
  const pendingAtStart = pendingCount(db);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = pendingRows(db, MAX_OPS_PER_PUSH);
    if (rows.length === 0) return { done: true, sent };
    const { ops, oversize } = planBatch(rows, MAX_OPS_PER_PUSH, MAX_PUSH_BYTES);
    const at = ctx.clock.now().toISOString();
    if (oversize) {
      markAnswered(db, oversize.opId, {
        state: 'rejected',
        code: 'too_large',
        reason: 'Thao tác quá lớn để gửi lên hệ thống tỉnh (trên 1 MB); hãy báo quản trị viên.',
        at,
      });
      continue;
    }
    markSent(
      db,
      ops.map((o) => o.seq),
    );
    const pendingAfter = Math.max(0, pendingAtStart - sent - ops.length);
    const exchange = await ctx.client.push(ctx.token, {
      deviceId: ctx.deviceId,
      // The current epoch; each op still carries the epoch it was written in (a restore renews it).
      deviceEpoch: deviceEpoch(db),
      clientTime: at,
      pending: pendingAfter,
      ops,
    });
    ctx.onExchange(exchange);
    sent += ops.length;

    const byOpId = new Map<string, PushResult>(exchange.body.results.map((r) => [r.opId, r]));
    const answeredAt = ctx.clock.now().toISOString();
    const stop = db.transaction((tx) => {
      // The common answers are written in one statement each: per-op updates cost more than the push.
      const applied: number[] = [];
      const duplicates: number[] = [];
      let retry: string | null = null;
      for (const op of ops) {
        const r = byOpId.get(op.opId);
        if (!r || r.result === 'retry_later') {
          markRetry(tx, op.opId, r?.reason ?? 'Hệ thống tỉnh chưa trả lời thao tác này; sẽ gửi lại.');
          retry = r?.reason ?? 'Hệ thống tỉnh chưa trả lời một thao tác; sẽ gửi lại.';
          break;
        }
        if (r.result === 'applied') {
          applied.push(op.seq);
        } else if (r.result === 'rejected' || (r.result === 'duplicate' && r.firstResult === 'rejected')) {
          markAnswered(tx, op.opId, {
            state: 'rejected',
            code: r.code ?? null,
            reason: r.reason ?? 'Hệ thống tỉnh từ chối thao tác này.',
            at: answeredAt,
          });
        } else {
          duplicates.push(op.seq);
        }
      }
      markAnsweredMany(tx, applied, { state: 'applied', at: answeredAt });
      markAnsweredMany(tx, duplicates, { state: 'duplicate', at: answeredAt });
      return retry;
    });
    if (stop) return { done: false, sent, reason: stop };
  }
  return { done: false, sent, reason: 'Hàng đợi còn nhiều thao tác; lượt đồng bộ sau sẽ gửi tiếp.' };
}
