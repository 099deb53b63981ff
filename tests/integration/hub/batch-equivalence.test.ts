/**
 * The push fast path (sync/apply-batch.ts: a whole batch in one transaction) must answer and write
 * exactly what the reference path (sync/apply-op.ts: each op alone, in seq order) does. Seeded
 * scenarios mix every case the hub decides — new and repeated snapshots, code collisions inside
 * and across batches, foreign communes, events before, with and after their dossier, events of
 * refused dossiers, bad payloads, unknown op types, resent ops and province status changes — and
 * are played into two parallel worlds of one database, one per path; the answers, the dossiers,
 * the timelines and the stored first answers are then compared.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier, DossierStatus } from '@shared/dossier';
import type { OpEnvelope, PushResult } from '@shared/sync/protocol';
import { createCommune, issueEnrollmentCode } from '../../../src-server/admin/communes';
import { enrollDevice } from '../../../src-server/admin/enroll';
import { recordStatusChange } from '../../../src-server/admin/status';
import type { AuthedDevice } from '../../../src-server/auth/device-auth';
import { appliedOp, dossier, dossierEvent } from '../../../src-server/db/schema';
import type { HubDb } from '../../../src-server/db/types';
import { applyBatchAtOnce } from '../../../src-server/sync/apply-batch';
import { applyOp } from '../../../src-server/sync/apply-op';
import { OpDeferred } from '../../../src-server/sync/rejection';
import { BACKENDS, makeDossier, makeEvent, openBackend, type Backend } from './harness';

/** mulberry32: small, seedable, good enough to pick cases. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An op described by labels, materialised per world (ids and codes are world-specific). */
type AbstractOp =
  | { kind: 'upsert'; slot: number; code: number; status: DossierStatus; agency: 'own' | 'other' | 'foreignCode' }
  | { kind: 'upsertForeignId' }
  | { kind: 'event'; slot: number; event: number }
  | { kind: 'eventOfForeign'; event: number }
  | { kind: 'badPayload'; slot: number }
  | { kind: 'mismatch'; slot: number }
  | { kind: 'unknownType'; slot: number }
  | { kind: 'resend'; ofOp: number };

type Step = { batch: { label: number; op: AbstractOp }[] } | { provinceStatus: { slot: number; status: DossierStatus } };

// 'transferred' then 'received' again is an old snapshot: refused as stale_status on both paths.
const STATUSES: DossierStatus[] = ['received', 'received', 'transferred', 'returned', 'withdrawal_requested'];
const SLOTS = 10;

function scenario(seed: number): Step[] {
  const random = prng(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const steps: Step[] = [];
  let label = 0;
  let events = 0;
  const upserted: number[] = [];
  for (let b = 0; b < 12; b++) {
    // The province takes over a dossier the counter has sent, so later snapshots meet its status.
    if (upserted.length > 0 && random() < 0.4) {
      steps.push({ provinceStatus: { slot: upserted[pick(upserted.length)]!, status: 'processing' } });
    }
    const batch: { label: number; op: AbstractOp }[] = [];
    const earlier = label; // a resend repeats an op of an earlier batch
    const size = 1 + pick(14);
    for (let i = 0; i < size; i++) {
      const r = random();
      let op: AbstractOp;
      if (r < 0.4) {
        const r2 = random();
        op = { kind: 'upsert', slot: pick(SLOTS), code: pick(7), status: STATUSES[pick(STATUSES.length)]!, agency: r2 < 0.08 ? 'other' : r2 < 0.14 ? 'foreignCode' : 'own' };
        upserted.push(op.slot);
      }
      else if (r < 0.7) op = { kind: 'event', slot: pick(SLOTS), event: events++ };
      else if (r < 0.75) op = { kind: 'upsertForeignId' };
      else if (r < 0.8) op = { kind: 'eventOfForeign', event: events++ };
      else if (r < 0.84) op = { kind: 'badPayload', slot: pick(SLOTS) };
      else if (r < 0.88) op = { kind: 'mismatch', slot: pick(SLOTS) };
      else if (r < 0.9) op = { kind: 'unknownType', slot: pick(SLOTS) };
      else if (earlier > 0) op = { kind: 'resend', ofOp: pick(earlier) };
      else continue;
      // One op id twice in one request is settled op by op (push.test.ts covers it).
      if (op.kind === 'resend' && batch.some((b) => b.op.kind === 'resend' && b.op.ofOp === (op as { ofOp: number }).ofOp)) continue;
      batch.push({ label: label++, op });
    }
    steps.push({ batch });
  }
  return steps;
}

type Apply = (db: HubDb, device: AuthedDevice, ops: OpEnvelope[]) => Promise<Map<string, PushResult>>;

/** The hub's time for every write of both paths: a fixed instant, so the two can be compared. */
const HUB_NOW = new Date('2026-11-23T02:00:00Z');

/** The reference: each op in its own transaction, as push.ts does when the fast path gives up. */
const oneByOne: Apply = async (db, device, ops) => {
  const answers = new Map<string, PushResult>();
  for (const op of ops) {
    try {
      answers.set(op.opId, await applyOp(db, device, op, HUB_NOW));
    } catch (err) {
      if (!(err instanceof OpDeferred)) throw err;
      answers.set(op.opId, { opId: op.opId, result: 'retry_later', code: err.code, reason: err.reason });
    }
  }
  return answers;
};

interface World {
  own: AuthedDevice;
  other: AuthedDevice;
  foreignDossier: Dossier;
  ids: Map<string, string>;
  /** Every op sent, by label, so a resend carries the very same envelope. */
  sent: Map<number, OpEnvelope>;
}

let worldCounter = 0;
async function newWorld(db: HubDb): Promise<World> {
  worldCounter += 1;
  const device = async (code: string, name: string): Promise<AuthedDevice> => {
    await createCommune(db, { code, name });
    const enrolled = await enrollDevice(db, { code: (await issueEnrollmentCode(db, code, HUB_NOW)).code, deviceName: 'Quầy 1' }, HUB_NOW);
    return { id: enrolled.deviceId, communeCode: code, communeName: name };
  };
  const tag = `${worldCounter}${Math.random().toString(36).slice(2, 6)}`.replace(/[^A-Za-z0-9]/g, '');
  const own = await device(`EQ${tag}.H56`, 'UBND xã Thử');
  const other = await device(`EQX${tag}.H56`, 'UBND xã Bên');
  // A dossier the other commune owns, put there through the reference path.
  const foreignDossier = makeDossier(other.communeCode, { code: `${other.communeCode}-261122-9999` });
  const seeded = await oneByOne(db, other, [envelope(other, 1, 'dossier.upsert', foreignDossier.id, foreignDossier)]);
  expect([...seeded.values()][0]!.result).toBe('applied');
  return { own, other, foreignDossier, ids: new Map(), sent: new Map() };
}

function envelope(device: AuthedDevice, seq: number, opType: string, entityId: string, payload: unknown): OpEnvelope {
  return { opId: uuidv7(), seq, deviceEpoch: `epoch-${device.id}`, opType, entityId, payload, createdAt: '2026-11-22T01:30:00.000Z' };
}

function idOf(world: World, label: string): string {
  let id = world.ids.get(label);
  if (!id) world.ids.set(label, (id = uuidv7()));
  return id;
}

function materialise(world: World, label: number, op: AbstractOp): OpEnvelope {
  const seq = label + 1;
  const slotDossier = (slot: number, code: number, status: DossierStatus, agency: string, codeOf = world.own.communeCode): Dossier =>
    makeDossier(agency, { id: idOf(world, `d${slot}`), code: `${codeOf}-261122-${String(code).padStart(4, '0')}`, status });
  switch (op.kind) {
    case 'upsert': {
      const agency = op.agency === 'other' ? world.other.communeCode : world.own.communeCode;
      // foreignCode: the device's own agency in the snapshot, but a code of the other commune.
      const d = slotDossier(op.slot, op.code, op.status, agency, op.agency === 'foreignCode' ? world.other.communeCode : world.own.communeCode);
      return envelope(world.own, seq, 'dossier.upsert', d.id, d);
    }
    case 'upsertForeignId': {
      const d = { ...world.foreignDossier, agencyCode: world.own.communeCode };
      return envelope(world.own, seq, 'dossier.upsert', d.id, d);
    }
    case 'event':
    case 'eventOfForeign': {
      const target = op.kind === 'event' ? ({ id: idOf(world, `d${op.slot}`) } as Dossier) : world.foreignDossier;
      const e = makeEvent(target, { id: idOf(world, `e${op.event}`) });
      return envelope(world.own, seq, 'dossier.event', e.id, e);
    }
    case 'badPayload':
      return envelope(world.own, seq, 'dossier.upsert', idOf(world, `d${op.slot}`), { id: idOf(world, `d${op.slot}`), code: 42 });
    case 'mismatch': {
      const d = slotDossier(op.slot, 0, 'received', world.own.communeCode);
      return envelope(world.own, seq, 'dossier.upsert', uuidv7(), d);
    }
    case 'unknownType':
      return envelope(world.own, seq, 'dossier.delete', idOf(world, `d${op.slot}`), {});
    case 'resend':
      return world.sent.get(op.ofOp)!;
  }
}

/** Plays the scenario into one world and returns what can be compared across worlds. */
async function play(db: HubDb, world: World, steps: Step[], apply: Apply) {
  const labelOf = new Map<string, string>();
  const answers: unknown[] = [];
  const plain = (text: string | undefined) =>
    text?.replaceAll(world.own.communeCode, 'OWN').replaceAll(world.other.communeCode, 'OTHER');
  for (const step of steps) {
    if ('provinceStatus' in step) {
      const id = world.ids.get(`d${step.provinceStatus.slot}`);
      const [exists] = id ? await db.select({ id: dossier.id }).from(dossier).where(eq(dossier.id, id)) : [];
      if (exists) await recordStatusChange(db, id!, { status: step.provinceStatus.status, officer: 'Sở Tư pháp' }, HUB_NOW);
      continue;
    }
    const ops = step.batch.map(({ label, op }) => {
      const env = materialise(world, label, op);
      world.sent.set(label, env);
      if (!labelOf.has(env.opId)) labelOf.set(env.opId, `op${label}`);
      return env;
    });
    const result = await apply(db, world.own, ops);
    for (const op of ops) {
      const a = result.get(op.opId)!;
      answers.push({ op: labelOf.get(op.opId), result: a.result, code: a.code, firstResult: a.firstResult, reason: plain(a.reason) });
    }
  }
  const label = new Map([...world.ids].map(([k, v]) => [v, k]));
  label.set(world.foreignDossier.id, 'foreign');
  const ids = [...label.keys()];
  const dossiers = (await db.select().from(dossier).where(inArray(dossier.id, ids)))
    .map((d) => ({ id: label.get(d.id), code: plain(d.code), commune: plain(d.communeCode), status: d.status, agency: plain(d.snapshot.agencyCode) }))
    .sort((a, b) => a.id!.localeCompare(b.id!));
  const events = (await db.select().from(dossierEvent).where(and(inArray(dossierEvent.dossierId, ids), eq(dossierEvent.source, 'commune'))))
    .map((e) => `${label.get(e.id)}→${label.get(e.dossierId)}`)
    .sort();
  const stored = (await db.select().from(appliedOp).where(eq(appliedOp.deviceId, world.own.id)))
    .map((r) => `${labelOf.get(r.opId)}:${r.result.result}:${r.result.code ?? ''}`)
    .sort();
  return { answers, dossiers, events, stored };
}

describe.each(BACKENDS)('hub on %s: the push fast path equals the op-by-op path', (backendName) => {
  const reached = new Set<string>();
  let backend: Backend;
  beforeAll(async () => {
    backend = await openBackend(backendName);
  });
  afterAll(async () => {
    await backend?.dispose();
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: same answers, dossiers, timelines and stored answers', async (seed) => {
    const db = backend.database.db;
    const steps = scenario(seed);
    const fast = await play(db, await newWorld(db), steps, (d, dev, ops) => applyBatchAtOnce(d, dev, ops, HUB_NOW));
    const reference = await play(db, await newWorld(db), steps, oneByOne);
    expect(fast.answers).toEqual(reference.answers);
    expect(fast.dossiers).toEqual(reference.dossiers);
    expect(fast.events).toEqual(reference.events);
    expect(fast.stored).toEqual(reference.stored);
    for (const a of reference.answers as PushResult[]) reached.add(`${a.result}:${a.code ?? ''}`);
  });

  it('the seeds together reached every answer the hub can give', () => {
    expect([...reached].sort()).toEqual(
      expect.arrayContaining([
        'applied:',
        'duplicate:',
        'rejected:duplicate_code',
        'rejected:dossier_not_found',
        'rejected:entity_mismatch',
        'rejected:foreign_commune',
        'rejected:foreign_code',
        'rejected:stale_status',
        'rejected:invalid_payload',
        'rejected:unknown_op_type',
        'retry_later:dossier_not_found',
      ]),
    );
  });
});
