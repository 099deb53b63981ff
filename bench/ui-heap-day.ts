/**
 * The renderer's JS heap over a day of receipts (part of `npm run bench -- ui`; goal: growth
 * ≤ 20 % after 200 receipts).
 *
 * What is measured is the app's own heap, so nothing of the bench may live in that heap. A
 * Playwright locator (getByRole, getByTestId, waitFor…) runs Playwright's injected script inside
 * the page's V8 isolate, in a world of its own: the isolate that Runtime.getHeapUsage reads. Over
 * 50 receipts driven by locators, that script's compiled code alone grew by about 0.3 MB in this
 * heap (heap snapshots before and after: its code is the one script with no URL). The officer's
 * window has no such script. So the day here is the officer's keyboard path and nothing else:
 *
 * - a fresh window (its own browser context), signed in, on Trang chủ; no locator ever runs in it;
 * - keys only (CDP Input, which runs no script in the page): F2, Tab to each field, typed text,
 *   the procedure chosen with the arrow keys and Enter, F9, Esc to close the preview;
 * - what the driver needs to see (which field has focus, whether the papers and the preview are
 *   there) is read by one small probe installed once before the first reading (DESK_PROBE), with
 *   the same short expressions every time; it also times F9 → preview shown, as ui.ts does.
 *
 * The heap is read after forced GC (CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage)
 * after the first F2, every HEAP_STEP receipts and after the last; before the first receipt and
 * after the last, a heap snapshot also gives the part that is V8's compiled code (compiledCodeMb).
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { Row } from './stats';

const HEAP_STEP = 50;

/**
 * The probe, plain JavaScript as the page runs it (see WATCH_F9 in ui.ts). `focus` is the focused
 * element's name as a keyboard user hears it, read as tests/e2e/keyboard.test.ts reads it; `f9`
 * gets, for each F9, the time from the key event to the frame after the PDF's frame is in place.
 */
const DESK_PROBE = `window.benchDesk = (() => {
  const f9 = [];
  let keyAt = null;
  window.addEventListener('keydown', (e) => { if (e.key === 'F9') keyAt = e.timeStamp; }, true);
  const frameShown = () => {
    const frame = document.querySelector('[data-testid="pdf-frame"]');
    return !!frame && frame.src.startsWith('blob:');
  };
  new MutationObserver(() => {
    if (keyAt === null || !frameShown()) return;
    const at = keyAt;
    keyAt = null;
    requestAnimationFrame(() => f9.push(performance.now() - at));
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
  const focus = () => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(nothing)';
    const labelled = el.getAttribute('aria-label') ?? (el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent) ?? '';
    return labelled.trim() || el.id || el.tagName;
  };
  return {
    f9,
    state: () => ({
      focus: focus(),
      intake: !!document.querySelector('[data-testid="intake"]'),
      documents: !!document.querySelector('[data-testid="documents"]'),
      fee: document.querySelector('[data-testid="fee-total"]')?.textContent ?? null,
      preview: !!document.querySelector('[data-testid="print-preview"]'),
      frame: frameShown(),
      option: document.querySelector('.ant-select-item-option-active')?.textContent ?? null,
    }),
  };
})();
'ready'`;

interface DeskState {
  focus: string;
  intake: boolean;
  documents: boolean;
  fee: string | null;
  preview: boolean;
  frame: boolean;
  /** The procedure list's highlighted line, which Enter picks. */
  option: string | null;
}

/** A window at the counter, driven by keys and read by its probe. */
export interface KeyboardDesk {
  page: Page;
  cdp: CDPSession;
}

async function evaluate<T>(cdp: CDPSession, expression: string): Promise<T> {
  const r = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) throw new Error(`in the page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

const state = (cdp: CDPSession) => evaluate<DeskState>(cdp, 'benchDesk.state()');

/** Waits until the page's state satisfies `ok`; on timeout says what was awaited and what was seen. */
async function until(cdp: CDPSession, what: string, ok: (s: DeskState) => boolean, timeoutMs = 15_000): Promise<DeskState> {
  const t0 = performance.now();
  for (;;) {
    const s = await state(cdp);
    if (ok(s)) return s;
    if (performance.now() - t0 > timeoutMs) throw new Error(`${what}: not seen within ${timeoutMs / 1000} s; the page showed ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** Tab until `label` has focus, as an officer does; `most` only ends a loop that would never end. */
async function tabTo(desk: KeyboardDesk, label: string, most = 80): Promise<void> {
  const stops: string[] = [];
  for (let i = 0; i < most; i++) {
    await desk.page.keyboard.press('Tab');
    const { focus } = await state(desk.cdp);
    if (focus === label) return;
    stops.push(focus);
  }
  throw new Error(`Tab never reached "${label}"; it stopped at: ${stops.map((s) => `"${s}"`).join(', ')}`);
}

/**
 * Opens a window signed in at `url` with `token` (as ui-day.ts's desks are) in a context of its
 * own, so it shares no renderer with a page where locators ran, and installs the probe.
 */
export async function openKeyboardDesk(browser: Browser, url: string, token: string): Promise<KeyboardDesk & { context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await context.addInitScript((t) => {
    if (window === window.top) sessionStorage.setItem('motcua.token', t);
  }, token);
  const page = await context.newPage();
  page.on('crash', () => console.error(`  the page at ${url} crashed`));
  await page.goto(url);
  const cdp = await context.newCDPSession(page);
  const t0 = performance.now();
  while (!(await evaluate<boolean>(cdp, `!!document.querySelector('[data-testid="home"]')`))) {
    if (performance.now() - t0 > 60_000) throw new Error(`Trang chủ did not open at ${url}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await evaluate(cdp, DESK_PROBE);
  return { context, page, cdp };
}

/** F2 to an empty Tiếp nhận with focus in the scan field (after a receipt the form is already empty). */
async function newReceipt(desk: KeyboardDesk): Promise<void> {
  await desk.page.keyboard.press('F2');
  await until(desk.cdp, 'F2: Tiếp nhận, focus in the scan field', (s) => s.intake && s.focus === 'Quét căn cước (QR)');
}

/**
 * One receipt by keys alone, the same papers as ui.ts's fillReceipt (a copy to certify, 3 pages,
 * 2 copies, 10.000 đ), then F9, the preview shown, Esc, and the empty form with focus in the scan
 * field. Returns F9 → preview shown (the frame painted with the PDF in place).
 */
async function keyboardReceipt(desk: KeyboardDesk, i: number): Promise<number> {
  const { page, cdp } = desk;
  await newReceipt(desk);
  await tabTo(desk, 'Họ và tên');
  await page.keyboard.type(`Nguyễn Thị Hồng Đào ${i + 1}`);
  await tabTo(desk, 'Địa chỉ');
  await page.keyboard.type('Thôn Đông, xã Tân Lập');
  await tabTo(desk, 'Thủ tục hành chính');
  await page.keyboard.type('chung thuc ban sao', { delay: 5 });
  // Down the list to the procedure, as an officer reads the highlighted line; `most` ends a list without it.
  await until(cdp, 'the procedure list', (s) => s.option !== null);
  for (let most = 20; !/2\.000815/.test((await state(cdp)).option ?? ''); most--) {
    if (most === 0) throw new Error(`the procedure 2.000815 is not among the first lines for "chung thuc ban sao"`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await until(cdp, 'the papers of the procedure', (s) => s.documents);
  await tabTo(desk, 'Số trang mỗi bản');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await tabTo(desk, 'Số bản');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await until(cdp, 'the fee for 3 pages × 2 copies', (s) => s.fee?.includes('10.000 đ') ?? false);

  await page.keyboard.press('F9');
  await until(cdp, 'F9: the preview with its PDF', (s) => s.frame && s.focus === 'In');
  await page.keyboard.press('Escape');
  await until(cdp, 'Esc: the preview closed, focus back in the scan field', (s) => !s.preview && s.focus === 'Quét căn cước (QR)');
  const shown = await evaluate<number | null>(cdp, 'benchDesk.f9.pop() ?? null');
  if (shown === null) throw new Error(`receipt ${i + 1}: the preview was shown but its F9 was not timed`);
  return shown;
}

async function heapUsedMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/**
 * The part of the page's heap that is V8's compiled code, from a heap snapshot: the nodes of type
 * "code" (machine code, bytecode, feedback vectors and their tables). Chromium compiles a function
 * to machine code once it has run often enough, so the first receipts grow this part by code the
 * window then keeps; it is not data the app holds. Read beside the heap figure to tell one from
 * the other; the growth figure itself counts everything, as the goal does.
 */
async function compiledCodeMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snapshot = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const code = snapshot.snapshot.meta.node_types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) if (snapshot.nodes[i + typeAt] === code) bytes += snapshot.nodes[i + sizeAt]!;
  return bytes / 1024 / 1024;
}

export interface HeapDay {
  /** The heap after forced GC after the first F2, every HEAP_STEP receipts and after the last. */
  readings: { receipts: number; mb: number }[];
  /** V8's compiled code before the first receipt and after the last (compiledCodeMb). */
  code: { before: number; after: number };
  /** F9 → preview shown, each receipt. */
  f9: number[];
}

/**
 * `n` keyboard receipts in a fresh window; the first receipts' one-time costs (the receipt flow's
 * code, the print preview, fonts) show apart from a steady growth. `first` numbers the receipts
 * on from an earlier day at the same host (each receipt's applicant is then a new name).
 */
export async function heapOverReceipts(desk: KeyboardDesk, n: number, first: number): Promise<HeapDay> {
  await newReceipt(desk);
  const readings = [{ receipts: 0, mb: await heapUsedMb(desk.page) }];
  const code = { before: n > 0 ? await compiledCodeMb(desk.page) : 0, after: 0 };
  console.log(`  receipts 0/${n}: heap ${readings[0]!.mb.toFixed(1)} MB (compiled code ${code.before.toFixed(1)} MB)`);
  const f9: number[] = [];
  for (let i = 0; i < n; i++) {
    f9.push(await keyboardReceipt(desk, first + i));
    if ((i + 1) % HEAP_STEP === 0 || i + 1 === n) {
      readings.push({ receipts: i + 1, mb: await heapUsedMb(desk.page) });
      console.log(`  receipts ${i + 1}/${n}: heap ${readings.at(-1)!.mb.toFixed(1)} MB`);
    }
  }
  if (n > 0) code.after = await compiledCodeMb(desk.page);
  return { readings, code, f9 };
}

export function heapFigures({ readings, code }: HeapDay) {
  const before = readings[0]!.mb;
  const after = readings.at(-1)!.mb;
  const n = readings.at(-1)!.receipts;
  // Beside the goal's figure: the growth after the warm-up, where the first receipts' one-time code is already in.
  const warm = readings.find((h) => h.receipts === HEAP_STEP)?.mb;
  return {
    readings,
    compiledCodeMb: code,
    growth: (after - before) / before,
    warmGrowth: warm !== undefined && n > HEAP_STEP ? (after - warm) / warm : null,
    // What the growth would be if the code compiled on the way were left out of both readings.
    growthBesideCode: (after - code.after - (before - code.before)) / (before - code.before),
  };
}

export function heapRows(day: HeapDay, n: number, measure: string, goal?: string): Row[] {
  const f = heapFigures(day);
  const before = day.readings[0]!.mb;
  const after = day.readings.at(-1)!.mb;
  return [
    {
      measure,
      ...(goal ? { goal } : {}),
      note: `${day.readings.map((h) => `${h.receipts}: ${h.mb.toFixed(1)} MB`).join(', ')}; 0 → ${n}: ${(f.growth * 100).toFixed(1)} %${f.warmGrowth === null ? '' : `; ${HEAP_STEP} → ${n}: ${(f.warmGrowth * 100).toFixed(1)} %`}`,
    },
    {
      measure: `  of which V8's compiled code (heap snapshot before the first receipt and after the last)`,
      note: `${day.code.before.toFixed(1)} → ${day.code.after.toFixed(1)} MB, ${(day.code.after - day.code.before).toFixed(1)} of the ${(after - before).toFixed(1)} MB grown; the rest of the heap 0 → ${n}: ${(f.growthBesideCode * 100).toFixed(1)} %`,
    },
  ];
}
