/**
 * Legal core: computeDue as a pure function (goal p95 < 0.2 ms) and the procedure type-ahead
 * through the real HTTP RPC of a browser host (goal p95 < 10 ms).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCalendar } from '@shared/domain/calendar/load';
import { computeDue, DEADLINE_UNITS } from '@shared/domain/deadline';
import { openCore } from '../src-main/core/core';
import { APP_ROOT } from '../src-main/core/paths';
import { createWebServer } from '../src-main/web/server';
import { printTable, sample, summarise, writeResults } from './stats';
import { tmpDataDir, BENCH_SETUP } from './support';

export async function runLegalBench() {
  const calendar = loadCalendar(JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'assets/seed/calendar-vn.json'), 'utf8')));
  const start = new Date('2026-01-05T00:00:00Z').getTime();
  const cases = Array.from({ length: 20_000 }, (_, i) => ({
    receivedAt: new Date(start + ((i * 7_919_113) % (300 * 86_400_000))),
    unit: DEADLINE_UNITS[i % DEADLINE_UNITS.length]!,
    amount: 1 + (i % 10),
    cutoff15: i % 3 === 0,
  }));
  for (const c of cases.slice(0, 2000)) computeDue({ ...c, calendar }); // warm the per-year index
  const due = summarise(await sample(cases.length, (i) => computeDue({ ...cases[i]!, calendar })));

  const core = await openCore({ dataDir: tmpDataDir('legal') });
  const app = await createWebServer({ core });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  await core.dispatch('setup.initialize', BENCH_SETUP, { token: null });
  const login = await core.dispatch('auth.login', { username: BENCH_SETUP.admin.username, password: BENCH_SETUP.admin.password }, { token: null });
  const token = (login as { result: { token: string } }).result.token;
  const queries = ['chung thuc', 'khai sinh', 'ket hon', 'ho kinh doanh', '2.000815', 'đăng ký tạm trú', 'trich luc', 'dat dai', 'ban sao', 'giam ho'];
  const typeahead = async (q: string) => {
    const res = await fetch(`${url}/api/rpc/catalog.search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: q, limit: 20 }),
    });
    await res.json();
  };
  for (let i = 0; i < 50; i++) await typeahead(queries[i % queries.length]!);
  // Each keystroke is a request: prefixes of every query, as an officer types them.
  const keystrokes = queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
  const ta = summarise(await sample(keystrokes.length * 5, (i) => typeahead(keystrokes[i % keystrokes.length]!)));
  await app.close();
  core.close();

  printTable('Legal core', [
    { measure: `computeDue (pure, ${due.n} mixed cases)`, median: due.median, p95: due.p95, goal: 'p95 < 0.2 ms' },
    { measure: `catalog type-ahead over HTTP RPC (${ta.n} keystrokes)`, median: ta.median, p95: ta.p95, goal: 'p95 < 10 ms' },
  ]);
  return writeResults('legal', { computeDue: due, catalogTypeahead: ta });
}
