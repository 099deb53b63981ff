/**
 * Shortcuts for e2e files that test the counter screens rather than first run: the office is set
 * up and signed in through the RPC API (fast), and the page starts already holding the session
 * token the renderer keeps in sessionStorage, so it opens straight on the shell.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Clock } from '../../src-shared/clock';
import { rpcCall, SAMPLE_SETUP, type WebHost } from './web-host';

export type Rpc = (name: string, input: unknown) => Promise<any>;

export interface Counter {
  token: string;
  rpc: Rpc;
}

export async function setUpCounter(url: string): Promise<Counter> {
  const init = await rpcCall(url, 'setup.initialize', SAMPLE_SETUP);
  if (!init.body.ok) throw new Error(`setup.initialize: ${JSON.stringify(init.body.error)}`);
  return signIn(url);
}

/** Signs the sample administrator in (again: a moved clock may have expired the session). */
export async function signIn(url: string): Promise<Counter> {
  const login = await rpcCall(url, 'auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password });
  if (!login.body.ok) throw new Error(`auth.login: ${JSON.stringify(login.body.error)}`);
  const token = login.body.result.token as string;
  const rpc: Rpc = async (name, input) => {
    const r = await rpcCall(url, name, input, token);
    if (!r.body.ok) throw new Error(`${name}: ${r.body.error?.code} ${r.body.error?.message} ${JSON.stringify(r.body.error?.details ?? '')}`);
    return r.body.result;
  };
  return { token, rpc };
}

/**
 * A browser context whose clock reads what the host's clock reads, then runs on in real time: the
 * UI's "today" (date pickers, default periods, the due-date preview) is core's, on any day the
 * tests run. Playwright's clock replaces Date and the timers in the page; time still flows, so
 * debounced inputs behave as usual.
 *
 * The system asks for less motion (`REDUCED_MOTION`) unless a test says otherwise.
 */
export async function newContextAt(browser: Browser, clock: Clock, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...REDUCED_MOTION, ...options });
  await context.clock.install({ time: clock.now() });
  return context;
}

/**
 * Pages open as on a PC with Windows' animations off, so dialogs, menus and drawers appear at
 * once. With motion, a dialog spends its first frames fully drawn at opacity 0 before it zooms in
 * from a fifth of its size; Playwright counts such a button as visible and steady, clicks it, and
 * on a loaded machine the zoom starts between its aim and its click, which then lands beside the
 * button and is lost (seen in CI, and 4 clicks in 64 on a loaded machine here; none when the
 * click waits for the zoom to end). An officer cannot click a button that is not yet drawn.
 * Tests whose subject is what happens during motion (keyboard.test.ts: focus across a dialog's
 * opening) pass `{ reducedMotion: 'no-preference' }`.
 */
export const REDUCED_MOTION = { reducedMotion: 'reduce' } as const satisfies BrowserContextOptions;

/** A 1366×768 page (the counter PCs' usual screen) signed in with `token`, on the home screen. */
export async function openSignedIn(
  browser: Browser,
  host: Pick<WebHost, 'url'> & { clock: Clock },
  token: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await newContextAt(browser, host.clock, { viewport: { width: 1366, height: 768 }, ...options });
  // Init scripts run in every frame; the print preview's PDF frame has no storage of its own.
  await context.addInitScript((t) => {
    if (window === window.top) sessionStorage.setItem('motcua.token', t);
  }, token);
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByTestId('home').waitFor();
  return page;
}

/** Receives a dossier through the API (seeding lists and detail tests). */
export async function receive(rpc: Rpc, fullName: string, extra: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  return rpc('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName }, pages: 2, copies: 1, ...extra });
}

/** expect.poll with room for a loaded CI machine (its default gives up after one second). */
export function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 15_000, interval: 100 });
}
