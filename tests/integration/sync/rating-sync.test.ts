/**
 * A citizen's rating reaches the province (issue #18, item 3): answered at the counter's tablet
 * while the hub is down, kept in the outbox, pushed once the hub is back, stored once however often
 * it is resent, and refused from a commune the rated dossier does not belong to.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openCore, type Core } from '../../../src-main/core/core';
import type { SyncStatus } from '@shared/rpc/sync';
import { commune, communeRating } from '../../../src-server/db/schema';
import type { Op } from '@shared/sync/protocol';
import { runningClock } from '../../support/clock';
import { tempDir } from '../../support/web-host';
import { adminHeaders, enrollCounter, openBackend, push, startHub, type Backend } from '../hub/harness';
import { enrollmentCode, initCounter, receiveInput, rpcOk, startLiveHub, type LiveHub } from './support';

const AGENCY = '000.00.17.H56';

describe('ratings synced to the province hub', () => {
  let backend: Backend;
  let hub: LiveHub;
  let core: Core;
  let admin: string;
  let tablet: string;
  const clock = runningClock();
  const call = <T = any>(name: string, input: unknown = {}) => rpcOk<T>(core, admin, name, input);

  beforeAll(async () => {
    backend = await openBackend('pglite');
    hub = await startLiveHub(backend, { clock });
    await hub.backend.database.db.insert(commune).values({ code: AGENCY, name: 'UBND xã Tân Lập' });
    core = await openCore({ dataDir: tempDir('motcua-rating-sync-'), clock });
    ({ admin } = await initCounter(core, AGENCY));
    await call('sync.enroll', { hubUrl: hub.url, code: await enrollmentCode(hub, AGENCY) });
    const { code } = await call<{ code: string }>('devices.startPairing', { scope: 'rating', label: 'Máy đánh giá quầy 3', counterNo: 3 });
    const paired = await core.dispatch('devices.pair', { code }, { token: null });
    if (!paired.ok) throw new Error('pairing failed');
    tablet = (paired.result as { token: string }).token;
    await call('queue.counter', { counterNo: 3 }); // this officer's window serves counter 3
  });
  afterAll(async () => {
    core?.close();
    await hub?.down();
    await backend?.dispose();
  });

  it('keeps the answer in the outbox while the hub is down and pushes it once when it is back', async () => {
    await hub.down();
    const { id: dossierId, code } = await call<{ id: string; code: string }>('dossiers.receive', receiveInput('Nguyễn Thị Hồng Đào'));
    const { open } = await rpcOk<{ open: { id: string } }>(core, tablet, 'ratings.pending');
    await rpcOk(core, tablet, 'ratings.submit', { id: open.id, level: 'very_satisfied', criteria: [{ no: 7, level: 'very_satisfied' }] });
    const again = await core.dispatch('ratings.submit', { id: open.id, level: 'dissatisfied' }, { token: tablet });
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    expect((await call<SyncStatus>('sync.now')).state).toBe('offline');

    await hub.up();
    expect(await call<SyncStatus>('sync.now')).toMatchObject({ pending: 0, state: 'idle', rejected: [] });
    await call('sync.now');
    const rows = await hub.backend.database.db.select().from(communeRating).where(eq(communeRating.communeCode, AGENCY));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: open.id, dossierId, dossierCode: code, event: 'received', counterNo: 3, level: 'very_satisfied', officerName: 'Nguyễn Thị Hồng Đào' });
    expect(rows[0]!.rating.criteria).toEqual([{ no: 7, level: 'very_satisfied' }]);

    // The province view counts it for the commune.
    const view = await fetch(`${hub.url}/v1/admin/reports/satisfaction`, { headers: adminHeaders });
    expect(view.status).toBe(200);
    expect((await view.json()).communes).toEqual([
      { communeCode: AGENCY, communeName: 'UBND xã Tân Lập', verySatisfied: 1, satisfied: 0, dissatisfied: 0, total: 1, satisfiedPercent: 100 },
    ]);
  });

  it('refuses a rating pushed by a commune the dossier does not belong to', async () => {
    const [stored] = await hub.backend.database.db.select().from(communeRating);
    const otherHub = await startHub(backend, { clock });
    const OTHER = '000.00.18.H56';
    await otherHub.database.db.insert(commune).values({ code: OTHER, name: 'UBND xã Quảng Phú' });
    const other = await enrollCounter(otherHub, OTHER);
    const op: Op = { opId: uuidv7(), seq: 1, deviceEpoch: other.epoch, opType: 'rating.answer', entityId: stored!.id, payload: stored!.rating, createdAt: clock.now().toISOString() };
    const res = await push(otherHub, other, [op]);
    expect(res.body.results[0]).toMatchObject({ result: 'rejected', code: 'foreign_commune' });
    // Claiming to be the other commune does not help: the dossier at the hub is Tân Lập's.
    const disguised: Op = { ...op, opId: uuidv7(), seq: 2, payload: { ...stored!.rating, agencyCode: OTHER } };
    expect((await push(otherHub, other, [disguised])).body.results[0]).toMatchObject({ result: 'rejected', code: 'foreign_commune' });
    expect(await hub.backend.database.db.select().from(communeRating)).toHaveLength(1);
    await otherHub.close();
  });
});
