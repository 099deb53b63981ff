/**
 * What a `dossier.upsert` or `dossier.event` op does to the hub's state. Runs inside the op's
 * transaction (a savepoint): throwing OpRejection undoes these writes but keeps the answer.
 *
 * Ownership, not last-writer-wins (ARCHITECTURE.md §6, ANCHORS.md §8.6): a counter may only write
 * dossiers of its own commune, under codes of its own commune; intake data belongs to the commune;
 * a snapshot never moves the status backwards; once the province has set a processing status, the
 * counter's snapshot can no longer move the status, except to the two steps that happen at the
 * counter (handing the result over, the citizen asking to withdraw). The rules are ownership.ts's.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { dossierEventSchema, dossierSchema, type Dossier, type DossierStatus } from '@shared/dossier';
import type { OpEnvelope } from '@shared/sync/protocol';
import type { AuthedDevice } from '../auth/device-auth';
import { isUniqueViolation } from '../db/errors';
import { EXPORT_FEED, nextSeq } from '../db/feed';
import { appliedOp, dossier, dossierEvent } from '../db/schema';
import type { HubTx } from '../db/types';
import { codeOwnershipRejection, decideSnapshotStatus } from './ownership';
import { OpDeferred, OpRejection } from './rejection';

export function invalidPayload(issues: { path: PropertyKey[] }[]): OpRejection {
  const paths = [...new Set(issues.map((i) => i.path.map(String).join('.') || '(gốc)'))].slice(0, 5);
  return new OpRejection('invalid_payload', `Dữ liệu thao tác không hợp lệ ở trường: ${paths.join(', ')}.`);
}

export async function applyDossierUpsert(tx: HubTx, device: AuthedDevice, op: OpEnvelope, now: Date): Promise<void> {
  const parsed = dossierSchema.safeParse(op.payload);
  if (!parsed.success) throw invalidPayload(parsed.error.issues);
  const incoming = parsed.data;
  if (incoming.id !== op.entityId) {
    throw new OpRejection('entity_mismatch', 'Mã thực thể của thao tác không khớp với mã hồ sơ trong dữ liệu.');
  }
  if (incoming.agencyCode !== device.communeCode) throw foreignCommuneRejection(incoming, device);
  const notOurCode = codeOwnershipRejection(incoming, device);
  if (notOurCode) throw notOurCode;

  const [existing] = await tx.select().from(dossier).where(eq(dossier.id, incoming.id)).for('update');
  if (existing && existing.communeCode !== device.communeCode) throw foreignDossierRejection(incoming);
  const [sameCode] = await tx
    .select({ id: dossier.id })
    .from(dossier)
    .where(and(eq(dossier.code, incoming.code), ne(dossier.id, incoming.id)));
  if (sameCode) throw duplicateCodeRejection(incoming.code);

  const decided = decideSnapshotStatus(existing && { status: existing.status as DossierStatus, provinceStatusAt: existing.provinceStatusAt }, incoming);
  if ('rejection' in decided) throw decided.rejection;
  const status = decided.status;
  const snapshot: Dossier = { ...incoming, status };
  const values = {
    code: snapshot.code,
    status,
    snapshot,
    receivedAt: new Date(snapshot.receivedAt),
    updatedAt: now,
  };

  try {
    const exportSeq = await nextSeq(tx, EXPORT_FEED);
    if (existing) {
      await tx
        .update(dossier)
        .set({ ...values, exportSeq })
        .where(eq(dossier.id, incoming.id));
    } else {
      await tx.insert(dossier).values({ ...values, id: incoming.id, communeCode: device.communeCode, exportSeq });
    }
  } catch (err) {
    // Two dossiers racing for one code: the loser is refused, never renumbered.
    if (isUniqueViolation(err, 'dossier_code_uq')) throw duplicateCodeRejection(incoming.code);
    throw err;
  }
}

export function duplicateCodeRejection(code: string): OpRejection {
  return new OpRejection(
    'duplicate_code',
    `Mã hồ sơ ${code} đã được dùng cho một hồ sơ khác. Hệ thống tỉnh không tự đánh lại số; hãy kiểm tra lại số thứ tự của quầy.`,
  );
}

/** The snapshot names another agency than the pushing device's commune. */
export function foreignCommuneRejection(incoming: Dossier, device: AuthedDevice): OpRejection {
  return new OpRejection(
    'foreign_commune',
    `Hồ sơ ${incoming.code} thuộc cơ quan ${incoming.agencyCode}; thiết bị này chỉ được gửi hồ sơ của ${device.communeName} (${device.communeCode}).`,
  );
}

/** The hub already holds this dossier id under another commune. */
export function foreignDossierRejection(incoming: Dossier): OpRejection {
  return new OpRejection('foreign_commune', `Hồ sơ ${incoming.code} đã thuộc về xã khác trên hệ thống tỉnh.`);
}

export function eventOfRefusedDossier(): OpRejection {
  return new OpRejection('dossier_not_found', 'Sự kiện thuộc về một hồ sơ đã bị hệ thống tỉnh từ chối.');
}

export function eventOfForeignDossier(): OpRejection {
  return new OpRejection('foreign_commune', 'Sự kiện thuộc về hồ sơ của xã khác.');
}

/** The event's dossier is not at the hub yet (its upsert may still be in flight). */
export function waitForDossier(): OpDeferred {
  return new OpDeferred('dossier_not_found', 'Hệ thống tỉnh chưa nhận được hồ sơ của sự kiện này; sẽ gửi lại sau.');
}

export async function applyDossierEvent(tx: HubTx, device: AuthedDevice, op: OpEnvelope): Promise<void> {
  const parsed = dossierEventSchema.safeParse(op.payload);
  if (!parsed.success) throw invalidPayload(parsed.error.issues);
  const event = parsed.data;
  if (event.id !== op.entityId) {
    throw new OpRejection('entity_mismatch', 'Mã thực thể của thao tác không khớp với mã sự kiện trong dữ liệu.');
  }
  const [owner] = await tx
    .select({ communeCode: dossier.communeCode })
    .from(dossier)
    .where(eq(dossier.id, event.dossierId));
  if (!owner) {
    // Refuse for good only if the dossier itself was refused; otherwise its upsert may still be
    // in flight (a retried, overlapping push) and the event must wait, not be lost.
    const [refused] = await tx
      .select({ opId: appliedOp.opId })
      .from(appliedOp)
      .where(
        and(
          eq(appliedOp.entityId, event.dossierId),
          eq(appliedOp.opType, 'dossier.upsert'),
          sql`${appliedOp.result}->>'result' = 'rejected'`,
        ),
      )
      .limit(1);
    if (refused) throw eventOfRefusedDossier();
    throw waitForDossier();
  }
  if (owner.communeCode !== device.communeCode) throw eventOfForeignDossier();
  const exportSeq = await nextSeq(tx, EXPORT_FEED);
  // The timeline is append-only; the event id is a second idempotency net behind applied_op.
  await tx
    .insert(dossierEvent)
    .values({ id: event.id, dossierId: event.dossierId, event, source: 'commune', exportSeq })
    .onConflictDoNothing({ target: dossierEvent.id });
}
