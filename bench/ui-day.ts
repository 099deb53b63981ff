/**
 * The officer's day at a big counter, in the real UI (part of `npm run bench -- ui`): Chromium
 * driving browser hosts over seeded data folders (bench/seeded.ts), a big one (BENCH_DOSSIERS,
 * default 1,000,000) and a named baseline beside it in the same run.
 *
 * - Procedure picker: a keystroke in Tiếp nhận's "Thủ tục hành chính" to the list painted
 *   (goal p95 ≤ 100 ms); baseline: the same keys at the small counter.
 * - Hồ sơ search: a keystroke in the search box to its results painted, the list's debounce
 *   (SEARCH_DEBOUNCE_MS, src-renderer/screens/dossiers/search-debounce.ts) included (goal p95 ≤
 *   150 ms); baseline: the same keys at BASELINE_DOSSIERS dossiers.
 * - Cold start: from spawning the host process to the sign-in form taking a typed letter (goal
 *   ≤ 3 s); baseline: an office with no dossiers. The first start of a day also makes the day's
 *   backup copy; it is reported apart.
 * - Renderer heap: the page's JS heap after forced GC (CDP HeapProfiler.collectGarbage, then
 *   Runtime.getHeapUsage) before the first receipt and after HEAP_RECEIPTS receipts (goal: growth
 *   ≤ 20 %). Each receipt is a full F9 (fill, receive, preview, close), timed as F9 → preview.
 *
 * "Painted" is measured in the page: from the key event's timestamp, every DOM change schedules a
 * requestAnimationFrame, and the figure is the frame after the last change the key caused (the
 * list, the loading marks of the select or table going off). The key is done when nothing has
 * changed for QUIET_MS, well above the debounce and the answers seen.
 *
 * Quick runs: BENCH_DOSSIERS (size), BENCH_HEAP_RECEIPTS (200), BENCH_STARTS (cold starts per
 * size after the first, 5), BENCH_KEY_ROUNDS (rounds of the typed words, 2).
 */
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import { SEARCH_DEBOUNCE_MS } from '../src-renderer/screens/dossiers/search-debounce';
import { cachedSeededDir, seedCounter } from './seeded';
import { summarise, type Row, type Summary } from './stats';
import { BENCH_SETUP, startBenchHost, tmpDataDir, type BenchHost } from './support';

const BASELINE_DOSSIERS = 10_000;
const QUIET_MS = 700;

/**
 * In-page watcher of one keystroke (plain JavaScript, as the page runs it; see WATCH_F9 in ui.ts).
 * Mutations inside the typed-into input itself are its echo, not the answer, and are ignored.
 */
const WATCH_KEY = `window.benchKey = new Promise((resolve) => {
  let keyAt = null, painted = null, quiet = null;
  const input = document.activeElement;
  function onKey(e) { if (keyAt === null) keyAt = e.timeStamp; }
  window.addEventListener('keydown', onKey, true);
  function finish() {
    observer.disconnect();
    window.removeEventListener('keydown', onKey, true);
    resolve(painted === null || keyAt === null ? null : painted - keyAt);
  }
  const giveUp = setTimeout(finish, 15000);
  const observer = new MutationObserver((records) => {
    if (keyAt === null || records.every((r) => r.target === input)) return;
    requestAnimationFrame(() => {
      painted = performance.now();
      clearTimeout(quiet);
      quiet = setTimeout(() => { clearTimeout(giveUp); finish(); }, ${QUIET_MS});
    });
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
});
'watching'`;

/** Types `text` one key at a time into the focused field, timing each key to its answer painted. */
async function timeKeys(page: Page, text: string): Promise<number[]> {
  const out: number[] = [];
  for (const ch of text) {
    await page.evaluate(WATCH_KEY);
    await page.keyboard.type(ch);
    const ms = await page.evaluate(() => (window as unknown as { benchKey: Promise<number | null> }).benchKey);
    if (ms !== null) out.push(ms);
  }
  return out;
}

/** Empties the focused field and waits for the screen to settle (not timed). */
async function clearField(page: Page): Promise<void> {
  await page.evaluate(WATCH_KEY);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.evaluate(() => (window as unknown as { benchKey: Promise<number | null> }).benchKey);
}

async function rpc(url: string, name: string, input: unknown): Promise<any> {
  const res = await fetch(`${url}/api/rpc/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; result?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.result;
}

interface Desk {
  host: BenchHost;
  page: Page;
}

async function openDesk(browser: Browser, host: BenchHost): Promise<Desk> {
  const { token } = await rpc(host.url, 'auth.login', { username: BENCH_SETUP.admin.username, password: BENCH_SETUP.admin.password });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await context.addInitScript((t) => {
    if (window === window.top) sessionStorage.setItem('motcua.token', t);
  }, token as string);
  const page = await context.newPage();
  page.on('crash', () => console.error(`  the page at ${host.url} crashed`));
  await page.goto(host.url);
  await page.getByTestId('home').waitFor();
  return { host, page };
}

const PICKER_WORDS = ['dang ky khai tu', 'chung thuc ban sao', 'khai sinh'];
const SEARCH_WORDS = ['nguyen van', 'tran thi', 'le thi hong', 'pham minh'];

async function pickerKeys({ page }: Desk): Promise<number[]> {
  await page.keyboard.press('F2');
  const picker = page.getByTestId('intake').getByRole('combobox', { name: 'Thủ tục hành chính' });
  await picker.click();
  const out: number[] = [];
  for (const word of PICKER_WORDS) {
    out.push(...(await timeKeys(page, word)));
    await clearField(page);
  }
  await page.keyboard.press('Escape');
  return out;
}

async function searchKeys({ page }: Desk): Promise<number[]> {
  await page.keyboard.press('F3');
  await page.getByTestId('dossier-search').waitFor();
  await page.getByTestId('dossier-search').focus();
  const out: number[] = [];
  for (const word of SEARCH_WORDS) {
    out.push(...(await timeKeys(page, word)));
    await clearField(page);
  }
  return out;
}

/** Spawn → the sign-in form takes a typed letter, in ms. */
async function coldStart(browser: Browser, dataDir: string): Promise<number> {
  const t0 = performance.now();
  const host = await startBenchHost(dataDir);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    const username = page.getByLabel('Tên đăng nhập');
    await username.fill('q', { timeout: 60_000 });
    if ((await username.inputValue()) !== 'q') throw new Error('the sign-in form did not take the typed letter');
    return performance.now() - t0;
  } finally {
    await context.close();
    await host.stop();
  }
}

async function heapUsedMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

export interface DayResult {
  rows: Row[];
  data: Record<string, unknown>;
}

/**
 * `receipt(page, i)` is one full receipt with F9 timed (ui.ts's f9ToPreview), reused here so the
 * big counter's F9 is measured the same way as the side-by-side one.
 */
export async function runOfficerDay(browser: Browser, receipt: (page: Page, i: number) => Promise<Record<string, number | null>>): Promise<DayResult> {
  const size = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
  const heapReceipts = Number(process.env.BENCH_HEAP_RECEIPTS ?? 200);
  const bigDir = await cachedSeededDir(size, 'ui-big');
  const smallDir = await cachedSeededDir(Math.min(BASELINE_DOSSIERS, size), 'ui-small');
  const emptyDir = tmpDataDir('ui-empty');
  await seedCounter(emptyDir, 0);

  console.log('  cold starts…');
  // Cold starts, alternating big and empty. The first start at each makes the day's backup.
  const firstStart = { big: await coldStart(browser, bigDir), empty: await coldStart(browser, emptyDir) };
  const starts = { big: [] as number[], empty: [] as number[] };
  for (let i = 0; i < Number(process.env.BENCH_STARTS ?? 5); i++) {
    starts.big.push(await coldStart(browser, bigDir));
    starts.empty.push(await coldStart(browser, emptyDir));
  }

  const big = await openDesk(browser, await startBenchHost(bigDir));
  const small = await openDesk(browser, await startBenchHost(smallDir));
  try {
    const picker = { big: [] as number[], small: [] as number[] };
    const search = { big: [] as number[], small: [] as number[] };
    console.log('  picker and search keystrokes…');
    for (let round = 0; round < Number(process.env.BENCH_KEY_ROUNDS ?? 2); round++) {
      picker.big.push(...(await pickerKeys(big)));
      picker.small.push(...(await pickerKeys(small)));
      search.big.push(...(await searchKeys(big)));
      search.small.push(...(await searchKeys(small)));
    }

    // The renderer's heap over a day of receipts at the big counter.
    await big.page.keyboard.press('F2');
    await big.page.getByTestId('intake').waitFor();
    const heapBefore = await heapUsedMb(big.page);
    const f9: number[] = [];
    for (let i = 0; i < heapReceipts; i++) {
      const figures = await receipt(big.page, i);
      if (figures.shown !== null && figures.shown !== undefined) f9.push(figures.shown);
      if ((i + 1) % 50 === 0) console.log(`  receipts ${i + 1}/${heapReceipts}`);
    }
    const heapAfter = await heapUsedMb(big.page);
    const growth = (heapAfter - heapBefore) / heapBefore;

    const s = (v: number[]) => summarise(v);
    const bigN = size.toLocaleString('en');
    const smallN = Math.min(BASELINE_DOSSIERS, size).toLocaleString('en');
    const ratio = (a: Summary, b: Summary) => `p95 ${(a.p95 / b.p95).toFixed(2)}× the baseline's`;
    const sum = {
      pickerBig: s(picker.big),
      pickerSmall: s(picker.small),
      searchBig: s(search.big),
      searchSmall: s(search.small),
      startBig: s(starts.big),
      startEmpty: s(starts.empty),
      f9Big: s(f9),
    };
    const rows: Row[] = [
      { measure: `picker key → list painted (${bigN} dossiers, ${sum.pickerBig.n} keys)`, median: sum.pickerBig.median, p95: sum.pickerBig.p95, goal: 'p95 ≤ 100 ms', note: ratio(sum.pickerBig, sum.pickerSmall) },
      { measure: `  baseline: the same at ${smallN} dossiers`, median: sum.pickerSmall.median, p95: sum.pickerSmall.p95 },
      { measure: `Hồ sơ search key → results painted (${bigN}; debounce ${SEARCH_DEBOUNCE_MS} ms inside; ${sum.searchBig.n} keys)`, median: sum.searchBig.median, p95: sum.searchBig.p95, goal: 'p95 ≤ 150 ms', note: ratio(sum.searchBig, sum.searchSmall) },
      { measure: `  baseline: the same at ${smallN} dossiers`, median: sum.searchSmall.median, p95: sum.searchSmall.p95 },
      { measure: `F9 → preview shown (${bigN}, ${sum.f9Big.n} receipts)`, median: sum.f9Big.median, p95: sum.f9Big.p95, goal: 'p95 ≤ 500 ms' },
      { measure: `cold start → sign-in usable (${bigN}, ${sum.startBig.n} starts)`, median: sum.startBig.median, p95: sum.startBig.p95, goal: '≤ 3 s', note: `${ratio(sum.startBig, sum.startEmpty)}; day's first start (with backup) ${(firstStart.big / 1000).toFixed(1)} s` },
      { measure: `  baseline: an office with no dossiers`, median: sum.startEmpty.median, p95: sum.startEmpty.p95, note: `day's first start ${(firstStart.empty / 1000).toFixed(1)} s` },
      { measure: `renderer JS heap after forced GC: before → after ${heapReceipts} receipts`, goal: 'growth ≤ 20 %', note: `${heapBefore.toFixed(1)} MB → ${heapAfter.toFixed(1)} MB (${(growth * 100).toFixed(1)} %)` },
    ];
    return {
      rows,
      data: { dossiers: size, baselineDossiers: Math.min(BASELINE_DOSSIERS, size), searchDebounceMs: SEARCH_DEBOUNCE_MS, quietMs: QUIET_MS, ...sum, firstStart, heap: { beforeMb: heapBefore, afterMb: heapAfter, receipts: heapReceipts, growth } },
    };
  } finally {
    await big.page.context().close();
    await small.page.context().close();
    await big.host.stop();
    await small.host.stop();
    if (!process.env.BENCH_KEEP) for (const dir of [bigDir, smallDir, emptyDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
}
