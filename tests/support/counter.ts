/**
 * Shortcuts for e2e files that test the counter screens rather than first run: the office is set
 * up and signed in through the RPC API (fast), and the page starts already holding the session
 * token the renderer keeps in sessionStorage, so it opens straight on the shell.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { rpcCall, SAMPLE_SETUP } from './web-host';

export type Rpc = (name: string, input: unknown) => Promise<any>;

export interface Counter {
  token: string;
  rpc: Rpc;
}

export async function setUpCounter(url: string): Promise<Counter> {
  const init = await rpcCall(url, 'setup.initialize', SAMPLE_SETUP);
  if (!init.body.ok) throw new Error(`setup.initialize: ${JSON.stringify(init.body.error)}`);
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

/** A 1366×768 page (the counter PCs' usual screen) signed in with `token`, on the home screen. */
export async function openSignedIn(browser: Browser, url: string, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await context.addInitScript((t) => sessionStorage.setItem('motcua.token', t), token);
  const page = await context.newPage();
  await page.goto(url);
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
