/**
 * The sync simulation (ARCHITECTURE.md §9, ANCHORS.md §8.10): four counters of three communes
 * (two independent installations of commune A, desks 1 and 2) and one hub on PGlite, through a
 * fault-injecting transport. fast-check draws the scenarios from a fixed seed: receipts, local
 * lifecycle steps, passes (alone and concurrent), the hub going down and up, province status
 * changes, counters killed before pushing, backups taken and restored with a new device epoch,
 * and device clocks off by up to ±3 days. After a final fault-free pass the invariants must hold.
 */
import fc from 'fast-check';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runningClock } from '../support/clock';
import { commune, dossier as hubDossier } from '../../src-server/db/schema';
import { openBackend, type Backend } from '../integration/hub/harness';
import { receiveInput, startLiveHub, type LiveHub } from '../integration/sync/support';
import { checkInvariants } from './invariants';
import { closeAll, createCounter, SIM_DAY, killAndReopen, restoreSnapshot, takeSnapshot, type SimCounter } from './world';

type Action =
  | { t: 'receive'; c: number }
  | { t: 'act'; c: number; k: number }
  | { t: 'sync'; c: number }
  | { t: 'syncConcurrently' }
  | { t: 'hubDown' }
  | { t: 'hubUp' }
  | { t: 'provinceStatus'; k: number; status: 'processing' | 'result_ready' | 'awaiting_supplement' }
  | { t: 'kill'; c: number }
  | { t: 'snapshot'; c: number }
  | { t: 'restore'; c: number };

const counterIdx = fc.nat(3);
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('receive' as const), c: counterIdx }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('act' as const), c: counterIdx, k: fc.nat(20) }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('sync' as const), c: counterIdx }) },
  { weight: 2, arbitrary: fc.constant({ t: 'syncConcurrently' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'hubDown' as const }) },
  { weight: 2, arbitrary: fc.constant({ t: 'hubUp' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('provinceStatus' as const),
      k: fc.nat(50),
      status: fc.constantFrom('processing' as const, 'result_ready' as const, 'awaiting_supplement' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('kill' as const), c: counterIdx }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('snapshot' as const), c: counterIdx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restore' as const), c: counterIdx }) },
);
const scenarioArb = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  skews: fc.array(fc.integer({ min: -3 * 86_400, max: 3 * 86_400 }), { minLength: 4, maxLength: 4 }),
  actions: fc.array(actionArb, { minLength: 14, maxLength: 24 }),
});

const NAMES = ['Nguyễn Thị Hồng Đào', 'Đỗ Đức Dũng', 'Trần Văn Bình', 'Lê Thị Thu Hà', 'Phạm Minh Tuấn', 'Hoàng Văn Nam'];

let backend: Backend;
let hub: LiveHub;
let scenarioNo = 0;
const totals = { scenarios: 0, receipts: 0, requests: 0, faults: 0, restores: 0, kills: 0 };

beforeAll(async () => {
  backend = await openBackend('pglite');
  hub = await startLiveHub(backend, { clock: runningClock(SIM_DAY) });
});
afterAll(async () => {
  await hub?.down();
  await backend?.dispose();
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

async function runScenario(s: Scenario): Promise<void> {
  scenarioNo += 1;
  const agencies = ['A', 'B', 'C'].map((x) => `S${scenarioNo}.${x}.H56`);
  for (const code of agencies) await backend.database.db.insert(commune).values({ code, name: `UBND xã mô phỏng ${code}` });
  await hub.up();
  const specs = [
    { name: 'A/quầy 1', agency: agencies[0]!, desk: 1 },
    { name: 'A/quầy 2', agency: agencies[0]!, desk: 2 },
    { name: 'B', agency: agencies[1]!, desk: 1 },
    { name: 'C', agency: agencies[2]!, desk: 1 },
  ];
  const counters: SimCounter[] = [];
  for (const [i, spec] of specs.entries()) {
    counters.push(await createCounter(hub, { ...spec, skewSeconds: s.skews[i]!, seed: s.seed + i }));
  }
  try {
    for (const action of s.actions) await step(counters, agencies, action);

    // Convergence: the network heals, the hub is up, every counter makes two clean passes.
    await hub.up();
    for (const c of counters) c.transport.faultRate = 0;
    for (let round = 0; round < 2; round++) for (const c of counters) await c.core.services.sync.syncNow();

    const problems = await checkInvariants(hub, counters);
    expect(problems).toEqual([]);
    totals.scenarios += 1;
    for (const c of counters) {
      totals.receipts += c.received.size;
      totals.requests += c.transport.stats.requests;
      totals.faults += c.transport.stats.requests - c.transport.stats.faults.none;
    }
  } finally {
    closeAll(counters);
  }
}

async function step(counters: SimCounter[], agencies: string[], a: Action): Promise<void> {
  switch (a.t) {
    case 'receive': {
      const c = counters[a.c]!;
      const res = await c.core.dispatch('dossiers.receive', receiveInput(NAMES[c.received.size % NAMES.length]!), { token: c.admin });
      if (!res.ok) throw new Error(`receive failed: ${res.error.message}`);
      const id = (res.result as { id: string }).id;
      c.received.add(id);
      c.sinceSnapshot.add(id);
      return;
    }
    case 'act': {
      const c = counters[a.c]!;
      const ids = [...c.received].filter((id) => !c.discarded.has(id));
      if (!ids.length) return;
      const id = ids[a.k % ids.length]!;
      const detail = await c.core.dispatch('dossiers.get', { id }, { token: c.admin });
      if (!detail.ok) throw new Error(`get failed: ${detail.error.message}`);
      const actions = (detail.result as { allowedActions: string[] }).allowedActions.filter((x) => x !== 'extend');
      if (!actions.length) return;
      const res = await c.core.dispatch('dossiers.act', { id, action: actions[a.k % actions.length], collectedBy: 'Nguyễn Văn An' }, { token: c.admin });
      // A refused step (e.g. a required note) changes nothing and writes no op: not a sync concern.
      if (!res.ok && res.error.code === 'INTERNAL') throw new Error(`act crashed: ${res.error.message}`);
      return;
    }
    case 'sync':
      await counters[a.c]!.core.services.sync.syncNow();
      return;
    case 'syncConcurrently':
      // Both installations of commune A, plus B, at the same time.
      await Promise.all([0, 1, 2].map((i) => counters[i]!.core.services.sync.syncNow()));
      return;
    case 'hubDown':
      await hub.down();
      return;
    case 'hubUp':
      await hub.up();
      return;
    case 'provinceStatus': {
      if (!hub.isUp()) return;
      const rows = await backend.database.db.select({ id: hubDossier.id }).from(hubDossier).where(inArray(hubDossier.communeCode, agencies)).orderBy(hubDossier.code);
      if (!rows.length) return;
      const target = rows[a.k % rows.length]!;
      const res = await hub.admin('POST', `/v1/admin/dossiers/${target.id}/status`, { status: a.status, officer: 'Vũ Thị Mai' });
      if (res.status !== 200) throw new Error(`status change failed: ${JSON.stringify(res.body)}`);
      return;
    }
    case 'kill':
      totals.kills += 1;
      await killAndReopen(counters[a.c]!);
      return;
    case 'snapshot':
      takeSnapshot(counters[a.c]!);
      return;
    case 'restore': {
      const withCopy = counters.filter((c) => c.snapshot);
      if (!withCopy.length) return;
      totals.restores += 1;
      await restoreSnapshot(withCopy[a.c % withCopy.length]!);
      return;
    }
  }
}

describe('sync simulation with faults', () => {
  it('keeps exactly-once, convergence, unique codes and no silent loss across drawn scenarios', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, runScenario), { seed: 20261122, numRuns: 8, endOnFailure: true });
    console.log(`sim: ${JSON.stringify(totals)}`);
    expect(totals.scenarios).toBe(8);
    expect(totals.faults).toBeGreaterThan(0);
    expect(totals.restores).toBeGreaterThan(0);
    expect(totals.kills).toBeGreaterThan(0);
  }, 300_000);
});
