/**
 * The province's on-time rates (QĐ 766 indicator 2.1, src-server/admin/on-time.ts, SQL over the
 * synced snapshots) and the commune's Biểu II.06a (the rule in TypeScript over its SQLite rows)
 * agree on the same two years of demo data: pushed through the real sync protocol to PGlite and
 * to PostgreSQL, graded against the legal due date on both sides, apologies and exceptions apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Op } from '@shared/sync/protocol';
import { openCore, type Core } from '../../../src-main/core/core';
import { seedDemo } from '../../../src-main/core/demo/seed-demo';
import { findRow, toEventPayload, toSnapshot } from '../../../src-main/core/dossiers/records';
import { computeII06a } from '../../../src-main/core/reports/ii06a';
import { periodBounds } from '../../../src-main/core/reports/period';
import { createCommune } from '../../../src-server/admin/communes';
import { onTimeRates } from '../../../src-server/admin/on-time';
import { ManualClock } from '../../support/clock';
import { SAMPLE_SETUP, tempDir } from '../../support/web-host';
import { BACKENDS, enrollCounter, openBackend, push, startHub, type Backend, type Counter, type Hub } from './harness';

let core: Core;
let ops: { dossiers: Op['payload'][]; events: Op['payload'][] };

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir('motcua-agreement-'), clock: new ManualClock('2026-11-20T10:00:00+07:00') });
  await core.services.office.initialize(SAMPLE_SETUP.office, SAMPLE_SETUP.admin);
  seedDemo(core, { dossiers: 2500, seed: 17, since: '2025-01-02' });
  const ids = core.db.$client.prepare('SELECT id FROM dossier ORDER BY local_seq').all() as { id: string }[];
  const events = core.db.$client.prepare('SELECT * FROM dossier_event ORDER BY at').all() as Record<string, unknown>[];
  ops = {
    dossiers: ids.map(({ id }) => toSnapshot(core.db, findRow(core.db, { id }))),
    events: events.map((e) =>
      toEventPayload({
        id: e.id as string,
        dossierId: e.dossier_id as string,
        type: e.type as string,
        fromStatus: e.from_status as string | null,
        toStatus: e.to_status as string | null,
        at: e.at as string,
        officerId: e.officer_id as string | null,
        officerName: e.officer_name as string,
        note: e.note as string | null,
        data: e.data === null ? null : JSON.parse(e.data as string),
      }),
    ),
  };
}, 120_000);
afterAll(() => core?.close());

const MONTHS = ['2025-03', '2025-09', '2026-01', '2026-06', '2026-10', '2026-11'];

describe.each(BACKENDS)('hub on %s and the counter agree', (backendName) => {
  let backend: Backend;
  let hub: Hub;
  let counter: Counter;
  beforeAll(async () => {
    backend = await openBackend(backendName);
    hub = await startHub(backend);
    await createCommune(hub.database.db, { code: SAMPLE_SETUP.office.agencyCode, name: 'Xã Tân Lập' });
    counter = await enrollCounter(hub, SAMPLE_SETUP.office.agencyCode);
    const all: Op[] = [
      ...ops.dossiers.map((payload) => ({ opType: 'dossier.upsert' as const, entityId: (payload as { id: string }).id, payload })),
      ...ops.events.map((payload) => ({ opType: 'dossier.event' as const, entityId: (payload as { id: string }).id, payload })),
    ].map((o) => {
      counter.seq += 1;
      return { ...o, opId: uuidv7(), seq: counter.seq, deviceEpoch: counter.epoch, createdAt: '2026-11-20T03:00:00.000Z' } as Op;
    });
    for (let i = 0; i < all.length; i += 100) {
      const res = await push(hub, counter, all.slice(i, i + 100));
      expect(res.statusCode).toBe(200);
      expect(res.body.results.filter((r) => r.result !== 'applied')).toEqual([]);
    }
  }, 300_000);
  afterAll(async () => {
    await hub?.close();
    await backend?.dispose();
  });

  it.each(MONTHS)('month %s: solved, on time, late with an apology and exceptions are the same figures', async (month) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const to = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
    const report = computeII06a(core.db, `${month}-01`, to, core.clock.now()).total;
    const { start, end } = periodBounds(`${month}-01`, to);
    const [rates] = (await onTimeRates(hub.database.db, { from: start, to: end })).filter((r) => r.communeCode === SAMPLE_SETUP.office.agencyCode);
    expect(report.resolved).toBeGreaterThan(50);
    expect(rates).toMatchObject({
      finished: report.resolved,
      onTime: report.resolvedEarly + report.resolvedOnTime,
      late: report.resolvedLate,
      lateApologised: report.resolvedLateApologised,
    });
    expect(rates!.rate).toBeCloseTo((report.resolvedEarly + report.resolvedOnTime) / report.resolved, 12);
  });
});
