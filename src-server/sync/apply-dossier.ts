/**
 * One op on the reference path: read what the rule book (decide-op.ts) needs for this op alone,
 * ask it, and write its decision. Runs inside the op's transaction (a savepoint, apply-op.ts):
 * throwing OpRejection undoes these writes but keeps the answer; OpDeferred stores nothing.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DossierStatus } from '@shared/dossier';
import type { OpEnvelope } from '@shared/sync/protocol';
import type { AuthedDevice } from '../auth/device-auth';
import { isUniqueViolation } from '../db/errors';
import { EXPORT_FEED, nextSeq } from '../db/feed';
import { appliedOp, dossier, dossierEvent } from '../db/schema';
import type { HubTx } from '../db/types';
import { decideOp, duplicateCodeRejection, parseOp, type DossierState, type OpState, type ParsedOp } from './decide-op';

export async function applyDossierOp(tx: HubTx, device: AuthedDevice, op: OpEnvelope, now: Date): Promise<void> {
  const parsed = parseOp(op);
  const decision = decideOp(await readState(tx, device, parsed), parsed);
  if (decision.result === 'rejected') throw decision.rejection;
  if (decision.result === 'retry_later') throw decision.deferral;

  const exportSeq = await nextSeq(tx, EXPORT_FEED);
  if (decision.write === 'event') {
    const { event } = decision;
    // The timeline is append-only; the event id is a second idempotency net behind applied_op.
    await tx
      .insert(dossierEvent)
      .values({ id: event.id, dossierId: event.dossierId, event, source: 'commune', exportSeq })
      .onConflictDoNothing({ target: dossierEvent.id });
    return;
  }
  const { snapshot } = decision;
  const values = {
    code: snapshot.code,
    status: snapshot.status,
    snapshot,
    receivedAt: new Date(snapshot.receivedAt),
    updatedAt: now,
    exportSeq,
  };
  try {
    if (decision.existing) {
      await tx.update(dossier).set(values).where(eq(dossier.id, snapshot.id));
    } else {
      await tx.insert(dossier).values({ ...values, id: snapshot.id, communeCode: device.communeCode });
    }
  } catch (err) {
    // Two dossiers racing for one code: the loser is refused, never renumbered.
    if (isUniqueViolation(err, 'dossier_code_uq')) throw duplicateCodeRejection(snapshot.code);
    throw err;
  }
}

/** The rows this op's decision depends on; the dossier an upsert names is locked until commit. */
async function readState(tx: HubTx, device: AuthedDevice, parsed: ParsedOp): Promise<OpState> {
  const state = { device, dossiers: new Map<string, DossierState>(), codeHolders: new Map<string, string>(), refusedUpserts: new Set<string>() };
  const dossierId = parsed.kind === 'upsert' ? parsed.dossier.id : parsed.kind === 'event' ? parsed.event.dossierId : null;
  if (dossierId === null) return state;
  const read = tx
    .select({ communeCode: dossier.communeCode, code: dossier.code, status: dossier.status, provinceStatusAt: dossier.provinceStatusAt })
    .from(dossier)
    .where(eq(dossier.id, dossierId));
  const [row] = parsed.kind === 'upsert' ? await read.for('update') : await read;
  if (row) state.dossiers.set(dossierId, { ...row, status: row.status as DossierStatus });

  if (parsed.kind === 'upsert') {
    const [holder] = await tx
      .select({ id: dossier.id })
      .from(dossier)
      .where(and(eq(dossier.code, parsed.dossier.code), ne(dossier.id, dossierId)));
    if (holder) state.codeHolders.set(parsed.dossier.code, holder.id);
  } else if (!row) {
    // Asked only for an event whose dossier the hub lacks: was that dossier refused?
    const [refused] = await tx
      .select({ opId: appliedOp.opId })
      .from(appliedOp)
      .where(
        and(
          eq(appliedOp.entityId, dossierId),
          eq(appliedOp.opType, 'dossier.upsert'),
          sql`${appliedOp.result}->>'result' = 'rejected'`,
        ),
      )
      .limit(1);
    if (refused) state.refusedUpserts.add(dossierId);
  }
  return state;
}
