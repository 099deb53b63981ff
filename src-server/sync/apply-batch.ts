/**
 * The fast path of a push: the whole batch in ONE transaction of about ten set-based statements,
 * with the same answers, op by op, as applying each op alone (apply-op.ts, the reference path).
 *
 * Why: applying each op in its own transaction costs ~10 round trips per op and, worse, each op
 * held the global export counter's row lock until its commit, so every push in the province queued
 * behind every other one (issue #6: ~100 ops/s). Here the batch is checked in memory against rows
 * read in bulk, and the export seqs are taken in one statement just before the bulk writes, so the
 * lock that orders the DVCQG export is held for three statements per push instead of per op.
 *
 * What the reference path does and this one must keep:
 * - exactly once: every op's applied_op row is inserted first (ON CONFLICT DO NOTHING), so a
 *   parallel request carrying the same op waits for our commit and then answers `duplicate`;
 * - ownership (foreign_commune), the never-renumbered code (duplicate_code), the province's
 *   processing status outranking a counter snapshot, events deferred while their dossier is in
 *   flight and refused once it was refused — all in device seq order, seeing earlier ops of the
 *   same batch as if they had been committed;
 * - export seqs allocated inside the writing transaction from the one gap-free counter, so commit
 *   order = seq order for the export cursor.
 *
 * Anything the fast path cannot decide alone — an op id repeated inside the batch, or a database
 * error such as another desk winning a code race between our read and our write — throws
 * NotBatchable or the database error; the caller then rolls back and replays the batch on the
 * reference path, which settles those cases one op at a time.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { dossierEventSchema, dossierSchema, type Dossier, type DossierEvent, type DossierStatus } from '@shared/dossier';
import type { OpEnvelope, OpResult, PushResult } from '@shared/sync/protocol';
import type { AuthedDevice } from '../auth/device-auth';
import { EXPORT_FEED, nextSeqRange } from '../db/feed';
import { appliedOp, dossier, dossierEvent } from '../db/schema';
import type { HubDb, HubTx } from '../db/types';
import { answerFromStored } from './apply-op';
import {
  COUNTER_STEPS_AFTER_PROVINCE,
  duplicateCodeRejection,
  eventOfRefusedDossier,
  eventOfForeignDossier,
  foreignCommuneRejection,
  foreignDossierRejection,
  invalidPayload,
  waitForDossier,
} from './apply-dossier';
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
  provinceStatusAt: Date | null;
}

type Write =
  | { table: 'dossier'; id: string; snapshot: Dossier; isNew: boolean }
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
export async function applyBatchAtOnce(db: HubDb, device: AuthedDevice, ops: OpEnvelope[]): Promise<Map<string, PushResult>> {
  if (new Set(ops.map((o) => o.opId)).size !== ops.length) throw new NotBatchable('an op id repeats within the batch');
  const checked = ops.map((op) => checkAlone(device, op));
  return db.transaction((tx) => applyChecked(tx, device, checked));
}

async function applyChecked(tx: HubTx, device: AuthedDevice, checked: Checked[]): Promise<Map<string, PushResult>> {
  const answers = new Map<string, PushResult>();
  if (checked.length === 0) return answers;

  // 1. Claim every op id. Rows another request holds make us wait for its commit; those ops are
  //    duplicates and get the stored first answer.
  const claimed = await tx
    .insert(appliedOp)
    .values(
      checked.map(({ op }) => ({
        opId: op.opId,
        deviceId: device.id,
        deviceEpoch: op.deviceEpoch,
        deviceSeq: op.seq,
        opType: op.opType,
        entityId: op.entityId,
        result: { opId: op.opId, result: 'retry_later' } satisfies OpResult,
      })),
    )
    .onConflictDoNothing({ target: appliedOp.opId })
    .returning({ opId: appliedOp.opId });
  const fresh = new Set(claimed.map((c) => c.opId));
  const repeated = checked.filter(({ op }) => !fresh.has(op.opId)).map(({ op }) => op.opId);
  if (repeated.length > 0) {
    const stored = await tx
      .select({ opId: appliedOp.opId, deviceId: appliedOp.deviceId, result: appliedOp.result })
      .from(appliedOp)
      .where(inArray(appliedOp.opId, repeated));
    const byId = new Map(stored.map((s) => [s.opId, s]));
    for (const opId of repeated) answers.set(opId, answerFromStored(device, opId, byId.get(opId)));
  }
  const work = checked.filter(({ op }) => fresh.has(op.opId));

  // 2. Read, in bulk, what the checks need: the dossiers the batch touches (locked, in id order so
  //    two batches never wait on each other crosswise), the owners of the codes it uses, and which
  //    missing dossiers were refused before.
  const dossierIds = new Set<string>();
  const codes = new Set<string>();
  for (const c of work) {
    if (c.kind === 'upsert') {
      dossierIds.add(c.dossier.id);
      codes.add(c.dossier.code);
    } else if (c.kind === 'event') {
      dossierIds.add(c.event.dossierId);
    }
  }
  const states = new Map<string, DossierState>();
  if (dossierIds.size > 0) {
    const rows = await tx
      .select({
        id: dossier.id,
        communeCode: dossier.communeCode,
        code: dossier.code,
        status: dossier.status,
        provinceStatusAt: dossier.provinceStatusAt,
      })
      .from(dossier)
      .where(inArray(dossier.id, [...dossierIds].sort()))
      .orderBy(dossier.id)
      .for('update');
    for (const r of rows) states.set(r.id, { ...r, status: r.status as DossierStatus });
  }
  const hubHas = new Set(states.keys());
  const codeOwner = new Map<string, string>();
  if (codes.size > 0) {
    const rows = await tx.select({ id: dossier.id, code: dossier.code }).from(dossier).where(inArray(dossier.code, [...codes]));
    for (const r of rows) codeOwner.set(r.code, r.id);
  }
  const missingOwners = work.flatMap((c) => (c.kind === 'event' && !states.has(c.event.dossierId) ? [c.event.dossierId] : []));
  const refusedBefore = new Set<string>();
  if (missingOwners.length > 0) {
    const rows = await tx
      .select({ entityId: appliedOp.entityId })
      .from(appliedOp)
      .where(
        and(
          inArray(appliedOp.entityId, [...new Set(missingOwners)]),
          eq(appliedOp.opType, 'dossier.upsert'),
          sql`${appliedOp.result}->>'result' = 'rejected'`,
        ),
      );
    for (const r of rows) refusedBefore.add(r.entityId);
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
      const status =
        existing?.provinceStatusAt && !COUNTER_STEPS_AFTER_PROVINCE.has(incoming.status) ? existing.status : incoming.status;
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
      writes.set(key, { table: 'dossier', id: incoming.id, snapshot: { ...incoming, status }, isNew: !hubHas.has(incoming.id) });
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

  // 4. Write. The export seqs come last, so the counter's row lock is held only from here to commit.
  if (writes.size > 0) {
    let seq = (await nextSeqRange(tx, EXPORT_FEED, writes.size)).first;
    const now = new Date();
    const dossierRows = [];
    const eventRows = [];
    for (const w of writes.values()) {
      const exportSeq = seq++;
      if (w.table === 'dossier') {
        dossierRows.push({
          id: w.id,
          code: w.snapshot.code,
          communeCode: device.communeCode,
          status: w.snapshot.status,
          snapshot: w.snapshot,
          receivedAt: new Date(w.snapshot.receivedAt),
          updatedAt: now,
          exportSeq,
        });
      } else {
        eventRows.push({ id: w.event.id, dossierId: w.event.dossierId, event: w.event, source: 'commune', exportSeq });
      }
    }
    if (dossierRows.length > 0) {
      await tx
        .insert(dossier)
        .values(dossierRows)
        .onConflictDoUpdate({
          target: dossier.id,
          // commune_code stays: a dossier never changes commune (ownership is checked above).
          set: {
            code: sql`excluded.code`,
            status: sql`excluded.status`,
            snapshot: sql`excluded.snapshot`,
            receivedAt: sql`excluded.received_at`,
            updatedAt: sql`excluded.updated_at`,
            exportSeq: sql`excluded.export_seq`,
          },
        });
    }
    if (eventRows.length > 0) {
      // The timeline is append-only; the event id is a second idempotency net behind applied_op.
      await tx.insert(dossierEvent).values(eventRows).onConflictDoNothing({ target: dossierEvent.id });
    }
  }

  // 5. Store the first answers; a deferred op leaves no trace, so its resend is applied then.
  const settled = work.filter((c) => !deferred.has(c.op.opId));
  if (settled.length > 0) {
    const tuples = settled.map((c) => sql`(${c.op.opId}::uuid, ${JSON.stringify(storedResult(answers.get(c.op.opId)!))}::jsonb)`);
    await tx.execute(
      sql`UPDATE ${appliedOp} SET result = v.result FROM (VALUES ${sql.join(tuples, sql`, `)}) AS v(op_id, result) WHERE ${appliedOp.opId} = v.op_id`,
    );
  }
  if (deferred.size > 0) await tx.delete(appliedOp).where(inArray(appliedOp.opId, [...deferred]));
  return answers;
}

/** What applied_op keeps: the answer as the reference path stores it. */
function storedResult(answer: PushResult): OpResult {
  if (answer.result === 'rejected') return { opId: answer.opId, result: 'rejected', code: answer.code, reason: answer.reason };
  return { opId: answer.opId, result: 'applied' };
}
