/**
 * The officer's day at a big counter, in the real UI (part of `npm run bench -- ui`): Chromium
 * driving browser hosts over seeded data folders (bench/seeded.ts), a big one (BENCH_DOSSIERS,
 * default 1,000,000) and a named baseline beside it in the same run.
 *
 * - Procedure picker: a keystroke in Tiếp nhận's "Thủ tục hành chính" to the list painted
 *   (goal p95 ≤ 100 ms); baseline: the same keys at the small counter.
 * - Hồ sơ search: a keystroke in the search box to its results painted, the list's wait included
 *   (src-renderer/screens/dossiers/search-debounce.ts: a key after a pause searches at once, a key
 *   inside a run waits SEARCH_DEBOUNCE_MS; the probe types one key at a time, as an officer
 *   typing a name does) (goal p95 ≤ 150 ms); baseline: the same keys at BASELINE_DOSSIERS dossiers.
 * - Cold start: from spawning the host process to the sign-in form taking a typed letter (goal
 *   ≤ 3 s), the compiled host as shipped (dist/web/main.mjs, `npm run web` / `npm start`);
 *   baselines: the same folder with the host under tsx (TypeScript compiled at start, as before),
 *   and an office with no dossiers. The first start of a day also makes the day's backup copy; it
 *   is reported apart, and its host is kept until the copy is finished (see coldStart).
 * - Renderer heap (ui-heap-day.ts): the JS heap of a fresh window after forced GC over
 *   BENCH_HEAP_RECEIPTS receipts typed by keys alone, read before the first and every 50 after
 *   (goal: growth ≤ 20 %); each receipt's F9 → preview shown is the big counter's F9 figure.
 *   The goal's figure is the app's window (the V8 flags of src-main/electron/renderer-flags.ts);
 *   the same day then runs again in a stock Chromium, the browser host as another desk opens it,
 *   and is reported beside it.
 *
 * "Painted" is measured in the page. The picker answers in the page: from the key event's
 * timestamp, every DOM change schedules a requestAnimationFrame, and the figure is the frame after
 * the last change the key caused (WATCH_KEY). Hồ sơ search answers from core: the figure is the
 * frame after the last change once the request for the settled text was sent, and never before
 * the frame after its answer arrived, so a key that changes nothing on screen still has a figure
 * (WATCH_SEARCH_KEY). The key is done when nothing has changed for QUIET_MS, well above the
 * debounce and the answers seen; a key with no figure within 15 s is counted as lost.
 *
 * Quick runs: BENCH_DOSSIERS (size), BENCH_HEAP_RECEIPTS (200), BENCH_STARTS (cold starts per
 * size after the first, 5), BENCH_KEY_ROUNDS (rounds of the typed words, 2).
 * BENCH_START_BEFORE: a host bundle built from an earlier commit (inside the app's folder, so it
 * finds node_modules and dist/renderer); its cold starts of the big folder alternate with the
 * others, a before/after of a change to the start in one run.
 */
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_DEBOUNCE_MS } from '../src-renderer/screens/dossiers/search-debounce';
import { rendererJsFlags } from '../src-main/electron/renderer-flags';
import { cachedSeededDir, seedCounter } from './seeded';
import { summarise, type Row, type Summary } from './stats';
import { heapFigures, heapOverReceipts, heapRows, openKeyboardDesk, type HeapDay } from './ui-heap-day';
import { BENCH_SETUP, buildWebHostBundle, cpuMs, loadAverage, startBenchHost, tmpDataDir, type BenchHost } from './support';

const BASELINE_DOSSIERS = 10_000;
const QUIET_MS = 700;

/**
 * Where a key's last counted change was (plain JavaScript over the observer's counted `changes`):
 * the nearest test id around the changed node and the node itself. A slow key then says whether
 * its figure ended on the answer or on some other part of the screen that changed meanwhile.
 */
const DESCRIBE_CHANGE = `(() => {
  const r = changes.at(-1);
  const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
  const id = el && el.closest('[data-testid]');
  return (id ? id.getAttribute('data-testid') + ' › ' : '') + (el ? el.tagName.toLowerCase() + (el.classList[0] ? '.' + el.classList[0] : '') : '?') + ' (' + r.type + ')';
})()`;

/** A key slower than this is logged with where its last change was (DESCRIBE_CHANGE). */
const SLOW_KEY_MS = 300;

/**
 * In-page watcher of one keystroke in a list that answers by itself, without a request (the
 * procedure picker filters the catalogue in the page): plain JavaScript, as the page runs it (see
 * WATCH_F9 in ui.ts). The figure is the frame after the last change the key caused; changes inside
 * the typed-into input itself are its echo, not the answer, and are ignored.
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
    const changes = records.filter((r) => r.target !== input);
    if (keyAt === null || changes.length === 0) return;
    window.benchKeyDetail = { lastChange: ${DESCRIBE_CHANGE} };
    requestAnimationFrame(() => {
      painted = performance.now();
      clearTimeout(quiet);
      quiet = setTimeout(() => { clearTimeout(giveUp); finish(); }, ${QUIET_MS});
    });
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
});
'watching'`;

/**
 * Installed in every bench page before the app loads: reports each dossiers.search request (its
 * query, when sent) and when its answer was in the page, so the search probe knows which answer
 * belongs to the settled text. The app's own code is untouched; only the page's fetch is watched.
 */
function watchSearchAnswers(): void {
  const w = window as unknown as { fetch: typeof fetch; benchSearches: { query: string; sentAt: number; answeredAt: number | null }[] };
  w.benchSearches = [];
  const original = w.fetch.bind(window);
  w.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.includes('api/rpc/dossiers.search')) return original(input, init);
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { query?: string; cursor?: string };
    const entry = { query: body.query ?? '', sentAt: performance.now(), answeredAt: null as number | null };
    if (!body.cursor) {
      w.benchSearches.push(entry);
      window.dispatchEvent(new Event('bench-search'));
    }
    const res = await original(input, init);
    void res
      .clone()
      .text()
      .then(() => {
        entry.answeredAt = performance.now();
        window.dispatchEvent(new Event('bench-search'));
      });
    return res;
  };
}

/**
 * In-page watcher of one keystroke in Hồ sơ search, whose results come from core after the
 * debounce. Measured to the paint of the results for the settled text (the box's value after the
 * key, trimmed, as the list sends it): from the key event, wait for the dossiers.search request
 * carrying that text; from its sending on, every change outside the input schedules a frame; the
 * figure is the frame after the last such change, and never earlier than the frame after the
 * answer arrived. A key whose answer repaints nothing (the same rows as before: a trailing
 * space, the same 50 names) is thus timed to the frame after its answer arrived — the officer
 * sees the same list, now current. Changes before the request (the input's echo, its clear icon)
 * are not the results and do not count. Done when nothing changed for QUIET_MS after the answer.
 * Nor does the result table's own scrollbar hiding itself: antd's virtual table shows it when the
 * rows change and hides it (an attribute change) about half a second later. Counted, it made the
 * slow keys of earlier runs: at a million dossiers, "nguy" was answered 28–36 ms after the key
 * and its rows painted then, yet timed at 517–573 ms, when the scrollbar went away.
 */
const WATCH_SEARCH_KEY = (expected: string) => `window.benchKey = new Promise((resolve) => {
  const expected = ${JSON.stringify(expected)};
  let keyAt = null, request = null, painted = null, quiet = null, done = false;
  const input = document.activeElement;
  function onKey(e) { if (keyAt === null) keyAt = e.timeStamp; }
  window.addEventListener('keydown', onKey, true);
  function finish(ok) {
    if (done) return;
    done = true;
    observer.disconnect();
    window.removeEventListener('bench-search', onSearch);
    clearTimeout(giveUp);
    window.removeEventListener('keydown', onKey, true);
    resolve(ok && painted !== null && keyAt !== null ? painted - keyAt : null);
  }
  function frameNow() {
    requestAnimationFrame(() => {
      painted = Math.max(painted ?? 0, performance.now());
      clearTimeout(quiet);
      quiet = setTimeout(() => { if (request && request.answeredAt !== null) finish(true); }, ${QUIET_MS});
    });
  }
  const giveUp = setTimeout(() => finish(false), 15000);
  let answerSeen = false;
  function onSearch() {
    if (keyAt === null) return;
    if (!request) request = window.benchSearches.find((s) => s.sentAt >= keyAt && s.query === expected) ?? null;
    if (request && request.answeredAt !== null && !answerSeen) { answerSeen = true; frameNow(); }
  }
  window.addEventListener('bench-search', onSearch);
  const scrollbarHiding = (r) => r.type === 'attributes' && r.target.closest && r.target.closest('.ant-table-tbody-virtual-scrollbar');
  const observer = new MutationObserver((records) => {
    const changes = records.filter((r) => r.target !== input && !scrollbarHiding(r));
    if (keyAt === null || !request || changes.length === 0) return;
    window.benchKeyDetail = { sent: request.sentAt - keyAt, answered: request.answeredAt === null ? null : request.answeredAt - keyAt, lastChange: ${DESCRIBE_CHANGE}, at: performance.now() - keyAt };
    frameNow();
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
});
'watching'`;

type Probe = (typedSoFar: string) => string;
const anyChange: Probe = () => WATCH_KEY;
const searchAnswer: Probe = (typedSoFar) => WATCH_SEARCH_KEY(typedSoFar.trim());

/** Types `text` one key at a time into the focused field, timing each key to its answer painted. */
async function timeKeys(page: Page, text: string, probe: Probe): Promise<{ ms: number[]; lost: number }> {
  const ms: number[] = [];
  let lost = 0;
  for (let i = 0; i < text.length; i++) {
    await page.evaluate(probe(text.slice(0, i + 1)));
    await page.keyboard.type(text[i]!);
    const figure = await page.evaluate(() => (window as unknown as { benchKey: Promise<number | null> }).benchKey);
    if (figure === null) lost++;
    else ms.push(figure);
    if (figure !== null && figure > SLOW_KEY_MS) {
      const detail = await page.evaluate(() => (window as unknown as { benchKeyDetail?: unknown }).benchKeyDetail ?? null);
      console.log(`  slow key "${text.slice(0, i + 1)}": ${figure.toFixed(0)} ms, ms after the key: ${JSON.stringify(detail)}`);
    }
  }
  return { ms, lost };
}

/** Empties the focused field and waits for the screen to settle (not timed). */
async function clearField(page: Page, probe: Probe): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.evaluate(probe(''));
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
  await context.addInitScript(watchSearchAnswers);
  const page = await context.newPage();
  page.on('crash', () => console.error(`  the page at ${host.url} crashed`));
  await page.goto(host.url);
  await page.getByTestId('home').waitFor();
  return { host, page };
}

const PICKER_WORDS = ['dang ky khai tu', 'chung thuc ban sao', 'khai sinh'];
const SEARCH_WORDS = ['nguyen van', 'tran thi', 'le thi hong', 'pham minh'];

interface Keys {
  ms: number[];
  /** Keys whose probe gave no figure (nothing seen within 15 s): counted, never silently dropped. */
  lost: number;
}

async function typeWords(page: Page, words: string[], probe: Probe, into: Keys): Promise<void> {
  for (const word of words) {
    const { ms, lost } = await timeKeys(page, word, probe);
    into.ms.push(...ms);
    into.lost += lost;
    await clearField(page, probe);
  }
}

async function pickerKeys({ page }: Desk, into: Keys): Promise<void> {
  await page.keyboard.press('F2');
  const picker = page.getByTestId('intake').getByRole('combobox', { name: 'Thủ tục hành chính' });
  await picker.click();
  await typeWords(page, PICKER_WORDS, anyChange, into);
  await page.keyboard.press('Escape');
}

async function searchKeys({ page }: Desk, into: Keys): Promise<void> {
  await page.keyboard.press('F3');
  await page.getByTestId('dossier-search').waitFor();
  await page.getByTestId('dossier-search').focus();
  await typeWords(page, SEARCH_WORDS, searchAnswer, into);
}

interface Start {
  /** Spawn → the sign-in form takes a typed letter. */
  ms: number;
  /** CPU time the host process had used by then: what the start costs, less the machine's load. */
  hostCpuMs: number;
}

/** Whether the folder holds a finished daily copy (backups/daily-<day>.sqlite; a copy in progress is a .tmp). */
function hasDailyCopy(dataDir: string): boolean {
  const dir = path.join(dataDir, 'backups');
  return fs.existsSync(dir) && fs.readdirSync(dir).some((name) => /^daily-.*\.sqlite$/.test(name));
}

/**
 * One cold start; `compiled`: the shipped bundle (or `bundle`), else the host under tsx.
 * `dayCopy`: the day's first start, which also makes the day's backup copy after it listens; the
 * host is kept until that copy is finished (as at a counter, where the app stays open), so the
 * starts timed after it are the day's later starts and do not each begin the copy again.
 */
async function coldStart(browser: Browser, dataDir: string, compiled: boolean, bundle?: string, dayCopy = false): Promise<Start> {
  const t0 = performance.now();
  const host = await startBenchHost(dataDir, [], bundle ? { compiled, bundle } : { compiled });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    const username = page.getByLabel('Tên đăng nhập');
    // Generous: on the shared machine (load ~50) a start has taken over a minute.
    await username.fill('q', { timeout: 300_000 });
    if ((await username.inputValue()) !== 'q') throw new Error('the sign-in form did not take the typed letter');
    const ms = performance.now() - t0;
    const hostCpuMs = cpuMs(host.pid);
    if (dayCopy) {
      const t1 = performance.now();
      while (!hasDailyCopy(dataDir)) {
        if (performance.now() - t1 > 1_800_000) throw new Error(`the day's backup copy of ${dataDir} was not finished within 30 minutes`);
        await new Promise((r) => setTimeout(r, 500));
      }
      console.log(`  the day's copy of ${path.basename(dataDir)} finished ${((performance.now() - t1) / 1000).toFixed(0)} s after the sign-in was usable`);
    }
    return { ms, hostCpuMs };
  } finally {
    await context.close();
    await host.stop();
  }
}

export interface DayResult {
  rows: Row[];
  data: Record<string, unknown>;
}

/** `stockBrowser` opens a stock Chromium for the heap day's second run (see heapOverReceipts). */
export async function runOfficerDay(browser: Browser, stockBrowser?: () => Promise<Browser>): Promise<DayResult> {
  const size = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
  const heapReceipts = Number(process.env.BENCH_HEAP_RECEIPTS ?? 200);
  const bigDir = await cachedSeededDir(size, 'ui-big');
  const smallDir = await cachedSeededDir(Math.min(BASELINE_DOSSIERS, size), 'ui-small');
  const emptyDir = tmpDataDir('ui-empty');
  await seedCounter(emptyDir, 0);

  buildWebHostBundle();
  console.log('  cold starts…');
  // Cold starts of the compiled host (as shipped), alternating big, big under tsx (the old way:
  // TypeScript compiled at start) and empty. The first start at each folder makes the day's backup.
  const firstStart = { big: await coldStart(browser, bigDir, true, undefined, true), empty: await coldStart(browser, emptyDir, true, undefined, true) };
  const starts = { big: [] as Start[], bigTsx: [] as Start[], empty: [] as Start[], bigBefore: [] as Start[] };
  const before = process.env.BENCH_START_BEFORE;
  for (let i = 0; i < Number(process.env.BENCH_STARTS ?? 5); i++) {
    if (before) starts.bigBefore.push(await coldStart(browser, bigDir, true, before));
    starts.big.push(await coldStart(browser, bigDir, true));
    starts.bigTsx.push(await coldStart(browser, bigDir, false));
    starts.empty.push(await coldStart(browser, emptyDir, true));
  }

  // Any part can be left out with its knob at 0 (a quick run of one part): it then says so.
  const brief = (label: string, v: number[]) => {
    if (v.length === 0) return `${label}: not run`;
    const x = summarise(v);
    return `${label} median ${x.median.toFixed(0)} / p95 ${x.p95.toFixed(0)} ms (n ${x.n})`;
  };
  // Printed as each part ends, so a run cut short on a busy machine still leaves its figures.
  console.log(`  starts: ${[brief('compiled', starts.big.map((x) => x.ms)), brief('tsx', starts.bigTsx.map((x) => x.ms)), brief('empty', starts.empty.map((x) => x.ms))].join('; ')}`);
  console.log(`  host CPU: ${[brief('compiled', starts.big.map((x) => x.hostCpuMs)), brief('tsx', starts.bigTsx.map((x) => x.hostCpuMs)), brief('empty', starts.empty.map((x) => x.hostCpuMs))].join('; ')}`);
  if (before) {
    const cpu = (v: Start[]) => summarise(v.map((x) => x.hostCpuMs)).median;
    console.log(`  before (${before}): ${brief('wall', starts.bigBefore.map((x) => x.ms))}; ${brief('host CPU', starts.bigBefore.map((x) => x.hostCpuMs))}; host CPU median now/before ${(cpu(starts.big) / cpu(starts.bigBefore)).toFixed(2)}×; load ${loadAverage()}`);
  }

  const big = await openDesk(browser, await startBenchHost(bigDir, [], { compiled: true }));
  const small = await openDesk(browser, await startBenchHost(smallDir, [], { compiled: true }));
  try {
    const keys = (): Keys => ({ ms: [], lost: 0 });
    const picker = { big: keys(), small: keys() };
    const search = { big: keys(), small: keys() };
    console.log('  picker and search keystrokes…');
    for (let round = 0; round < Number(process.env.BENCH_KEY_ROUNDS ?? 2); round++) {
      await pickerKeys(big, picker.big);
      await pickerKeys(small, picker.small);
      await searchKeys(big, search.big);
      await searchKeys(small, search.small);
    }
    console.log(`  picker: ${brief('big', picker.big.ms)}; ${brief('small', picker.small.ms)}; lost ${picker.big.lost}/${picker.small.lost}`);
    console.log(`  search: ${brief('big', search.big.ms)}; ${brief('small', search.small.ms)}; lost ${search.big.lost}/${search.small.lost}`);

    // The renderer's heap over a day of keyboard receipts at the big counter, in a fresh window
    // with the app's V8 flags (ui-heap-day.ts says why fresh, and why by keys alone).
    await big.page.context().close();
    const heapDay = async (b: Browser, first: number): Promise<HeapDay> => {
      const { token } = await rpc(big.host.url, 'auth.login', { username: BENCH_SETUP.admin.username, password: BENCH_SETUP.admin.password });
      const desk = await openKeyboardDesk(b, big.host.url, token as string);
      try {
        return await heapOverReceipts(desk, heapReceipts, first);
      } finally {
        await desk.context.close();
      }
    };
    console.log('  receipts by keys alone, the heap read as they go…');
    // BENCH_HEAP_RECEIPTS=0 leaves the day out (a quick run of the keys and starts): it says so.
    const day = heapReceipts > 0 ? await heapDay(browser, 0) : null;
    const f9 = day?.f9 ?? [];
    // The same day in a stock Chromium (the browser host opened from another desk's browser, which
    // the app's V8 flags do not reach), at the same host: the receipts that follow.
    let stock: HeapDay | null = null;
    if (stockBrowser && heapReceipts > 0) {
      const browserStock = await stockBrowser();
      try {
        console.log('  the same in a stock Chromium…');
        stock = await heapDay(browserStock, heapReceipts);
      } finally {
        await browserStock.close();
      }
    }

    const s = (v: number[]) => summarise(v);
    const bigN = size.toLocaleString('en');
    const smallN = Math.min(BASELINE_DOSSIERS, size).toLocaleString('en');
    const medianMs = (x: Summary) => (x.n ? x.median.toFixed(0) : '–');
    const ratio = (a: Summary, b: Summary) => (a.n && b.n ? `p95 ${(a.p95 / b.p95).toFixed(2)}× the baseline's` : 'not run');
    const sum = {
      pickerBig: s(picker.big.ms),
      pickerSmall: s(picker.small.ms),
      searchBig: s(search.big.ms),
      searchSmall: s(search.small.ms),
      startBig: s(starts.big.map((x) => x.ms)),
      startBigTsx: s(starts.bigTsx.map((x) => x.ms)),
      startEmpty: s(starts.empty.map((x) => x.ms)),
      startCpuBig: s(starts.big.map((x) => x.hostCpuMs)),
      startCpuBigTsx: s(starts.bigTsx.map((x) => x.hostCpuMs)),
      startCpuEmpty: s(starts.empty.map((x) => x.hostCpuMs)),
      f9Big: s(f9),
    };
    const rows: Row[] = [
      { measure: `picker key → list painted (${bigN} dossiers, ${sum.pickerBig.n} keys)`, median: sum.pickerBig.median, p95: sum.pickerBig.p95, goal: 'p95 ≤ 100 ms', note: ratio(sum.pickerBig, sum.pickerSmall) },
      { measure: `  baseline: the same at ${smallN} dossiers`, median: sum.pickerSmall.median, p95: sum.pickerSmall.p95 },
      { measure: `Hồ sơ search key → results painted (${bigN}; a key after a pause searches at once, one inside a run waits ${SEARCH_DEBOUNCE_MS} ms; ${sum.searchBig.n} keys)`, median: sum.searchBig.median, p95: sum.searchBig.p95, goal: 'p95 ≤ 150 ms', note: ratio(sum.searchBig, sum.searchSmall) },
      { measure: `  baseline: the same at ${smallN} dossiers`, median: sum.searchSmall.median, p95: sum.searchSmall.p95 },
      { measure: `F9 → preview shown (${bigN}, ${sum.f9Big.n} receipts)`, median: sum.f9Big.median, p95: sum.f9Big.p95, goal: 'p95 ≤ 500 ms' },
      { measure: `cold start → sign-in usable, compiled host (${bigN}, ${sum.startBig.n} starts)`, median: sum.startBig.median, p95: sum.startBig.p95, goal: '≤ 3 s', note: `${ratio(sum.startBig, sum.startBigTsx)} (tsx); host CPU median ${medianMs(sum.startCpuBig)} ms; day's first start (with backup) ${(firstStart.big.ms / 1000).toFixed(1)} s` },
      { measure: `  baseline: the same folder, host under tsx`, median: sum.startBigTsx.median, p95: sum.startBigTsx.p95, note: `host CPU median ${medianMs(sum.startCpuBigTsx)} ms` },
      ...(before
        ? [{ measure: `  baseline: the same folder, compiled host before (${before})`, median: s(starts.bigBefore.map((x) => x.ms)).median, p95: s(starts.bigBefore.map((x) => x.ms)).p95, note: `host CPU median ${medianMs(s(starts.bigBefore.map((x) => x.hostCpuMs)))} ms` }]
        : []),
      { measure: `  baseline: compiled, an office with no dossiers`, median: sum.startEmpty.median, p95: sum.startEmpty.p95, note: `host CPU median ${medianMs(sum.startCpuEmpty)} ms; day's first start ${(firstStart.empty.ms / 1000).toFixed(1)} s` },
      ...(day
        ? heapRows(day, heapReceipts, `renderer JS heap after forced GC over ${heapReceipts} receipts, the app's window (V8 flags ${rendererJsFlags()})`, 'growth ≤ 20 %')
        : [{ measure: 'renderer JS heap over receipts', goal: 'growth ≤ 20 %', note: 'not run (BENCH_HEAP_RECEIPTS=0)' }]),
      ...(stock ? heapRows(stock, heapReceipts, `  the same in a stock Chromium (the browser host from another desk)`) : []),
      { measure: 'keys without a figure (picker big/small, search big/small)', note: `${picker.big.lost}/${picker.small.lost}, ${search.big.lost}/${search.small.lost}` },
    ];
    return {
      rows,
      data: { dossiers: size, baselineDossiers: Math.min(BASELINE_DOSSIERS, size), searchDebounceMs: SEARCH_DEBOUNCE_MS, quietMs: QUIET_MS, ...sum, firstStart, heap: { receipts: heapReceipts, jsFlags: rendererJsFlags(), app: day && heapFigures(day), stock: stock && heapFigures(stock) }, lostKeys: { picker: [picker.big.lost, picker.small.lost], search: [search.big.lost, search.small.lost] } },
    };
  } finally {
    // Closed already when the stock Chromium's day ran; a second close does nothing.
    await big.page.context().close();
    await small.page.context().close();
    await big.host.stop();
    await small.host.stop();
    if (!process.env.BENCH_KEEP) for (const dir of [bigDir, smallDir, emptyDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
}
