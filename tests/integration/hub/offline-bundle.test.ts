/**
 * A USB bundle of pending work reaches the province through the same idempotent path as a push:
 * signed by its device, the key pinned on first import, each op applied once however often the
 * file is carried in or the same ops arrive online.
 */
import { generateKeyPairSync } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleBody } from '@shared/sync/offline-bundle';
import { signBundle } from '../../../src-main/core/backup/offline-bundle';
import { appliedOp, dossier } from '../../../src-server/db/schema';
import { adminHeaders, enrollCounter, eventOp, hubForTests, makeDossier, makeEvent, newCommune, push, upsertOp, type Counter } from './harness';

const { hub } = hubForTests('pglite');
let counter: Counter;
let communeCode: string;

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

function bundleFor(ops: ReturnType<typeof upsertOp>[], key: { publicKey: string; privateKey: string }) {
  const body: BundleBody = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    deviceId: counter.deviceId,
    deviceEpoch: counter.epoch,
    publicKey: key.publicKey,
    agencyCode: communeCode,
    createdAt: '2026-11-22T08:00:00.000Z',
    ops: ops.map((o) => ({ seq: o.seq, opId: o.opId, deviceEpoch: o.deviceEpoch, opType: o.opType, entityId: o.entityId, payload: o.payload, createdAt: o.createdAt })),
  };
  return signBundle(body, key.privateKey);
}

const importBundle = (payload: unknown) =>
  hub.app.inject({ method: 'POST', url: '/v1/admin/offline-bundles', headers: adminHeaders, payload: payload as object });
const dossierCount = async () => (await hub.database.db.select({ n: count() }).from(dossier).where(eq(dossier.communeCode, communeCode)))[0]!.n;

beforeAll(async () => {
  communeCode = (await newCommune(hub)).code;
  counter = await enrollCounter(hub, communeCode);
});

describe('importing an offline bundle at the hub', () => {
  const key = keyPair();
  const d = () => makeDossier(communeCode, { code: `${communeCode}-261122-0042` });

  it('applies the ops, pins the device key, and answers duplicate when the same file comes again', async () => {
    const dos = d();
    const ops = [upsertOp(counter, dos), eventOp(counter, makeEvent(dos))];
    const file = bundleFor(ops, key);
    const first = await importBundle(file);
    expect(first.statusCode).toBe(200);
    expect(first.json().summary).toEqual({ applied: 2, duplicate: 0, rejected: 0, retry_later: 0 });
    expect(first.json().fingerprint).toMatch(/^[0-9a-f]{32}$/);

    const again = await importBundle(file);
    expect(again.json().summary).toEqual({ applied: 0, duplicate: 2, rejected: 0, retry_later: 0 });
    const online = await push(hub, counter, ops);
    expect(online.body.results.map((r) => r.result)).toEqual(['duplicate', 'duplicate']);
    expect(await dossierCount()).toBe(1);
    const applied = await hub.database.db.select({ n: count() }).from(appliedOp).where(eq(appliedOp.deviceId, counter.deviceId));
    expect(applied[0]!.n).toBe(2);
  });

  it('refuses an edited file and a file signed with another key, writing nothing', async () => {
    const before = await dossierCount();
    const other = makeDossier(communeCode);
    const file = bundleFor([upsertOp(counter, other)], key);
    const edited = structuredClone(file);
    (edited.body.ops[0]!.payload as { applicant: { fullName: string } }).applicant.fullName = 'Người khác';
    const tampered = await importBundle(edited);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().error.message).toMatch(/Chữ ký/);

    const stranger = await importBundle(bundleFor([upsertOp(counter, other)], keyPair()));
    expect(stranger.statusCode).toBe(409);
    expect(await dossierCount()).toBe(before);
  });

  it('needs an administrator', async () => {
    const res = await hub.app.inject({ method: 'POST', url: '/v1/admin/offline-bundles', payload: bundleFor([], key) });
    expect(res.statusCode).toBe(401);
  });
});
