import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '@shared/sync/protocol';
import { appliedOp, device, dossier, dossierEvent } from '../../../src-server/db/schema';
import {
  BACKENDS,
  enrollCounter,
  eventOp,
  makeDossier,
  makeEvent,
  newCommune,
  openBackend,
  push,
  startHub,
  upsertOp,
  type Backend,
  type Hub,
} from './harness';

describe.each(BACKENDS)('hub on %s: push', (backendName) => {
  let backend: Backend;
  let hub: Hub;
  beforeAll(async () => {
    backend = await openBackend(backendName);
    hub = await startHub(backend);
  });
  afterAll(async () => {
    await hub?.close();
    await backend?.dispose();
  });

  it('applies a received dossier and its timeline event, and answers with the hub time', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const d = makeDossier(commune.code);
    const ops = [upsertOp(counter, d), eventOp(counter, makeEvent(d))];
    const { statusCode, body } = await push(hub, counter, ops);
    expect(statusCode).toBe(200);
    const parsed = pushResponseSchema.parse(body);
    expect(parsed.results.map((r) => r.result)).toEqual(['applied', 'applied']);
    expect(Math.abs(Date.parse(parsed.serverTime) - hub.clock.now().getTime())).toBeLessThan(60_000);

    const [row] = await hub.database.db.select().from(dossier).where(eq(dossier.id, d.id));
    expect(row!.code).toBe(d.code);
    expect(row!.communeCode).toBe(commune.code);
    expect(row!.snapshot).toEqual(d);
    const events = await hub.database.db.select().from(dossierEvent).where(eq(dossierEvent.dossierId, d.id));
    expect(events).toHaveLength(1);
  });

  it('answers a resent op as duplicate with the stored first answer, without applying it again', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const d = makeDossier(commune.code);
    const op = upsertOp(counter, d);
    const first = await push(hub, counter, [op]);
    expect(first.body.results[0]).toEqual({ opId: op.opId, result: 'applied' });

    // The response was "lost": the counter resends the same op, even after the dossier moved on.
    const second = await push(hub, counter, [op]);
    expect(second.body.results[0]).toEqual({ opId: op.opId, result: 'duplicate', firstResult: 'applied' });
    const [{ n }] = (await hub.database.db
      .select({ n: count() })
      .from(appliedOp)
      .where(eq(appliedOp.opId, op.opId))) as [{ n: number }];
    expect(n).toBe(1);

    // A rejected op resent stays rejected, with the same reason.
    const foreign = makeDossier('000.00.99.H99');
    const bad = upsertOp(counter, foreign);
    const r1 = await push(hub, counter, [bad]);
    const r2 = await push(hub, counter, [bad]);
    expect(r1.body.results[0]!.result).toBe('rejected');
    expect(r2.body.results[0]).toEqual({
      opId: bad.opId,
      result: 'duplicate',
      firstResult: 'rejected',
      code: 'foreign_commune',
      reason: r1.body.results[0]!.reason,
    });
  });

  it('rejects a dossier of another commune with a Vietnamese reason, writing nothing for it', async () => {
    const mine = await newCommune(hub);
    const other = await newCommune(hub, 'UBND phường Hạc Thành');
    const counter = await enrollCounter(hub, mine.code);
    const d = makeDossier(other.code);
    const { body } = await push(hub, counter, [upsertOp(counter, d)]);
    expect(body.results[0]).toMatchObject({ result: 'rejected', code: 'foreign_commune' });
    expect(body.results[0]!.reason).toContain('chỉ được gửi hồ sơ');
    expect(await hub.database.db.select().from(dossier).where(eq(dossier.id, d.id))).toHaveLength(0);
  });

  it('rejects a second dossier carrying an already used code, loudly and without renumbering', async () => {
    const commune = await newCommune(hub);
    const desk1 = await enrollCounter(hub, commune.code, 'Quầy 1');
    const desk2 = await enrollCounter(hub, commune.code, 'Quầy 2');
    const first = makeDossier(commune.code);
    const clash = makeDossier(commune.code, { code: first.code, applicant: { fullName: 'Trần Văn Bình' } });
    expect((await push(hub, desk1, [upsertOp(desk1, first)])).body.results[0]!.result).toBe('applied');
    const { body } = await push(hub, desk2, [upsertOp(desk2, clash)]);
    expect(body.results[0]).toMatchObject({ result: 'rejected', code: 'duplicate_code' });
    expect(body.results[0]!.reason).toContain(first.code);
    const rows = await hub.database.db.select().from(dossier).where(eq(dossier.code, first.code));
    expect(rows.map((r) => r.id)).toEqual([first.id]);
    expect(await hub.database.db.select().from(dossier).where(eq(dossier.id, clash.id))).toHaveLength(0);
  });

  it('applies an op sent twice in one request once, answering the second copy as duplicate', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const d = makeDossier(commune.code);
    const op = upsertOp(counter, d);
    const event = eventOp(counter, makeEvent(d));
    const { statusCode, body } = await push(hub, counter, [op, event, op]);
    expect(statusCode).toBe(200);
    expect(body.results.map((r) => r.result)).toEqual(['applied', 'applied', 'duplicate']);
    expect(body.results[2]!.firstResult).toBe('applied');
    expect(await hub.database.db.select().from(dossier).where(eq(dossier.id, d.id))).toHaveLength(1);
    const [{ n }] = await hub.database.db.select({ n: count() }).from(appliedOp).where(eq(appliedOp.opId, op.opId)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('does not let one bad op block the others in the batch', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const a = makeDossier(commune.code);
    const b = makeDossier(commune.code);
    const orphan = makeEvent(makeDossier(commune.code));
    const invalid = upsertOp(counter, makeDossier(commune.code));
    (invalid.payload as { status: string }).status = 'lost_in_the_mail';
    const ops = [
      upsertOp(counter, a),
      invalid,
      upsertOp(counter, makeDossier('000.00.98.H98')),
      eventOp(counter, orphan),
      upsertOp(counter, b),
    ];
    const { body } = await push(hub, counter, ops);
    expect(body.results.map((r) => [r.result, r.code])).toEqual([
      ['applied', undefined],
      ['rejected', 'invalid_payload'],
      ['rejected', 'foreign_commune'],
      ['retry_later', 'dossier_not_found'],
      ['applied', undefined],
    ]);
    expect(body.results[1]!.reason).toContain('status');
    const stored = await hub.database.db.select({ id: dossier.id }).from(dossier).where(eq(dossier.communeCode, commune.code));
    expect(stored.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('defers an event whose dossier has not arrived, and rejects it once the dossier was refused', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const d = makeDossier(commune.code);
    const early = eventOp(counter, makeEvent(d));
    expect((await push(hub, counter, [early])).body.results[0]).toMatchObject({ result: 'retry_later' });
    // Nothing was recorded: the resend after the dossier arrived applies.
    await push(hub, counter, [upsertOp(counter, d)]);
    expect((await push(hub, counter, [early])).body.results[0]).toEqual({ opId: early.opId, result: 'applied' });

    const refused = makeDossier(commune.code, { code: d.code }); // clashes, so it is rejected
    await push(hub, counter, [upsertOp(counter, refused)]);
    const { body } = await push(hub, counter, [eventOp(counter, makeEvent(refused))]);
    expect(body.results[0]).toMatchObject({ result: 'rejected', code: 'dossier_not_found' });
  });

  it('applies ops in the device seq order, not the order they appear in the request', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const d = makeDossier(commune.code);
    const upsert = upsertOp(counter, d);
    const event = eventOp(counter, makeEvent(d));
    const { body } = await push(hub, counter, [event, upsert]);
    expect(body.results).toEqual([
      { opId: event.opId, result: 'applied' },
      { opId: upsert.opId, result: 'applied' },
    ]);
  });

  it('rejects an op whose entity id does not match its payload', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const op = upsertOp(counter, makeDossier(commune.code));
    op.entityId = makeDossier(commune.code).id;
    const { body } = await push(hub, counter, [op]);
    expect(body.results[0]).toMatchObject({ result: 'rejected', code: 'entity_mismatch' });
  });

  it('refuses a batch claiming another device id with 403', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const other = await enrollCounter(hub, commune.code, 'Quầy 2');
    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: counter.headers,
      payload: { deviceId: other.deviceId, deviceEpoch: counter.epoch, ops: [] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('records last push, reported outbox depth and clock drift for the province', async () => {
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    const clientTime = new Date(hub.clock.now().getTime() - 10 * 60_000).toISOString(); // counter clock 10 min slow
    await push(hub, counter, [upsertOp(counter, makeDossier(commune.code))], { pending: 7, clientTime });
    const [row] = await hub.database.db.select().from(device).where(eq(device.id, counter.deviceId));
    expect(row!.pendingReported).toBe(7);
    expect(row!.lastPushAt).toBeInstanceOf(Date);
    expect(row!.clockDriftMs!).toBeLessThan(-9 * 60_000);
    expect(row!.clockDriftMs!).toBeGreaterThan(-11 * 60_000);

    // A pull that reports no device time touches only last pull; a push without a depth keeps it.
    const pulled = await hub.app.inject({ method: 'GET', url: `/v1/sync/pull?scope=province&after=0`, headers: counter.headers });
    expect(pulled.statusCode).toBe(200);
    const [afterPull] = await hub.database.db.select().from(device).where(eq(device.id, counter.deviceId));
    expect(afterPull!.lastPullAt).toBeInstanceOf(Date);
    expect(afterPull!.lastPushAt).toEqual(row!.lastPushAt);
    expect(afterPull!.clockDriftMs).toBe(row!.clockDriftMs);
    expect(afterPull!.pendingReported).toBe(7);
    await push(hub, counter, [upsertOp(counter, makeDossier(commune.code))]);
    const [afterPush] = await hub.database.db.select().from(device).where(eq(device.id, counter.deviceId));
    expect(afterPush!.pendingReported).toBe(7);
    expect(afterPush!.pendingReportedAt).toEqual(row!.pendingReportedAt);
    expect(afterPush!.lastPullAt).toEqual(afterPull!.lastPullAt);
    expect(afterPush!.lastPushAt!.getTime()).toBeGreaterThanOrEqual(row!.lastPushAt!.getTime());
  });
});
