/**
 * Exactly-once under real concurrency: PGlite runs one transaction at a time, so races between
 * devices only show on PostgreSQL. Six counters (three communes, two installations each) push at
 * the same time through a transport that duplicates, replays and loses responses; the hub must
 * end with every dossier and event once.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runningClock } from '../support/clock';
import { commune, dossier as hubDossier } from '../../src-server/db/schema';
import { openBackend, type Backend } from '../integration/hub/harness';
import { receiveInput, startLiveHub, type LiveHub } from '../integration/sync/support';
import { checkInvariants } from './invariants';
import { closeAll, createCounter, SIM_DAY, type SimCounter } from './world';

const PER_COUNTER = 8;
let backend: Backend;
let hub: LiveHub;
const counters: SimCounter[] = [];

beforeAll(async () => {
  backend = await openBackend('postgresql');
  hub = await startLiveHub(backend, { clock: runningClock(SIM_DAY) });
  const agencies = ['P.A.H56', 'P.B.H56', 'P.C.H56'];
  for (const code of agencies) await backend.database.db.insert(commune).values({ code, name: `UBND xã ${code}` });
  let seed = 7;
  for (const agency of agencies) {
    for (const desk of [1, 2]) counters.push(await createCounter(hub, { name: `${agency}/quầy ${desk}`, agency, desk, skewSeconds: 0, seed: seed++ }));
  }
});
afterAll(async () => {
  closeAll(counters);
  await hub?.down();
  await backend?.dispose();
});

describe('several counters pushing at once to a hub on PostgreSQL', () => {
  it('applies every op exactly once despite duplicated, replayed and lost exchanges', async () => {
    for (const c of counters) {
      for (let i = 0; i < PER_COUNTER; i++) {
        const res = await c.core.dispatch('dossiers.receive', receiveInput(`Công dân ${i + 1}`), { token: c.admin });
        if (!res.ok) throw new Error(res.error.message);
        c.received.add((res.result as { id: string }).id);
      }
      c.transport.faultRate = 0.6;
    }
    // Three concurrent rounds with faults, each counter's passes overlapping the others'.
    for (let round = 0; round < 3; round++) await Promise.all(counters.map((c) => c.core.services.sync.syncNow()));
    for (const c of counters) c.transport.faultRate = 0;
    await Promise.all(counters.map((c) => c.core.services.sync.syncNow()));

    expect(await checkInvariants(hub, counters)).toEqual([]);
    const [{ n }] = await backend.database.db.select({ n: sql<number>`count(*)::int` }).from(hubDossier);
    expect(n).toBe(counters.length * PER_COUNTER);
    const duplicatesSent = counters.reduce((s, c) => s + c.transport.stats.faults.duplicate + c.transport.stats.faults.lose_response, 0);
    expect(duplicatesSent).toBeGreaterThan(0);
  });
});
