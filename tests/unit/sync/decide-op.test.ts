/**
 * The hub's rule book for pushed ops (src-server/sync/decide-op.ts), as a table: what the hub
 * holds, the op, the answer. Both push paths ask it (batch-equivalence.test.ts holds them to the
 * same answers on a real database); here each rule is shown on its own, and in its order.
 */
import { describe, expect, it } from 'vitest';
import type { Dossier, DossierEvent } from '@shared/dossier';
import type { OpEnvelope } from '@shared/sync/protocol';
import {
  decideOp,
  parseOp,
  stateAfter,
  type Decision,
  type DossierState,
  type OpState,
} from '../../../src-server/sync/decide-op';
import { SAMPLE_DOSSIER } from '../../fixtures/print/context';

const OWN = '000.17.22.H56';
const OTHER = '000.17.23.H56';
const device = { communeCode: OWN, communeName: 'UBND xã Hòa An' };
const ID = SAMPLE_DOSSIER.id;
const OTHER_ID = '0195f3a2-7c1e-7d4a-9b2f-000000000002';
const EVENT_ID = '0195f3a2-7c1e-7d4a-9b2f-0000000000e1';

const dossier = (over: Partial<Dossier> = {}): Dossier => ({ ...SAMPLE_DOSSIER, ...over });
const event = (over: Partial<DossierEvent> = {}): DossierEvent => ({
  id: EVENT_ID,
  dossierId: ID,
  type: 'dossier.returned',
  fromStatus: 'result_ready',
  toStatus: 'returned',
  at: '2026-02-06T02:00:00.000Z',
  officer: 'Trần Văn Bình',
  ...over,
});

let seq = 0;
function op(opType: string, payload: unknown, entityId: string): OpEnvelope {
  seq += 1;
  return { opId: `0195f3a2-7c1e-7d4a-9b2f-${String(seq).padStart(12, '0')}`, seq, deviceEpoch: 'e1', opType, entityId, payload, createdAt: '2026-02-05T01:05:00.000Z' };
}
const upsert = (d: Dossier, entityId = d.id) => op('dossier.upsert', d, entityId);
const eventOp = (e: DossierEvent, entityId = e.id) => op('dossier.event', e, entityId);

interface Held {
  dossiers?: [string, Partial<DossierState>][];
  codes?: [string, string][];
  refused?: string[];
}

function state(held: Held = {}): OpState {
  return {
    device,
    dossiers: new Map(
      (held.dossiers ?? []).map(([id, s]) => [id, { communeCode: OWN, code: SAMPLE_DOSSIER.code, status: 'received', provinceStatusAt: null, ...s }]),
    ),
    codeHolders: new Map(held.codes ?? []),
    refusedUpserts: new Set(held.refused ?? []),
  };
}

/** The answer as the counter sees it: result and code (and the status written, when applied). */
function answer(d: Decision): string {
  if (d.result === 'rejected') return `rejected ${d.rejection.code}`;
  if (d.result === 'retry_later') return `retry_later ${d.deferral.code}`;
  return d.write === 'dossier' ? `applied dossier ${d.snapshot.status}${d.existing ? ' (update)' : ' (new)'}` : 'applied event';
}

const decide = (held: Held, o: OpEnvelope) => answer(decideOp(state(held), parseOp(o)));

describe('decideOp: one rule book for both push paths', () => {
  it.each<[string, Held, () => OpEnvelope, string]>([
    ['an op type the hub does not know', {}, () => op('dossier.delete', { id: ID }, ID), 'rejected unknown_op_type'],
    ['a snapshot that is not a dossier', {}, () => op('dossier.upsert', { id: ID, code: 42 }, ID), 'rejected invalid_payload'],
    ['an event that is not an event', {}, () => op('dossier.event', { id: EVENT_ID }, EVENT_ID), 'rejected invalid_payload'],
    ['a snapshot under another entity id', {}, () => upsert(dossier(), OTHER_ID), 'rejected entity_mismatch'],
    ['an event under another entity id', { dossiers: [[ID, {}]] }, () => eventOp(event(), OTHER_ID), 'rejected entity_mismatch'],
    ['a dossier of another agency', {}, () => upsert(dossier({ agencyCode: OTHER })), 'rejected foreign_commune'],
    ['a dossier id the hub holds for another commune', { dossiers: [[ID, { communeCode: OTHER }]] }, () => upsert(dossier()), 'rejected foreign_commune'],
    ['a code another dossier holds', { codes: [[SAMPLE_DOSSIER.code, OTHER_ID]] }, () => upsert(dossier()), 'rejected duplicate_code'],
    ['a code the same dossier holds', { dossiers: [[ID, {}]], codes: [[SAMPLE_DOSSIER.code, ID]] }, () => upsert(dossier()), 'applied dossier received (update)'],
    ['a new dossier', {}, () => upsert(dossier()), 'applied dossier received (new)'],
    [
      "a counter status after the province's",
      { dossiers: [[ID, { status: 'result_ready', provinceStatusAt: '2026-02-05T08:00:00.000Z' }]] },
      () => upsert(dossier({ status: 'processing' })),
      'applied dossier result_ready (update)',
    ],
    [
      "the hand-over after the province's status",
      { dossiers: [[ID, { status: 'result_ready', provinceStatusAt: '2026-02-05T08:00:00.000Z' }]] },
      () => upsert(dossier({ status: 'returned' })),
      'applied dossier returned (update)',
    ],
    [
      "a withdrawal request after the province's status",
      { dossiers: [[ID, { status: 'processing', provinceStatusAt: '2026-02-05T08:00:00.000Z' }]] },
      () => upsert(dossier({ status: 'withdrawal_requested' })),
      'applied dossier withdrawal_requested (update)',
    ],
    ['a counter status while the province has set none', { dossiers: [[ID, { status: 'received' }]] }, () => upsert(dossier({ status: 'processing' })), 'applied dossier processing (update)'],
    ['an event of a dossier not here yet', {}, () => eventOp(event()), 'retry_later dossier_not_found'],
    ['an event of a refused dossier', { refused: [ID] }, () => eventOp(event()), 'rejected dossier_not_found'],
    ["an event of another commune's dossier", { dossiers: [[ID, { communeCode: OTHER }]] }, () => eventOp(event()), 'rejected foreign_commune'],
    ["an event of the commune's own dossier", { dossiers: [[ID, {}]] }, () => eventOp(event()), 'applied event'],
  ])('%s', (_name, held, makeOp, expected) => {
    expect(decide(held, makeOp())).toBe(expected);
  });

  it('checks in one order, so an op breaking several rules always gets the same answer', () => {
    // Bad payload before entity id; entity id before agency; agency before holder and code.
    expect(decide({}, op('dossier.upsert', { id: OTHER_ID }, ID))).toBe('rejected invalid_payload');
    expect(decide({}, upsert(dossier({ agencyCode: OTHER }), OTHER_ID))).toBe('rejected entity_mismatch');
    const everything: Held = { dossiers: [[ID, { communeCode: OTHER }]], codes: [[SAMPLE_DOSSIER.code, OTHER_ID]] };
    expect(decide(everything, upsert(dossier({ agencyCode: OTHER })))).toBe('rejected foreign_commune');
    expect(decide({ codes: [[SAMPLE_DOSSIER.code, OTHER_ID]], dossiers: [[ID, { communeCode: OTHER }]] }, upsert(dossier()))).toBe('rejected foreign_commune');
    // A refused dossier wins over "not here yet" only when it was refused.
    expect(decide({ refused: [OTHER_ID] }, eventOp(event()))).toBe('retry_later dossier_not_found');
  });

  it('names the fields of a bad payload, and the other agency and the device in a foreign snapshot', () => {
    const bad = decideOp(state(), parseOp(op('dossier.upsert', { ...dossier(), code: 42, receivedAt: 'hôm qua' }, ID)));
    expect(bad.result === 'rejected' && bad.rejection.reason).toBe('Dữ liệu thao tác không hợp lệ ở trường: code, receivedAt.');
    const foreign = decideOp(state(), parseOp(upsert(dossier({ agencyCode: OTHER }))));
    expect(foreign.result === 'rejected' && foreign.rejection.reason).toContain(`thuộc cơ quan ${OTHER}; thiết bị này chỉ được gửi hồ sơ của UBND xã Hòa An (${OWN})`);
  });
});

describe('stateAfter: the next op of a batch sees the earlier ones as committed', () => {
  function batchState(held: Held = {}) {
    const s = state(held);
    return { device, dossiers: new Map(s.dossiers), codeHolders: new Map(s.codeHolders), refusedUpserts: new Set(s.refusedUpserts) };
  }
  function run(s: ReturnType<typeof batchState>, ops: OpEnvelope[]): string[] {
    return ops.map((o) => {
      const parsed = parseOp(o);
      const d = decideOp(s, parsed);
      stateAfter(s, parsed, d);
      return answer(d);
    });
  }

  it('an event after its dossier in the same batch is applied', () => {
    expect(run(batchState(), [upsert(dossier()), eventOp(event())])).toEqual(['applied dossier received (new)', 'applied event']);
  });

  it('an event after its refused dossier is refused, not deferred', () => {
    expect(run(batchState(), [upsert(dossier({ agencyCode: OTHER })), eventOp(event())])).toEqual([
      'rejected foreign_commune',
      'rejected dossier_not_found',
    ]);
  });

  it('a dossier renumbered in the batch frees its old code for another dossier', () => {
    const renumbered = dossier({ code: `${OWN}-260205-0099` });
    const other = dossier({ id: OTHER_ID, code: SAMPLE_DOSSIER.code });
    expect(run(batchState(), [upsert(dossier()), upsert(other), upsert(renumbered), upsert(other)])).toEqual([
      'applied dossier received (new)',
      'rejected duplicate_code',
      'applied dossier received (update)',
      'applied dossier received (new)',
    ]);
  });

  it("keeps the province's status across the counter's later snapshots", () => {
    const s = batchState({ dossiers: [[ID, { status: 'result_ready', provinceStatusAt: new Date('2026-02-05T08:00:00Z') }]] });
    expect(run(s, [upsert(dossier({ status: 'processing' })), upsert(dossier({ status: 'received' })), upsert(dossier({ status: 'returned' }))])).toEqual([
      'applied dossier result_ready (update)',
      'applied dossier result_ready (update)',
      'applied dossier returned (update)',
    ]);
  });
});
