/**
 * Issue #14 at the hub, on PGlite and PostgreSQL, through the push route (the batch path) and op
 * by op (the reference path):
 * - a device of commune A could register a dossier under commune B's code, so B's own dossier
 *   with that code was then refused for good as a duplicate;
 * - an old snapshot replayed under a new op id moved a status from transferred back to received.
 */
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { Op } from '@shared/sync/protocol';
import { recordStatusChange } from '../../../src-server/admin/status';
import type { AuthedDevice } from '../../../src-server/auth/device-auth';
import { dossier } from '../../../src-server/db/schema';
import { applyOp } from '../../../src-server/sync/apply-op';
import { BACKENDS, enrollCounter, hubForTests, makeDossier, newCommune, push, upsertOp, type Counter } from './harness';

/** The same snapshot again, under a new op id and a later seq: what a replay looks like. */
function replay(counter: Counter, op: Op): Op {
  counter.seq += 1;
  return { ...op, opId: uuidv7(), seq: counter.seq };
}

describe.each(BACKENDS)('hub on %s: who may write what', (backendName) => {
  const { hub } = hubForTests(backendName);

  const statusOf = async (id: string) => (await hub.database.db.select({ status: dossier.status }).from(dossier).where(eq(dossier.id, id)))[0]?.status;

  describe('a code belongs to its commune', () => {
    it('refuses commune A\'s device a dossier under commune B\'s code, and B keeps its code', async () => {
      const a = await newCommune(hub, 'UBND xã Quảng Phú');
      const b = await newCommune(hub, 'UBND xã Quảng Tâm');
      const deviceA = await enrollCounter(hub, a.code);
      const deviceB = await enrollCounter(hub, b.code);
      const stolenCode = `${b.code}-261122-0001`;
      const squatter = makeDossier(a.code, { code: stolenCode });
      const { body } = await push(hub, deviceA, [upsertOp(deviceA, squatter)]);
      expect(body.results[0]).toMatchObject({ result: 'rejected', code: 'foreign_code' });
      expect(body.results[0]!.reason).toContain(stolenCode);
      expect(body.results[0]!.reason).toContain(a.code);
      expect(await statusOf(squatter.id)).toBeUndefined();

      const owner = makeDossier(b.code, { code: stolenCode });
      expect((await push(hub, deviceB, [upsertOp(deviceB, owner)])).body.results[0]).toEqual({ opId: expect.any(String), result: 'applied' });
    });

    it('does not take a longer agency code that starts with the device\'s own for its own', async () => {
      const a = await newCommune(hub);
      const deviceA = await enrollCounter(hub, a.code);
      for (const code of [`${a.code}1-261122-0001`, `${a.code}.2-261122-0001`, `X${a.code}-261122-0001`, `261122-0001-${a.code}`]) {
        const { body } = await push(hub, deviceA, [upsertOp(deviceA, makeDossier(a.code, { code }))]);
        expect(body.results[0], code).toMatchObject({ result: 'rejected', code: 'foreign_code' });
      }
    });

    it('refuses it op by op too (the reference path)', async () => {
      const a = await newCommune(hub);
      const b = await newCommune(hub);
      const counter = await enrollCounter(hub, a.code);
      const device: AuthedDevice = { id: counter.deviceId, communeCode: a.code, communeName: 'UBND xã Quảng Phú' };
      const answer = await applyOp(hub.database.db, device, upsertOp(counter, makeDossier(a.code, { code: `${b.code}-261122-0007` })), new Date('2026-11-22T03:00:00Z'));
      expect(answer).toMatchObject({ result: 'rejected', code: 'foreign_code' });
    });
  });

  describe('a status never goes backwards', () => {
    it('refuses an old snapshot replayed under a new op id: transferred stays transferred', async () => {
      const commune = await newCommune(hub);
      const counter = await enrollCounter(hub, commune.code);
      const d = makeDossier(commune.code);
      const received = upsertOp(counter, d);
      expect((await push(hub, counter, [received])).body.results[0]!.result).toBe('applied');
      expect((await push(hub, counter, [upsertOp(counter, { ...d, status: 'transferred' })])).body.results[0]!.result).toBe('applied');

      const { body } = await push(hub, counter, [replay(counter, received)]);
      expect(body.results[0]).toMatchObject({ result: 'rejected', code: 'stale_status' });
      expect(body.results[0]!.reason).toMatch(/Đã chuyển xử lý.*Đã tiếp nhận/);
      expect(await statusOf(d.id)).toBe('transferred');
    });

    it('keeps the status the province set when an old snapshot is replayed, whatever the op id, on both paths', async () => {
      const commune = await newCommune(hub);
      const counter = await enrollCounter(hub, commune.code);
      const d = makeDossier(commune.code);
      const received = upsertOp(counter, d);
      await push(hub, counter, [received]);
      await recordStatusChange(hub.database.db, d.id, { status: 'processing', officer: 'Sở Tư pháp' }, new Date('2026-11-23T02:00:00Z'));

      // The province owns the status now: a snapshot brings the commune's data (pull.test.ts: a
      // phone corrected offline still goes up), never its older status.
      expect((await push(hub, counter, [replay(counter, received)])).body.results[0]!.result).toBe('applied');
      expect(await statusOf(d.id)).toBe('processing');
      const device: AuthedDevice = { id: counter.deviceId, communeCode: commune.code, communeName: commune.name };
      expect(await applyOp(hub.database.db, device, replay(counter, received), new Date('2026-11-23T03:00:00Z'))).toMatchObject({ result: 'applied' });
      expect(await statusOf(d.id)).toBe('processing');

      // The counter's own later steps still go through: the result handed over.
      expect((await push(hub, counter, [upsertOp(counter, { ...d, status: 'returned' })])).body.results[0]!.result).toBe('applied');
      expect(await statusOf(d.id)).toBe('returned');
      // Nor can a counter step take it back: after the hand-over, an old withdrawal request is stale.
      expect((await push(hub, counter, [upsertOp(counter, { ...d, status: 'withdrawal_requested' })])).body.results[0]).toMatchObject({
        result: 'rejected',
        code: 'stale_status',
      });
      expect(await statusOf(d.id)).toBe('returned');
    });

    it('still lets the statuses go round the supplement loop, which is not backwards', async () => {
      const commune = await newCommune(hub);
      const counter = await enrollCounter(hub, commune.code);
      const d = makeDossier(commune.code);
      for (const status of ['received', 'processing', 'awaiting_supplement', 'processing', 'result_ready', 'returned'] as const) {
        expect((await push(hub, counter, [upsertOp(counter, { ...d, status })])).body.results[0]!.result, status).toBe('applied');
      }
      expect(await statusOf(d.id)).toBe('returned');
    });
  });
});
