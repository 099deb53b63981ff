/**
 * What the officer feels at the counter, measured in the real UI: Chromium (playwright-core,
 * Debian's /usr/bin/chromium) driving the browser host as `npm run web` runs it, started with the
 * V8 flags the app's window runs with (src-main/electron/renderer-flags.ts).
 *
 * Measures (each a function of one desk and one receipt, so more can be added beside them):
 * - F9 → preview: on a filled Tiếp nhận form, from the F9 key event to the first frame painted
 *   with the Mẫu 01 preview in place (its blob: PDF set), and to that frame's `load`. Receiving
 *   the dossier, rendering and archiving the PDF, and the round trips are all inside it. Goal: p95
 *   ≤ 500 ms, the officer-felt budget.
 *
 * Then the officer's day at a big counter (bench/ui-day.ts): procedure picker and Hồ sơ search
 * keystrokes, F9 and the renderer's heap over many receipts, and cold start, each beside a
 * baseline measured in the same run.
 *
 * Two builds side by side in one run: the app as it ships (PDF engine) and the same app printing
 * with stock pdfmake (bench/stock-pdfmake-hook.mjs swaps the engine's entry when modules are
 * resolved; the app itself reads no switch). Each build gets its own host, data folder and page;
 * receipts alternate between them, so a busy machine weighs on both alike. BENCH_RECEIPTS sets
 * the number of receipts per build (default 40, after 3 unmeasured ones).
 *
 * The hosts run on the machine's clock: the figures do not depend on the date, only the
 * appointment dates printed do.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { rendererJsFlags } from '../src-main/electron/renderer-flags';
import { launchChromium } from '../tests/support/browser';
import { printTable, summarise, writeResults, type Summary } from './stats';
import { BENCH_SETUP, cpuMs, loadAverage, startBenchHost, tmpDataDir, type BenchHost } from './support';
import { runOfficerDay } from './ui-day';

interface Build {
  name: string;
  /** Extra node arguments of the host process. */
  nodeArgs: string[];
}

const BUILDS: Build[] = [
  { name: 'PDF engine', nodeArgs: [] },
  { name: 'stock pdfmake', nodeArgs: ['--import', './bench/stock-pdfmake-hook.mjs'] },
];

/** One counter desk: a host of one build and a signed-in page on its home screen. */
interface Desk {
  build: Build;
  host: BenchHost;
  page: Page;
}

/** One measure: runs on a desk for receipt number `i` and answers its figures in milliseconds. */
type Measure = (desk: Desk, i: number) => Promise<Record<string, number | null>>;

async function rpc(url: string, name: string, input: unknown, token?: string): Promise<any> {
  const res = await fetch(`${url}/api/rpc/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; result?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.result;
}

async function openDesk(browser: Browser, build: Build): Promise<Desk> {
  const host = await startBenchHost(tmpDataDir('ui'), build.nodeArgs);
  await rpc(host.url, 'setup.initialize', BENCH_SETUP);
  const { token } = await rpc(host.url, 'auth.login', { username: BENCH_SETUP.admin.username, password: BENCH_SETUP.admin.password });
  // The counter PCs' usual screen; the session token where the renderer keeps it.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await context.addInitScript((t) => sessionStorage.setItem('motcua.token', t), token as string);
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByTestId('home').waitFor();
  return { build, host, page };
}

/** A new Tiếp nhận form filled as an officer would: applicant, procedure, papers and fees shown. */
async function fillReceipt(page: Page, i: number): Promise<void> {
  await page.keyboard.press('F2');
  await page.getByLabel('Họ và tên').fill(`Nguyễn Thị Hồng Đào ${i + 1}`);
  await page.getByLabel('Địa chỉ').fill('Thôn Đông, xã Tân Lập');
  const picker = page.getByTestId('intake').getByRole('combobox', { name: 'Thủ tục hành chính' });
  await picker.click();
  await picker.pressSequentially('chung thuc ban sao', { delay: 5 });
  await page.locator('.ant-select-item-option').filter({ hasText: /2\.000815/ }).first().click();
  await page.getByTestId('documents').waitFor();
  await page.getByLabel('Số trang mỗi bản').fill('3');
  await page.getByLabel('Số bản', { exact: true }).fill('2');
  await page.getByTestId('fee-total').filter({ hasText: '10.000 đ' }).waitFor();
}

/**
 * In-page watcher of one F9: from the key event to the first frame painted with the preview's PDF
 * frame in place, and to the frame's load (null if it never fires). Plain JavaScript text, as the
 * page runs it: a function here would be rewritten by the TypeScript loader with helpers the page
 * does not have. It ends on a plain value: evaluating to the promise would wait for the F9.
 */
const WATCH_F9 = `window.benchF9 = new Promise((resolve) => {
  let keyAt = 0;
  function onKey(e) { if (e.key === 'F9') keyAt = e.timeStamp; }
  window.addEventListener('keydown', onKey, true);
  const observer = new MutationObserver(() => {
    const frame = document.querySelector('[data-testid="pdf-frame"]');
    if (!frame || !frame.src.startsWith('blob:')) return;
    observer.disconnect();
    window.removeEventListener('keydown', onKey, true);
    let shown = 0;
    requestAnimationFrame(() => { shown = performance.now() - keyAt; });
    function done(loaded) { resolve({ shown: shown || performance.now() - keyAt, loaded }); }
    const timer = setTimeout(() => done(null), 5000);
    frame.addEventListener('load', () => { clearTimeout(timer); done(performance.now() - keyAt); }, { once: true });
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
});
'watching'`;

/**
 * In-page log of the preview's life for one receipt: the keys and clicks the page received and
 * each change of the preview dialog's classes (its opening and closing motion), so a preview that
 * does not go away after "Đóng" says where it stopped.
 */
const WATCH_PREVIEW = `(() => {
  const log = (window.benchPreviewLog = []);
  const at = () => Math.round(performance.now());
  const onKey = (e) => log.push([at(), e.type, e.key]);
  const onClick = (e) => log.push([at(), e.type, (e.target.closest('button') || e.target).textContent.slice(0, 20)]);
  window.addEventListener('keydown', onKey, true);
  for (const type of ['pointerdown', 'mouseup', 'click']) window.addEventListener(type, onClick, true);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target;
      if (r.type === 'attributes' && el.closest && el.closest('.ant-modal') && el.querySelector('[data-testid="print-preview"]')) log.push([at(), 'dialog', el.className]);
      for (const n of r.removedNodes) if (n.nodeType === 1 && n.querySelector && n.querySelector('[data-testid="pdf-frame"]')) log.push([at(), 'frame removed']);
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  window.benchPreviewStop = () => { observer.disconnect(); window.removeEventListener('keydown', onKey, true); for (const type of ['pointerdown', 'mouseup', 'click']) window.removeEventListener(type, onClick, true); };
  return 'watching';
})()`;

/** Receipts whose preview was still there STUCK_MS after "Đóng": counted and logged, never hidden. */
const STUCK_MS = 10_000;
const stuckPreviews: { receipt: number; log: unknown }[] = [];
/**
 * Clicks on "Đóng" that Playwright made but the page never received (no pointerdown, no click in
 * the page): on a starved machine Chromium can route a click by a stale picture of the screen to
 * the PDF viewer's own frame. The officer would click again; so does the bench, and counts them.
 */
const CLICK_SEEN_MS = 3_000;
const lostClicks: { receipt: number; log: unknown }[] = [];

async function closePreview(page: Page, i: number): Promise<void> {
  // The officer clicks once the dialog has finished opening. A pointerdown on "Đóng" during its
  // zoom-in was seen with no mouseup or click after it in the page (receipt 113 of a run).
  await page.locator('.ant-modal:not([class*="ant-zoom-"])').filter({ has: page.getByTestId('print-preview') }).waitFor();
  const close = page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' });
  await close.click();
  const seen = () => page.evaluate(() => (window as unknown as { benchPreviewLog: unknown[][] }).benchPreviewLog.some((e) => e[1] === 'click' && e[2] === 'Đóng'));
  const t0 = performance.now();
  while (!(await seen()) && performance.now() - t0 < CLICK_SEEN_MS) await page.waitForTimeout(100);
  if (await seen()) return;
  const log = await page.evaluate(() => (window as unknown as { benchPreviewLog: unknown[] }).benchPreviewLog);
  lostClicks.push({ receipt: i + 1, log });
  console.log(`  receipt ${i + 1}: the page never received the click on "Đóng" (${JSON.stringify(log)}); clicking again`);
  await close.click();
}

async function receiptToPreview(page: Page, i: number): Promise<Record<string, number | null>> {
  await fillReceipt(page, i);
  await page.evaluate(WATCH_PREVIEW);
  // Timed inside the page, on the clock of the key event (see WATCH_F9).
  await page.evaluate(WATCH_F9);
  await page.keyboard.press('F9');
  const figures = await page.evaluate(() => (window as unknown as { benchF9: Promise<{ shown: number; loaded: number | null }> }).benchF9);
  await closePreview(page, i);
  try {
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached', timeout: STUCK_MS });
  } catch (err) {
    const log = await page.evaluate(() => ({
      log: (window as unknown as { benchPreviewLog: unknown[] }).benchPreviewLog,
      dialog: document.querySelector('[data-testid="print-preview"]')?.closest('.ant-modal')?.className ?? null,
      wrap: (document.querySelector('[data-testid="print-preview"]')?.closest('.ant-modal-wrap') as HTMLElement | null)?.style.cssText ?? null,
      focus: document.activeElement?.outerHTML.slice(0, 120) ?? null,
      now: Math.round(performance.now()),
    }));
    stuckPreviews.push({ receipt: i + 1, log });
    console.log(`  receipt ${i + 1}: the preview was still there ${STUCK_MS / 1000} s after "Đóng": ${JSON.stringify(log)}`);
    const shot = path.join(os.tmpdir(), `motcua-ui-stuck-preview-${i + 1}.png`);
    await page.screenshot({ path: shot });
    console.log(`  screenshot: ${shot}`);
    if (!process.env.BENCH_STUCK_GO_ON) throw err;
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
  } finally {
    await page.evaluate(() => (window as unknown as { benchPreviewStop?: () => void }).benchPreviewStop?.());
  }
  return figures;
}

const f9ToPreview: Measure = ({ page }, i) => receiptToPreview(page, i);

const MEASURES: Record<string, Measure> = { f9ToPreview };

interface Collected {
  samples: Record<string, number[]>;
  hostCpuMs: number;
}

/** The two builds side by side, `receipts` each after the warm-up; its results for the file. */
async function sideBySide(browser: Browser, receipts: number): Promise<Record<string, unknown>> {
  const warmup = 3;
  const desks: Desk[] = [];
  try {
    for (const build of BUILDS) desks.push(await openDesk(browser, build));
    const collected = new Map<Desk, Collected>(desks.map((d) => [d, { samples: {}, hostCpuMs: 0 }]));
    const loadBefore = loadAverage();
    for (let i = 0; i < warmup + receipts; i++) {
      // Alternate which desk goes first.
      const order = i % 2 === 0 ? desks : [...desks].reverse();
      for (const desk of order) {
        const c = collected.get(desk)!;
        for (const [name, measure] of Object.entries(MEASURES)) {
          const cpu0 = cpuMs(desk.host.pid);
          const figures = await measure(desk, i);
          if (i < warmup) continue;
          c.hostCpuMs += cpuMs(desk.host.pid) - cpu0;
          for (const [key, value] of Object.entries(figures)) {
            if (value !== null) (c.samples[`${name}.${key}`] ??= []).push(value);
          }
        }
      }
    }
    const loadAfter = loadAverage();

    const summaries = new Map<Desk, Record<string, Summary>>(
      desks.map((d) => [d, Object.fromEntries(Object.entries(collected.get(d)!.samples).map(([k, v]) => [k, summarise(v)]))]),
    );
    const [engine, stock] = desks.map((d) => summaries.get(d)!);
    const rows = desks.flatMap((desk) =>
      Object.entries(summaries.get(desk)!).map(([key, s]) => ({
        measure: `${key} (${desk.build.name}, ${s.n} receipts)`,
        median: s.median,
        p95: s.p95,
        goal: key === 'f9ToPreview.shown' ? 'p95 ≤ 500 ms' : '',
        note:
          desk === desks[1] && engine![key]
            ? `stock/engine p95 ${(s.p95 / engine![key]!.p95).toFixed(2)}×`
            : `host CPU ${(collected.get(desk)!.hostCpuMs / receipts).toFixed(0)} ms/receipt`,
      })),
    );
    printTable(`Officer-felt UI (Chromium, browser host; load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)})`, rows);
    return {
      load: { before: loadBefore, after: loadAfter },
      receipts,
      builds: Object.fromEntries(
        desks.map((d) => [d.build.name, { ...summaries.get(d), hostCpuMsPerReceipt: collected.get(d)!.hostCpuMs / receipts }]),
      ),
      stockToEngineF9P95: stock!['f9ToPreview.shown']!.p95 / engine!['f9ToPreview.shown']!.p95,
    };
  } finally {
    for (const desk of desks) {
      await desk.page.context().close();
      await desk.host.stop();
    }
  }
}

export async function runUiBench() {
  const receipts = Number(process.env.BENCH_RECEIPTS ?? 40);
  // The bundle the hosts serve, built from this tree (as `npm run web` would on a fresh clone).
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'error' });
  if (!fs.existsSync('dist/renderer/index.html')) throw new Error('dist/renderer was not built');

  // Chromium with the V8 flags the app's window runs with (src-main/electron/renderer-flags.ts).
  const browser = await launchChromium([`--js-flags=${rendererJsFlags()}`]);
  try {
    // BENCH_RECEIPTS=0 leaves the side-by-side out (a quick run of the officer's day alone).
    const builds = receipts > 0 ? await sideBySide(browser, receipts) : { receipts };
    const dayLoadBefore = loadAverage();
    const day = await runOfficerDay(browser, () => launchChromium());
    const dayLoadAfter = loadAverage();
    printTable(`The officer's day at a big counter (load ${dayLoadBefore.toFixed(1)} → ${dayLoadAfter.toFixed(1)})`, day.rows);
    const receiptsOf = (v: { receipt: number }[]) => (v.length ? ` (receipts ${v.map((s) => s.receipt).join(', ')})` : '');
    console.log(`Clicks on "Đóng" the page never received (clicked again): ${lostClicks.length}${receiptsOf(lostClicks)}`);
    console.log(`Previews still there ${STUCK_MS / 1000} s after "Đóng" was received: ${stuckPreviews.length}${receiptsOf(stuckPreviews)}`);
    return writeResults('ui', { ...builds, officerDay: { ...day.data, load: { before: dayLoadBefore, after: dayLoadAfter } }, lostClicks, stuckPreviews });
  } finally {
    await browser.close();
  }
}
