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
 * - ownership (foreign_commune, foreign_code), the never-renumbered code (duplicate_code), no
 *   status going backwards (stale_status), the province's processing status outranking a
 *   counter snapshot (ownership.ts decides these for both paths), events deferred while their dossier is in
 *   flight and refused once it was refused — all in device seq order, seeing earlier ops of the
 *   same batch as if they had been committed;
 * - export seqs allocated inside the writing transaction from the one gap-free counter, so commit
 *   order = seq order for the export cursor.
 *
 * Anything the fast path cannot decide alone — an op id repeated inside the batch or claimed
 * concurrently, or a database error such as another desk winning a code race between our read
 * and our write — throws NotBatchable or the database error; the caller then rolls back and replays the batch on the
 * reference path, which settles those cases one op at a time.
 */
import { dossierEventSchema, dossierSchema, type Dossier, type DossierEvent, type DossierStatus } from '@shared/dossier';
import type { OpEnvelope, OpResult, PushResult } from '@shared/sync/protocol';
import type { AuthedDevice } from '../auth/device-auth';
import { EXPORT_FEED } from '../db/feed';
import { runNamed } from '../db/named-statement';
import type { HubDb, HubTx } from '../db/types';
import { answerFromStored } from './apply-op';
import { READ_BATCH, REFUSED_UPSERTS, WRITE_ANSWERS, WRITE_BATCH } from './batch-statements';
import { lockDevicePushes } from './device-lock';
import {
  duplicateCodeRejection,
  eventOfRefusedDossier,
  eventOfForeignDossier,
  foreignCommuneRejection,
  foreignDossierRejection,
  invalidPayload,
  waitForDossier,
} from './apply-dossier';
import { codeOwnershipRejection, decideSnapshotStatus } from './ownership';
import { OpRejection } from './rejection';

/** The batch needs the op-by-op path (see the header); not an error of any op. */
export class NotBatchable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotBatchable';
  }
}

type Checked =
  | { op: OpEnvelope; kind: 'upsert'; dossier: Dossier }
  | { op: OpEnvelope; kind: 'event'; event: DossierEvent }
  | { op: OpEnvelope; kind: 'refused'; rejection: OpRejection };

/** The hub's view of a dossier while the batch runs: its row, then each earlier op's effect. */
interface DossierState {
  communeCode: string;
  code: string;
  status: DossierStatus;
  /** When the province took over the processing status (only its presence matters here). */
  provinceStatusAt: string | null;
}

type Write =
  | { table: 'dossier'; id: string; snapshot: Dossier }
  | { table: 'event'; event: DossierEvent };

/** The checks that need no database, in the reference path's order. */
function checkAlone(device: AuthedDevice, op: OpEnvelope): Checked {
  if (op.opType === 'dossier.upsert') {
    const parsed = dossierSchema.safeParse(op.payload);
    if (!parsed.success) return { op, kind: 'refused', rejection: invalidPayload(parsed.error.issues) };
    if (parsed.data.id !== op.entityId) return { op, kind: 'refused', rejection: entityMismatch('hồ sơ') };
    if (parsed.data.agencyCode !== device.communeCode) {
      return { op, kind: 'refused', rejection: foreignCommuneRejection(parsed.data, device) };
    }
    const notOurCode = codeOwnershipRejection(parsed.data, device);
    if (notOurCode) return { op, kind: 'refused', rejection: notOurCode };
    return { op, kind: 'upsert', dossier: parsed.data };
  }
  if (op.opType === 'dossier.event') {
    const parsed = dossierEventSchema.safeParse(op.payload);
    if (!parsed.success) return { op, kind: 'refused', rejection: invalidPayload(parsed.error.issues) };
    if (parsed.data.id !== op.entityId) return { op, kind: 'refused', rejection: entityMismatch('sự kiện') };
    return { op, kind: 'event', event: parsed.data };
  }
  return {
    op,
    kind: 'refused',
    rejection: new OpRejection('unknown_op_type', `Hệ thống tỉnh chưa hỗ trợ loại thao tác "${op.opType}".`),
  };
}

function entityMismatch(what: string): OpRejection {
  return new OpRejection('entity_mismatch', `Mã thực thể của thao tác không khớp với mã ${what} trong dữ liệu.`);
}

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
  const checked = ops.map((op) => checkAlone(device, op));
  return db.transaction(async (tx) => {
    const answers = await applyChecked(tx, device, checked, now);
    await alsoInTransaction?.(tx);
    return answers;
  });
}

async function applyChecked(tx: HubTx, device: AuthedDevice, checked: Checked[], now: Date): Promise<Map<string, PushResult>> {
  const answers = new Map<string, PushResult>();
  if (checked.length === 0) return answers;

  // 1. One push of a device at a time (overlapping retries of a counter carry the same ops).
  await lockDevicePushes(tx, device.id);

  // 2. Read, in one statement, what the checks need: the ops the hub has answered before (they get
  //    the stored first answer), the dossiers the batch touches (locked, in id order so two
  //    batches never wait on each other crosswise) and the holders of the codes it uses. Ops
  //    answered before are included in these lists; reading a little more is cheaper than a
  //    second round of statements.
  const dossierIds = new Set<string>();
  const codes = new Set<string>();
  for (const c of checked) {
    if (c.kind === 'upsert') {
      dossierIds.add(c.dossier.id);
      codes.add(c.dossier.code);
    } else if (c.kind === 'event') {
      dossierIds.add(c.event.dossierId);
    }
  }
  const [read] = await runNamed<BatchRead>(tx, READ_BATCH, [checked.map(({ op }) => op.opId), [...dossierIds], [...codes]]);
  const seen = new Map(read!.seen.map((s) => [s.opId, s]));
  for (const opId of seen.keys()) answers.set(opId, answerFromStored(device, opId, seen.get(opId)));
  const work = checked.filter(({ op }) => !seen.has(op.opId));
  const states = new Map<string, DossierState>(read!.dossiers.map((d) => [d.id, d]));
  const codeOwner = new Map<string, string>(read!.codes.map((c) => [c.code, c.id]));
  // Rare: an event whose dossier the hub lacks. Was that dossier refused (then so is the event)?
  // Asked only then, through the partial index on refused ops.
  const missing = [...new Set(work.flatMap((c) => (c.kind === 'event' && !states.has(c.event.dossierId) ? [c.event.dossierId] : [])))];
  const refusedBefore = new Set<string>();
  if (missing.length > 0) {
    const rows = await runNamed<{ entity_id: string }>(tx, REFUSED_UPSERTS, [missing]);
    for (const r of rows) refusedBefore.add(r.entity_id);
  }

  // 3. Decide every op in seq order, as the reference path would with each earlier op committed.
  //    `writes` keeps one entry per row, positioned at the op that wrote it last.
  const writes = new Map<string, Write>();
  const deferred = new Set<string>();
  const refusedInBatch = new Set<string>();
  const refuse = (c: Checked, rejection: OpRejection) => {
    answers.set(c.op.opId, { opId: c.op.opId, result: 'rejected', code: rejection.code, reason: rejection.reason });
    if (c.op.opType === 'dossier.upsert') refusedInBatch.add(c.op.entityId);
  };
  for (const c of work) {
    if (c.kind === 'refused') {
      refuse(c, c.rejection);
      continue;
    }
    if (c.kind === 'upsert') {
      const incoming = c.dossier;
      const existing = states.get(incoming.id);
      if (existing && existing.communeCode !== device.communeCode) {
        refuse(c, foreignDossierRejection(incoming));
        continue;
      }
      const holder = codeOwner.get(incoming.code);
      if (holder !== undefined && holder !== incoming.id) {
        refuse(c, duplicateCodeRejection(incoming.code));
        continue;
      }
      const decided = decideSnapshotStatus(existing, incoming);
      if ('rejection' in decided) {
        refuse(c, decided.rejection);
        continue;
      }
      const status = decided.status;
      if (existing && existing.code !== incoming.code && codeOwner.get(existing.code) === incoming.id) {
        codeOwner.delete(existing.code);
      }
      codeOwner.set(incoming.code, incoming.id);
      states.set(incoming.id, {
        communeCode: device.communeCode,
        code: incoming.code,
        status,
        provinceStatusAt: existing?.provinceStatusAt ?? null,
      });
      const key = `d:${incoming.id}`;
      writes.delete(key);
      writes.set(key, { table: 'dossier', id: incoming.id, snapshot: { ...incoming, status } });
      answers.set(c.op.opId, { opId: c.op.opId, result: 'applied' });
      continue;
    }
    const event = c.event;
    const owner = states.get(event.dossierId);
    if (!owner) {
      if (refusedBefore.has(event.dossierId) || refusedInBatch.has(event.dossierId)) {
        refuse(c, eventOfRefusedDossier());
      } else {
        const wait = waitForDossier();
        deferred.add(c.op.opId);
        answers.set(c.op.opId, { opId: c.op.opId, result: 'retry_later', code: wait.code, reason: wait.reason });
      }
      continue;
    }
    if (owner.communeCode !== device.communeCode) {
      refuse(c, eventOfForeignDossier());
      continue;
    }
    writes.set(`e:${event.id}`, { table: 'event', event });
    answers.set(c.op.opId, { opId: c.op.opId, result: 'applied' });
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
    .filter((c) => !deferred.has(c.op.opId))
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
