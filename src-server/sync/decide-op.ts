/**
 * The hub's one rule book for pushed ops: what an op does, given what the hub holds. Pure — no
 * database, no clock — so both ways of applying a push ask it the same question and cannot
 * drift apart: op by op (apply-op.ts + apply-dossier.ts, the reference path) and a whole batch at
 * once (apply-batch.ts). Each path reads the state in its own way and writes the decision in its
 * own way; tests/unit/sync/decide-op.test.ts holds the rules, batch-equivalence.test.ts the paths.
 *
 * Ownership, not last-writer-wins (ARCHITECTURE.md §6, ANCHORS.md §8.6): a counter may only write
 * dossiers of its own commune, under codes of its own commune (ownership.ts); a dossier code is
 * never renumbered; a snapshot never moves the status backwards (ownership.ts); intake data belongs to the
 * commune; once the province has set a processing status, the counter's snapshot can no longer
 * move the status, except to the two steps that happen at the counter (handing the result over,
 * the citizen asking to withdraw). An event waits for its dossier, and is refused once the
 * dossier was refused. The checks run in this order, so an op breaking several rules always gets
 * the same answer.
 */
import { dossierEventSchema, dossierSchema, type Dossier, type DossierEvent, type DossierStatus } from '@shared/dossier';
import type { OpEnvelope } from '@shared/sync/protocol';
import { codeOwnershipRejection, decideSnapshotStatus } from './ownership';
import { OpDeferred, OpRejection } from './rejection';

/** The pushing device, as the rules see it. */
export interface PushingDevice {
  communeCode: string;
  communeName: string;
}

/** A dossier as the hub holds it (its row, or the effect of an earlier op of the same batch). */
export interface DossierState {
  communeCode: string;
  code: string;
  status: DossierStatus;
  /** When the province took over the processing status; only its presence matters. */
  provinceStatusAt: string | Date | null;
}

/** What the hub holds that the op's decision depends on (at least the entries the op names). */
export interface OpState {
  device: PushingDevice;
  /** Dossiers by id; absent: not at the hub. */
  dossiers: ReadonlyMap<string, DossierState>;
  /** The dossier id holding each code. */
  codeHolders: ReadonlyMap<string, string>;
  /** Dossier ids whose upsert the hub refused. */
  refusedUpserts: ReadonlySet<string>;
}

/** An op with its payload parsed: no rule applied yet. */
export type ParsedOp =
  | { op: OpEnvelope; kind: 'upsert'; dossier: Dossier }
  | { op: OpEnvelope; kind: 'event'; event: DossierEvent }
  | { op: OpEnvelope; kind: 'invalid'; issues: { path: PropertyKey[] }[] }
  | { op: OpEnvelope; kind: 'unknown' };

export type Decision =
  /** Write this snapshot (its status already decided); `existing`: the dossier is at the hub. */
  | { result: 'applied'; write: 'dossier'; snapshot: Dossier; existing: boolean }
  | { result: 'applied'; write: 'event'; event: DossierEvent }
  | { result: 'rejected'; rejection: OpRejection }
  | { result: 'retry_later'; deferral: OpDeferred };

export function parseOp(op: OpEnvelope): ParsedOp {
  if (op.opType === 'dossier.upsert') {
    const parsed = dossierSchema.safeParse(op.payload);
    return parsed.success ? { op, kind: 'upsert', dossier: parsed.data } : { op, kind: 'invalid', issues: parsed.error.issues };
  }
  if (op.opType === 'dossier.event') {
    const parsed = dossierEventSchema.safeParse(op.payload);
    return parsed.success ? { op, kind: 'event', event: parsed.data } : { op, kind: 'invalid', issues: parsed.error.issues };
  }
  return { op, kind: 'unknown' };
}

const reject = (rejection: OpRejection): Decision => ({ result: 'rejected', rejection });

export function decideOp(state: OpState, parsed: ParsedOp): Decision {
  switch (parsed.kind) {
    case 'unknown':
      return reject(new OpRejection('unknown_op_type', `Hệ thống tỉnh chưa hỗ trợ loại thao tác "${parsed.op.opType}".`));
    case 'invalid':
      return reject(invalidPayload(parsed.issues));
    case 'upsert':
      return decideUpsert(state, parsed.op, parsed.dossier);
    case 'event':
      return decideEvent(state, parsed.op, parsed.event);
  }
}

function decideUpsert(state: OpState, op: OpEnvelope, incoming: Dossier): Decision {
  if (incoming.id !== op.entityId) return reject(entityMismatch('hồ sơ'));
  const { device } = state;
  if (incoming.agencyCode !== device.communeCode) {
    return reject(
      new OpRejection(
        'foreign_commune',
        `Hồ sơ ${incoming.code} thuộc cơ quan ${incoming.agencyCode}; thiết bị này chỉ được gửi hồ sơ của ${device.communeName} (${device.communeCode}).`,
      ),
    );
  }
  const notOurCode = codeOwnershipRejection(incoming, device);
  if (notOurCode) return reject(notOurCode);
  const existing = state.dossiers.get(incoming.id);
  if (existing && existing.communeCode !== device.communeCode) {
    return reject(new OpRejection('foreign_commune', `Hồ sơ ${incoming.code} đã thuộc về xã khác trên hệ thống tỉnh.`));
  }
  const holder = state.codeHolders.get(incoming.code);
  if (holder !== undefined && holder !== incoming.id) return reject(duplicateCodeRejection(incoming.code));
  const decided = decideSnapshotStatus(existing, incoming);
  if ('rejection' in decided) return reject(decided.rejection);
  return { result: 'applied', write: 'dossier', snapshot: { ...incoming, status: decided.status }, existing: existing !== undefined };
}

function decideEvent(state: OpState, op: OpEnvelope, event: DossierEvent): Decision {
  if (event.id !== op.entityId) return reject(entityMismatch('sự kiện'));
  const owner = state.dossiers.get(event.dossierId);
  if (!owner) {
    // Refused for good only if the dossier itself was refused; otherwise its upsert may still be
    // in flight (a retried, overlapping push) and the event must wait, not be lost.
    if (state.refusedUpserts.has(event.dossierId)) {
      return reject(new OpRejection('dossier_not_found', 'Sự kiện thuộc về một hồ sơ đã bị hệ thống tỉnh từ chối.'));
    }
    return {
      result: 'retry_later',
      deferral: new OpDeferred('dossier_not_found', 'Hệ thống tỉnh chưa nhận được hồ sơ của sự kiện này; sẽ gửi lại sau.'),
    };
  }
  if (owner.communeCode !== state.device.communeCode) {
    return reject(new OpRejection('foreign_commune', 'Sự kiện thuộc về hồ sơ của xã khác.'));
  }
  return { result: 'applied', write: 'event', event };
}

/**
 * The state after a decision was written, for the next op of the same batch: what the database
 * would hold had the op been committed alone.
 */
export function stateAfter(
  state: { dossiers: Map<string, DossierState>; codeHolders: Map<string, string>; refusedUpserts: Set<string>; device: PushingDevice },
  parsed: ParsedOp,
  decision: Decision,
): void {
  if (decision.result === 'rejected' && parsed.op.opType === 'dossier.upsert') state.refusedUpserts.add(parsed.op.entityId);
  if (decision.result !== 'applied' || decision.write !== 'dossier') return;
  const { snapshot } = decision;
  const before = state.dossiers.get(snapshot.id);
  if (before && before.code !== snapshot.code && state.codeHolders.get(before.code) === snapshot.id) {
    state.codeHolders.delete(before.code);
  }
  state.codeHolders.set(snapshot.code, snapshot.id);
  state.dossiers.set(snapshot.id, {
    communeCode: state.device.communeCode,
    code: snapshot.code,
    status: snapshot.status,
    provinceStatusAt: before?.provinceStatusAt ?? null,
  });
}

export function invalidPayload(issues: { path: PropertyKey[] }[]): OpRejection {
  const paths = [...new Set(issues.map((i) => i.path.map(String).join('.') || '(gốc)'))].slice(0, 5);
  return new OpRejection('invalid_payload', `Dữ liệu thao tác không hợp lệ ở trường: ${paths.join(', ')}.`);
}

function entityMismatch(what: string): OpRejection {
  return new OpRejection('entity_mismatch', `Mã thực thể của thao tác không khớp với mã ${what} trong dữ liệu.`);
}

/** Also the answer when two desks race for one code at the database (apply-dossier.ts). */
export function duplicateCodeRejection(code: string): OpRejection {
  return new OpRejection(
    'duplicate_code',
    `Mã hồ sơ ${code} đã được dùng cho một hồ sơ khác. Hệ thống tỉnh không tự đánh lại số; hãy kiểm tra lại số thứ tự của quầy.`,
  );
}
