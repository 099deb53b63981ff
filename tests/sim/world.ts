/**
 * The simulated province: counters (real cores on real SQLite files, each with its own skewed
 * ManualClock and fault-injecting transport) and one hub in-process. Counters can be killed and
 * reopened from their files, or restored from an earlier copy with a new device epoch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openCore, type Core } from '../../src-main/core/core';
import { ManualClock } from '../support/clock';
import { SAMPLE_SETUP, tempDir } from '../support/web-host';
import { enrollmentCode, initCounter, rpcOk, type LiveHub } from '../integration/sync/support';
import { FaultyTransport } from './fault-transport';

export interface SimCounter {
  name: string;
  agency: string;
  desk: number;
  dir: string;
  clock: ManualClock;
  transport: FaultyTransport;
  core: Core;
  admin: string;
  snapshot: string | null;
  restored: boolean;
  /** Dossier ids received since the last snapshot: a restore discards them locally. */
  sinceSnapshot: Set<string>;
  received: Set<string>;
  discarded: Set<string>;
}

const silent = { error: () => undefined };

/** The simulated working day: the hub runs from it (sim tests start it so), counters are skewed around it. */
export const SIM_DAY = '2026-11-23T09:00:00+07:00';

async function open(c: Pick<SimCounter, 'dir' | 'clock' | 'transport'>): Promise<Core> {
  return openCore({ dataDir: c.dir, clock: c.clock, log: silent, sync: { fetch: c.transport.fetch, random: () => 0.5 } });
}

async function login(core: Core): Promise<string> {
  const res = await core.dispatch('auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password }, { token: null });
  if (!res.ok) throw new Error('login failed');
  return (res.result as { token: string }).token;
}

export async function createCounter(
  hub: LiveHub,
  spec: { name: string; agency: string; desk: number; skewSeconds: number; seed: number },
): Promise<SimCounter> {
  const clock = new ManualClock(new Date(Date.parse(SIM_DAY) + spec.skewSeconds * 1000).toISOString());
  const transport = new FaultyTransport(spec.seed);
  const dir = tempDir('motcua-sim-');
  const core = await open({ dir, clock, transport });
  const { admin } = await initCounter(core, spec.agency, spec.desk);
  transport.faultRate = 0; // enrollment is a one-time, attended step
  await rpcOk(core, admin, 'sync.enroll', { hubUrl: hub.url, code: await enrollmentCode(hub, spec.agency) });
  transport.faultRate = 0.35;
  return { ...spec, dir, clock, transport, core, admin, snapshot: null, restored: false, sinceSnapshot: new Set(), received: new Set(), discarded: new Set() };
}

/** Killed between a local commit and its push: closed without syncing, reopened from the files. */
export async function killAndReopen(c: SimCounter): Promise<void> {
  c.core.close();
  c.core = await open(c);
  c.admin = await login(c.core);
}

export function takeSnapshot(c: SimCounter): void {
  const file = path.join(c.dir, `snapshot-${Date.now()}-${Math.random().toString(36).slice(2)}.sqlite`);
  c.core.db.$client.prepare('VACUUM INTO ?').run(file);
  c.snapshot = file;
  c.sinceSnapshot = new Set();
}

/** A backup restored: the database goes back to the copy, and the device epoch is renewed. */
export async function restoreSnapshot(c: SimCounter): Promise<void> {
  if (!c.snapshot) return;
  c.core.close();
  const db = path.join(c.dir, 'motcua.sqlite');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(c.snapshot, db);
  c.core = await open(c);
  c.core.db.$client.prepare("UPDATE sync_meta SET value = ? WHERE key = 'device_epoch'").run(JSON.stringify(uuidv7()));
  c.admin = await login(c.core);
  c.restored = true;
  for (const id of c.sinceSnapshot) c.discarded.add(id);
  c.sinceSnapshot = new Set();
}

export function closeAll(counters: SimCounter[]): void {
  for (const c of counters) c.core.close();
}
