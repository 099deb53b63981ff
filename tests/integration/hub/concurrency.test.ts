/**
 * Races that only real PostgreSQL can show (PGlite runs one transaction at a time): parallel,
 * overlapping, retried pushes from several desks, province writes into the same feeds, and
 * readers pulling while the writers commit.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema, type Op, type PushResult } from '@shared/sync/protocol';
import { adminHeaders, enrollCounter, eventOp, hubForTests, makeDossier, makeEvent, newCommune, push, upsertOp, type Counter, type Hub } from './harness';

async function rows<T>(hub: Hub, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await hub.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe('hub on postgresql: concurrency', () => {
  const { hub } = hubForTests('postgresql', { rateLimit: { max: 1_000_000, pushMax: 1_000_000, timeWindowMs: 60_000 } });

  it('applies each op exactly once under parallel overlapping retries, with gap-free feeds in commit order', async () => {
    const communeA = await newCommune(hub, 'UBND xã Quảng Phú');
    const communeB = await newCommune(hub, 'UBND xã Quảng Yên');
    const desks: Counter[] = [
      await enrollCounter(hub, communeA.code, 'A1'),
      await enrollCounter(hub, communeA.code, 'A2'),
      await enrollCounter(hub, communeA.code, 'A3'),
      await enrollCounter(hub, communeB.code, 'B1'),
      await enrollCounter(hub, communeB.code, 'B2'),
    ];

    // Dossiers the province will process while the counters push.
    const processed = Array.from({ length: 24 }, () => makeDossier(communeA.code, { status: 'transferred' }));
    const seedDesk = desks[0]!;
    for (let i = 0; i < processed.length; i += 12) {
      await push(hub, seedDesk, processed.slice(i, i + 12).map((d) => upsertOp(seedDesk, d)));
    }

    // Each desk: 15 dossiers, each followed by its event = 30 ops, in windows of 10 overlapping by 5,
    // every window sent three times at once (a counter retrying after timeouts).
    const opsByDesk = new Map<Counter, Op[]>();
    for (const desk of desks) {
      const ops: Op[] = [];
      for (let i = 0; i < 15; i++) {
        const d = makeDossier(desk.communeCode);
        ops.push(upsertOp(desk, d), eventOp(desk, makeEvent(d)));
      }
      opsByDesk.set(desk, ops);
    }
    const pushes: Promise<{ statusCode: number; body: { results: PushResult[] } }>[] = [];
    for (const [desk, ops] of opsByDesk) {
      for (let start = 0; start < ops.length; start += 5) {
        const window = ops.slice(start, start + 10);
        for (let copy = 0; copy < 3; copy++) pushes.push(push(hub, desk, window));
      }
    }

    const provinceWrites = [
      ...processed.map((d, i) =>
        hub.app.inject({
          method: 'POST',
          url: `/v1/admin/dossiers/${d.id}/status`,
          headers: adminHeaders,
          payload: { status: i % 2 ? 'processing' : 'result_ready', officer: 'Phạm Thị Thu' },
        }),
      ),
      ...Array.from({ length: 16 }, (_, i) =>
        hub.app.inject({
          method: 'POST',
          url: '/v1/admin/publications',
          headers: adminHeaders,
          payload: { kind: 'catalog', version: `v${i}`, data: { n: i } },
        }),
      ),
    ];

    // Readers pull in small pages while everything above commits.
    let writing = true;
    const reader = async (scope: string): Promise<number[]> => {
      const seen: number[] = [];
      let cursor = 0;
      for (;;) {
        const stillWriting = writing;
        const res = await hub.app.inject({
          method: 'GET',
          url: `/v1/sync/pull?scope=${scope}&after=${cursor}&limit=3`,
          headers: seedDesk.headers,
        });
        const page = pullResponseSchema.parse(res.json());
        seen.push(...page.changes.map((c) => c.seq));
        cursor = page.cursor;
        if (!stillWriting && !page.hasMore) return seen;
      }
    };
    const readers = Promise.all([reader(`commune:${communeA.code}`), reader('province')]);

    const pushed = await Promise.all(pushes);
    const provinceResults = await Promise.all(provinceWrites);
    writing = false;
    const [communeSeen, provinceSeen] = await readers;

    expect(pushed.every((p) => p.statusCode === 200)).toBe(true);
    expect(provinceResults.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);

    const answers = new Map<string, string[]>();
    const record = (results: PushResult[]) => {
      for (const r of results) answers.set(r.opId, [...(answers.get(r.opId) ?? []), r.result]);
    };
    for (const { body } of pushed) record(body.results);

    // An event racing ahead of its dossier (another window still applying it) is deferred, as a
    // counter would see; like a counter, resend what was only ever deferred until it settles.
    for (let round = 0; round < 5; round++) {
      for (const [desk, ops] of opsByDesk) {
        const unsettled = ops.filter((op) => answers.get(op.opId)!.every((r) => r === 'retry_later'));
        if (unsettled.length > 0) record((await push(hub, desk, unsettled)).body.results);
      }
    }

    // Exactly one "applied" per op; every other copy a duplicate or a deferral; nothing rejected or lost.
    const allOps = [...opsByDesk.values()].flat();
    expect(answers.size).toBe(allOps.length);
    for (const op of allOps) {
      const got = answers.get(op.opId)!;
      expect(got.filter((r) => r === 'applied'), `${op.opType} #${op.seq}: ${got.join(', ')}`).toHaveLength(1);
      expect(got.filter((r) => r === 'rejected'), op.opId).toEqual([]);
    }
    const opIds = allOps.map((o) => `'${o.opId}'`).join(',');
    const [stored] = await rows<{ n: number }>(hub, sql.raw(`select count(*)::int as n from applied_op where op_id in (${opIds})`));
    expect(stored!.n).toBe(allOps.length);
    const eventIds = allOps.filter((o) => o.opType === 'dossier.event').map((o) => `'${o.entityId}'`).join(',');
    const [events] = await rows<{ n: number }>(hub, sql.raw(`select count(*)::int as n from dossier_event where id in (${eventIds})`));
    expect(events!.n).toBe(allOps.length / 2);

    // Every scope's seqs are 1..n without a gap, and the readers saw them all, in order.
    const feeds = await rows<{ scope: string; n: number; max: number; counter: number }>(
      hub,
      sql`select f.scope, count(*)::int as n, max(f.seq)::int as max, c.seq::int as counter
          from change_feed f join feed_counter c on c.scope = f.scope group by f.scope, c.seq`,
    );
    for (const feed of feeds) expect(feed, feed.scope).toMatchObject({ n: feed.max, counter: feed.max });
    const communeFeed = feeds.find((f) => f.scope === `commune:${communeA.code}`)!;
    expect(communeFeed.n).toBe(processed.length);
    expect(communeSeen).toEqual(Array.from({ length: communeFeed.n }, (_, i) => i + 1));
    const provinceFeed = feeds.find((f) => f.scope === 'province')!;
    expect(provinceSeen).toEqual(Array.from({ length: provinceFeed.n }, (_, i) => i + 1));

    // The export feed numbers every dossier and event write once: no two records share a seq.
    const [exportSeqs] = await rows<{ n: number; distinct: number }>(
      hub,
      sql`select count(*)::int as n, count(distinct s)::int as distinct from
          (select export_seq as s from dossier union all select export_seq from dossier_event) x`,
    );
    expect(exportSeqs!.distinct).toBe(exportSeqs!.n);
  });

  it('lets exactly one of two desks racing for the same dossier code win; the other is rejected', async () => {
    const commune = await newCommune(hub);
    const desk1 = await enrollCounter(hub, commune.code, 'Quầy 1');
    const desk2 = await enrollCounter(hub, commune.code, 'Quầy 2');
    const pairs = Array.from({ length: 12 }, () => {
      const first = makeDossier(commune.code);
      return [first, makeDossier(commune.code, { code: first.code })] as const;
    });
    const results = await Promise.all(
      pairs.flatMap(([a, b]) => [push(hub, desk1, [upsertOp(desk1, a)]), push(hub, desk2, [upsertOp(desk2, b)])]),
    );
    for (let i = 0; i < pairs.length; i++) {
      const outcome = [results[2 * i]!.body.results[0]!, results[2 * i + 1]!.body.results[0]!];
      expect(outcome.map((r) => r.result).sort()).toEqual(['applied', 'rejected']);
      expect(outcome.find((r) => r.result === 'rejected')!.code).toBe('duplicate_code');
    }
    const codes = pairs.map(([a]) => `'${a.code}'`).join(',');
    const [count] = await rows<{ n: number }>(hub, sql.raw(`select count(*)::int as n from dossier where code in (${codes})`));
    expect(count!.n).toBe(pairs.length);
  });
});
