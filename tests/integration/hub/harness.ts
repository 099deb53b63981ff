/**
 * Shared setup for the hub integration tests: one database per backend per test file (PGlite is
 * ~790 MB and slow to start; PostgreSQL gets a fresh database), a hub app over it, and helpers
 * that speak the wire protocol the way a counter does.
 */
import { v7 as uuidv7 } from 'uuid';
import type { FastifyInstance } from 'fastify';
import type { Dossier, DossierEvent } from '@shared/dossier';
import type { EnrollResponse, Op, PushRequest, PushResponse } from '@shared/sync/protocol';
import { createCommune, issueEnrollmentCode } from '../../../src-server/admin/communes';
import { upsertAdmin } from '../../../src-server/admin/admins';
import { buildApp, type HubOptions } from '../../../src-server/app';
import { openDatabase } from '../../../src-server/db/open';
import type { HubDatabase } from '../../../src-server/db/types';
import type { Clock } from '../../../src-shared/clock';
import { runningClock } from '../../support/clock';
import { startTestPostgres } from '../../support/postgres';

export type BackendName = 'pglite' | 'postgresql';
/** Both always run; PostgreSQL failing to start fails the suite (startTestPostgres throws). */
export const BACKENDS: BackendName[] = ['pglite', 'postgresql'];

export interface Backend {
  database: HubDatabase;
  dispose(): Promise<void>;
}

export async function openBackend(name: BackendName): Promise<Backend> {
  if (name === 'pglite') {
    const database = await openDatabase({ kind: 'pglite' });
    return { database, dispose: () => database.close() };
  }
  const server = await startTestPostgres();
  const database = await openDatabase({ kind: 'postgresql', url: server.url, poolSize: 20 });
  return {
    database,
    dispose: async () => {
      await database.close();
      await server.stop();
    },
  };
}

export const ADMIN = { username: 'quantri.tinh', password: 'mat-khau-tinh-2026' };
export const adminHeaders = {
  authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`,
};

export interface Hub {
  app: FastifyInstance;
  database: HubDatabase;
  /** The hub's clock (running from TEST_INSTANT unless the test gave its own). */
  clock: Clock;
  close(): Promise<void>;
}

export async function startHub(backend: Backend, options: Partial<HubOptions> = {}): Promise<Hub> {
  await upsertAdmin(backend.database.db, ADMIN);
  const clock = options.clock ?? runningClock();
  const app = await buildApp({ database: backend.database, logger: false, ...options, clock });
  return { app, database: backend.database, clock, close: () => app.close() };
}

/** The counters' side of the wire: their own device clocks, on the tests' day. */
const deviceClock = runningClock();

let communeCounter = 0;
/** A fresh commune per test keeps tests of one file independent on the shared database. */
export async function newCommune(hub: Hub, name = 'UBND xã Quảng Phú'): Promise<{ code: string; name: string }> {
  communeCounter += 1;
  const code = `000.${String(communeCounter).padStart(2, '0')}.${String(Math.floor(Math.random() * 90) + 10)}.H56`;
  const suffix = Math.random().toString(36).slice(2, 6);
  return createCommune(hub.database.db, { code: `${code}${suffix}`.replace(/[^A-Za-z0-9.]/g, ''), name });
}

export interface Counter {
  deviceId: string;
  token: string;
  communeCode: string;
  epoch: string;
  seq: number;
  headers: { authorization: string };
}

export async function enrollCounter(hub: Hub, communeCode: string, deviceName = 'Quầy 1'): Promise<Counter> {
  const { code } = await issueEnrollmentCode(hub.database.db, communeCode, hub.clock.now());
  const res = await hub.app.inject({ method: 'POST', url: '/v1/devices/enroll', payload: { code, deviceName } });
  if (res.statusCode !== 201) throw new Error(`enroll failed: ${res.statusCode} ${res.body}`);
  const body = res.json<EnrollResponse>();
  return {
    deviceId: body.deviceId,
    token: body.token,
    communeCode,
    epoch: uuidv7(),
    seq: 0,
    headers: { authorization: `Bearer ${body.token}` },
  };
}

let dossierCounter = 0;
export function makeDossier(agencyCode: string, overrides: Partial<Dossier> = {}): Dossier {
  dossierCounter += 1;
  const n = String(dossierCounter).padStart(4, '0');
  return {
    id: uuidv7(),
    code: `${agencyCode}-261122-${n}`,
    agencyCode,
    procedureCode: '1.001193.000.00.00.H56',
    procedureName: 'Đăng ký khai sinh',
    applicant: {
      fullName: 'Nguyễn Thị Hoa',
      idNumber: '038190001234',
      birthDate: '1990-04-12',
      gender: 'female',
      address: 'Thôn Phú Lộc, xã Quảng Phú',
      phone: '0912345678',
    },
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 },
      { name: 'Giấy chứng sinh', originals: 1, copies: 0 },
    ],
    fees: [{ label: 'Lệ phí đăng ký khai sinh', amount: 0, exemptReason: 'Đăng ký đúng hạn' }],
    channel: 'direct',
    delivery: 'counter',
    status: 'received',
    receivedAt: '2026-11-22T01:30:00.000Z',
    dueAt: '2026-11-22T10:00:00.000Z',
    dueProvisional: false,
    receivedBy: 'Lê Văn Nam',
    finishedAt: null,
    returnedAt: null,
    updatedAt: '2026-11-22T01:30:00.000Z',
    ...overrides,
  };
}

export function makeEvent(dossier: Dossier, overrides: Partial<DossierEvent> = {}): DossierEvent {
  return {
    id: uuidv7(),
    dossierId: dossier.id,
    type: 'dossier.received',
    fromStatus: null,
    toStatus: 'received',
    at: '2026-11-22T01:30:00.000Z',
    officer: 'Lê Văn Nam',
    ...overrides,
  };
}

export function upsertOp(counter: Counter, dossier: Dossier): Op {
  counter.seq += 1;
  return {
    opId: uuidv7(),
    seq: counter.seq,
    deviceEpoch: counter.epoch,
    opType: 'dossier.upsert',
    entityId: dossier.id,
    payload: dossier,
    createdAt: deviceClock.now().toISOString(),
  };
}

export function eventOp(counter: Counter, event: DossierEvent): Op {
  counter.seq += 1;
  return {
    opId: uuidv7(),
    seq: counter.seq,
    deviceEpoch: counter.epoch,
    opType: 'dossier.event',
    entityId: event.id,
    payload: event,
    createdAt: deviceClock.now().toISOString(),
  };
}

export async function push(
  hub: Hub,
  counter: Counter,
  ops: Op[],
  extra: Partial<PushRequest> = {},
): Promise<{ statusCode: number; body: PushResponse }> {
  const payload: PushRequest = { deviceId: counter.deviceId, deviceEpoch: counter.epoch, ops, ...extra };
  const res = await hub.app.inject({ method: 'POST', url: '/v1/sync/push', headers: counter.headers, payload });
  return { statusCode: res.statusCode, body: res.json<PushResponse>() };
}
