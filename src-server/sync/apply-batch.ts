/**
 * The fast path of a push: the whole batch in ONE transaction of three statements (the device
 * lock, one read, one write), with the same answers, op by op, as applying each op alone
 * (apply-op.ts, the reference path).
 *
 * Why: applying each op in its own transaction costs ~10 round trips per op and, worse, each op
 * held the global export counter's row lock until its commit, so every push in the province queued
 * behind every other one (issue #6: ~100 ops/s). Here the batch is checked in memory against rows
 * read in bulk, and the export seqs are taken by the single write statement, so the lock that
 * orders the DVCQG export is held from that statement to commit, once per push.
 *
 * What the reference path does and this one must keep:
 * - exactly once: the device's pushes are serialised (device-lock.ts) and ops already in applied_op
 *   get their stored answer; the new answers are inserted last, and if any op id was taken
 *   meanwhile by a request outside that lock, the whole batch gives up (see below);
 * - the rule book's answers (decide-op.ts: ownership, the never-renumbered code, the province's
 *   processing status outranking a counter snapshot, events deferred while their dossier is in
 *   flight and refused once it was refused), asked in device seq order with the earlier ops of
 *   the same batch seen as if they had been committed (decide-op.ts `stateAfter`);
 * - export seqs allocated inside the writing transaction from the one gap-free counter, so commit
 *   order = seq order for the export cursor.
 *
 * Anything the fast path cannot decide alone — an op id repeated inside the batch or claimed
 * concurrently, or a database error such as another desk winning a code race between our read
 * and our write — throws NotBatchable or the database error; the caller then rolls back and replays the batch on the
 * reference path, which settles those cases one op at a time.
 */
import type { Dossier, DossierEvent } from '@shared/dossier';
import type { OpEnvelope, OpResult, PushResult } from '@shared/sync/protocol';
import type { AuthedDevice } from '../auth/device-auth';
import { EXPORT_FEED } from '../db/feed';
import { runNamed } from '../db/named-statement';
import type { HubDb, HubTx } from '../db/types';
import { answerFromStored } from './apply-op';
import { READ_BATCH, REFUSED_UPSERTS, WRITE_ANSWERS, WRITE_BATCH } from './batch-statements';
import { decideOp, parseOp, stateAfter, type DossierState, type ParsedOp } from './decide-op';
import { lockDevicePushes } from './device-lock';

/** The batch needs the op-by-op path (see the header); not an error of any op. */
export class NotBatchable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotBatchable';
  }
}

type Write =
  | { table: 'dossier'; id: string; snapshot: Dossier }
  | { table: 'event'; event: DossierEvent };

/**
 * Applies `ops` (already in device seq order) and returns one answer per op id. Throws when the
 * batch must go the op-by-op way instead; nothing is then committed.
 */
export async function applyBatchAtOnce(
  db: HubDb,
  device: AuthedDevice,
  ops: OpEnvelope[],
  /** The hub's time for this push: rows it writes are stamped with it. */
  now: Date,
  /** More writes for the same commit (the device's last-push bookkeeping): one commit per push. */
  alsoInTransaction?: (tx: HubTx) => Promise<void>,
): Promise<Map<string, PushResult>> {
  if (new Set(ops.map((o) => o.opId)).size !== ops.length) throw new NotBatchable('an op id repeats within the batch');
  const parsed = ops.map(parseOp);
  return db.transaction(async (tx) => {
    const answers = await applyParsed(tx, device, parsed, now);
    await alsoInTransaction?.(tx);
    return answers;
  });
}

async function applyParsed(tx: HubTx, device: AuthedDevice, parsed: ParsedOp[], now: Date): Promise<Map<string, PushResult>> {
  const answers = new Map<string, PushResult>();
  if (parsed.length === 0) return answers;

  // 1. One push of a device at a time (overlapping retries of a counter carry the same ops).
  await lockDevicePushes(tx, device.id);

  // 2. Read, in one statement, what the checks need: the ops the hub has answered before (they get
  //    the stored first answer), the dossiers the batch touches (locked, in id order so two
  //    batches never wait on each other crosswise) and the holders of the codes it uses. Ops
  //    answered before are included in these lists; reading a little more is cheaper than a
  //    second round of statements.
  const dossierIds = new Set<string>();
  const codes = new Set<string>();
  for (const p of parsed) {
    if (p.kind === 'upsert') {
      dossierIds.add(p.dossier.id);
      codes.add(p.dossier.code);
    } else if (p.kind === 'event') {
      dossierIds.add(p.event.dossierId);
    }
  }
  const [read] = await runNamed<BatchRead>(tx, READ_BATCH, [parsed.map(({ op }) => op.opId), [...dossierIds], [...codes]]);
  const seen = new Map(read!.seen.map((s) => [s.opId, s]));
  for (const opId of seen.keys()) answers.set(opId, answerFromStored(device, opId, seen.get(opId)));
  const work = parsed.filter(({ op }) => !seen.has(op.opId));
  const state = {
    device,
    dossiers: new Map<string, DossierState>(read!.dossiers.map((d) => [d.id, d])),
    codeHolders: new Map<string, string>(read!.codes.map((c) => [c.code, c.id])),
    refusedUpserts: new Set<string>(),
  };
  // Rare: an event whose dossier the hub lacks. Was that dossier refused (then so is the event)?
  // Asked only then, through the partial index on refused ops.
  const missing = [...new Set(work.flatMap((p) => (p.kind === 'event' && !state.dossiers.has(p.event.dossierId) ? [p.event.dossierId] : [])))];
  if (missing.length > 0) {
    const rows = await runNamed<{ entity_id: string }>(tx, REFUSED_UPSERTS, [missing]);
    for (const r of rows) state.refusedUpserts.add(r.entity_id);
  }

  // 3. Decide every op in seq order through the rule book, each seeing the earlier ones as
  //    committed. `writes` keeps one entry per row, positioned at the op that wrote it last.
  const writes = new Map<string, Write>();
  const deferred = new Set<string>();
  for (const p of work) {
    const decision = decideOp(state, p);
    stateAfter(state, p, decision);
    const { opId } = p.op;
    if (decision.result === 'rejected') {
      answers.set(opId, { opId, result: 'rejected', code: decision.rejection.code, reason: decision.rejection.reason });
    } else if (decision.result === 'retry_later') {
      deferred.add(opId);
      answers.set(opId, { opId, result: 'retry_later', code: decision.deferral.code, reason: decision.deferral.reason });
    } else if (decision.write === 'dossier') {
      const key = `d:${decision.snapshot.id}`;
      writes.delete(key);
      writes.set(key, { table: 'dossier', id: decision.snapshot.id, snapshot: decision.snapshot });
      answers.set(opId, { opId, result: 'applied' });
    } else {
      writes.set(`e:${decision.event.id}`, { table: 'event', event: decision.event });
      answers.set(opId, { opId, result: 'applied' });
    }
  }

  // 4. Write everything in ONE statement of data-modifying CTEs: the export seqs (last, so the
  //    export counter's row lock is held only from here to commit), the dossiers, the timeline
  //    rows and the first answers. A deferred op leaves no trace, so its resend is applied then.
  //    An op id claimed meanwhile by a request that did not take our lock (the op-by-op path,
  //    another device) makes us wait for it and then conflicts: we give up, nothing commits.
  const dossierRows: { s: Dossier; ord: number }[] = [];
  const eventRows: { e: DossierEvent; ord: number }[] = [];
  let ord = 0;
  for (const w of writes.values()) {
    if (w.table === 'dossier') dossierRows.push({ s: w.snapshot, ord: ord++ });
    else eventRows.push({ e: w.event, ord: ord++ });
  }
  const settled = work
    .filter((p) => !deferred.has(p.op.opId))
    .map(({ op }) => ({
      op_id: op.opId,
      device_epoch: op.deviceEpoch,
      device_seq: op.seq,
      op_type: op.opType,
      entity_id: op.entityId,
      result: storedResult(answers.get(op.opId)!),
    }));
  if (settled.length === 0) return answers;
  const n = dossierRows.length + eventRows.length;
  const [written] =
    n === 0
      ? await runNamed<{ claimed: number }>(tx, WRITE_ANSWERS, [device.id, JSON.stringify(settled)])
      : await runNamed<{ claimed: number }>(tx, WRITE_BATCH, [
          EXPORT_FEED,
          n,
          device.communeCode,
          now.toISOString(),
          JSON.stringify(dossierRows),
          JSON.stringify(eventRows),
          device.id,
          JSON.stringify(settled),
        ]);
  if (written!.claimed !== settled.length) throw new NotBatchable('an op id was claimed by a concurrent request');
  return answers;
}

/** What step 2 reads, as PostgreSQL's json renders it. */
interface BatchRead {
  seen: { opId: string; deviceId: string; result: OpResult }[];
  dossiers: ({ id: string } & DossierState)[];
  codes: { id: string; code: string }[];
}

/** What applied_op keeps: the answer as the reference path stores it. */
function storedResult(answer: PushResult): OpResult {
  if (answer.result === 'rejected') return { opId: answer.opId, result: 'rejected', code: answer.code, reason: answer.reason };
  return { opId: answer.opId, result: 'applied' };
}
