/**
 * The browser host on the commune LAN (issue #14): it answered any Host header, so a web page
 * could rebind its own name to the host and call it from an officer's browser, on a fresh install
 * even `setup.initialize` first; and sign-in throttling was per username only.
 *
 * Fuzzes the Host header against the real server (in process, `inject` with chosen addresses),
 * checks Origin, the first-run code, and the throttle per address; then starts the real host
 * process on the LAN (--host 0.0.0.0) and speaks raw HTTP to it.
 */
import net from 'node:net';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCore, type Core } from '../../src-main/core/core';
import { allowedHostNames, hostNameOf, isAllowedHost } from '../../src-main/web/allowed-hosts';
import { createWebServer } from '../../src-main/web/server';
import { ManualClock } from '../support/clock';
import { SAMPLE_SETUP, startWebHost, tempDir, type WebHost } from '../support/web-host';

const LAN_ADDRESS = '192.168.1.10';
const interfaces = { lo: [{ address: '127.0.0.1' }], eth0: [{ address: LAN_ADDRESS }, { address: 'fe80::1%eth0' }] } as never;
const clock = new ManualClock('2026-11-23T08:00:00+07:00');
let core: Core;
let app: FastifyInstance;

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir('motcua-lan-'), clock });
  // This test machine has no 192.168.1.10: it is given as a configured name (the real host adds
  // its interfaces' addresses itself, checked with made-up interfaces below).
  app = await createWebServer({ core, bind: '0.0.0.0', allowedHosts: ['motcua.tanlap.local', LAN_ADDRESS] });
});
afterAll(async () => {
  await app?.close();
  core?.close();
});

type Inject = { host?: string; origin?: string; from?: string; body?: unknown; token?: string };
const rpc = (name: string, o: Inject = {}) =>
  app.inject({
    method: 'POST',
    url: `/api/rpc/${name}`,
    headers: {
      host: o.host ?? `${LAN_ADDRESS}:4310`,
      'content-type': 'application/json',
      ...(o.origin ? { origin: o.origin } : {}),
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
    },
    remoteAddress: o.from ?? '192.168.1.20',
    payload: JSON.stringify(o.body ?? {}),
  });

describe('Host names', () => {
  const allowed = allowedHostNames({ bind: '0.0.0.0', extra: ['motcua.tanlap.local'], interfaces, hostname: 'MAY-CHU-MOT-CUA' });

  it('answers this machine\'s names and addresses and the configured ones', () => {
    for (const host of ['localhost:4310', '127.0.0.1:4310', '[::1]:4310', `${LAN_ADDRESS}:4310`, LAN_ADDRESS, 'motcua.tanlap.local', 'MOTCUA.TANLAP.LOCAL:80', 'may-chu-mot-cua:4310', '[fe80::1]:4310']) {
      expect(isAllowedHost(allowed, host), host).toBe(true);
    }
  });

  it('refuses every other Host header, as a property', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,20}$/);
    const name = fc.oneof(
      fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.')),
      fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.')),
      fc.constantFrom('127.0.0.1.evil.example', 'localhost.evil.example', `${LAN_ADDRESS}.nip.io`, 'evil.example', `motcua.tanlap.local.evil.example`, ''),
      fc.string({ maxLength: 40 }),
    );
    const header = fc.tuple(name, fc.option(fc.nat(65535))).map(([n, p]) => (p === null ? n : `${n}:${p}`));
    fc.assert(
      fc.property(header, (h) => {
        const n = hostNameOf(h);
        expect(isAllowedHost(allowed, h)).toBe(n !== null && allowed.has(n));
      }),
      { numRuns: 3000, seed: 14_03 },
    );
  });

  it('answers 421 with a plain sentence to a rebound name, on every path, and runs nothing', async () => {
    for (const url of ['/api/rpc/setup.status', '/api/rpc/setup.initialize', '/api/events', '/', '/index.html']) {
      const res = await app.inject({ method: url.includes('rpc') ? 'POST' : 'GET', url, headers: { host: 'evil.example:4310', 'content-type': 'application/json' }, payload: url.includes('initialize') ? JSON.stringify(SAMPLE_SETUP) : undefined, remoteAddress: '127.0.0.1' });
      expect(res.statusCode, url).toBe(421);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.body).toMatch(/không phục vụ tên miền này/);
    }
    expect(core.services.office.isInitialized()).toBe(false);
  });

  it('refuses a call whose Origin is another site, even under our own Host name', async () => {
    const res = await rpc('setup.status', { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect((await rpc('setup.status', { origin: `http://${LAN_ADDRESS}:4310` })).statusCode).toBe(200);
  });
});

describe('first run from another machine', () => {
  it('tells the page a code is needed, refuses without it or with a wrong one, and sets up with it', async () => {
    expect((await rpc('setup.status')).json().result).toEqual({ initialized: false, setupCodeRequired: true });
    const without = await rpc('setup.initialize', { body: SAMPLE_SETUP });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.message).toMatch(/mã khởi tạo/);
    const wrong = await rpc('setup.initialize', { body: { ...SAMPLE_SETUP, setupCode: 'AAAAA-BBBBB' } });
    expect(wrong.statusCode).toBe(403);
    expect(core.services.office.isInitialized()).toBe(false);
    const code = core.setupCode()!;
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const ok = await rpc('setup.initialize', { body: { ...SAMPLE_SETUP, setupCode: code.toLowerCase().replace('-', ' ') } });
    expect(ok.statusCode).toBe(200);
    expect(core.setupCode()).toBeNull();
  });
});

describe('sign-in throttling by address and username together', () => {
  it('keeps the administrator signing in at their desk while another desk guesses their password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await rpc('auth.login', { from: '192.168.1.66', body: { username: 'quantri', password: `doan-bua-${i}` } })).statusCode).toBe(401);
    }
    expect((await rpc('auth.login', { from: '192.168.1.66', body: { username: 'quantri', password: SAMPLE_SETUP.admin.password } })).statusCode).toBe(429);
    const atDesk = await rpc('auth.login', { from: '192.168.1.11', body: { username: 'quantri', password: SAMPLE_SETUP.admin.password } });
    expect(atDesk.statusCode).toBe(200);
    // The audit row says where the guesses came from.
    const rows = core.db.$client.prepare("SELECT details FROM audit_log WHERE action = 'auth.login_failed'").all() as { details: string }[];
    expect(rows.every((r) => JSON.parse(r.details).source === '192.168.1.66')).toBe(true);
  });

  it('slows one address spraying a password over many usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await rpc('auth.login', { from: '192.168.1.77', body: { username: `canbo${i}`, password: 'Matkhau@2026' } })).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect((await rpc('auth.login', { from: '192.168.1.11', body: { username: 'quantri', password: SAMPLE_SETUP.admin.password } })).statusCode).toBe(200);
  });
});

/** One raw HTTP/1.1 request, Host header as given: what a rebinding page's browser sends. */
function rawRequest(port: number, host: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.on('data', (c) => (data += c.toString('utf8')));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('the real host process on the LAN', () => {
  let host: WebHost;
  beforeAll(async () => {
    host = await startWebHost({ args: ['--host', '0.0.0.0', '--allowed-host', 'motcua.tanlap.local'] });
  });
  afterAll(async () => host?.stop());

  it('prints the first-run code on its console, and answers only its own names', async () => {
    await vi.waitFor(() => expect(host.output).toMatch(/mã khởi tạo: [A-Z2-9]{5}-[A-Z2-9]{5}/), { timeout: 10_000 });
    const port = Number(new URL(host.url).port);
    expect(await rawRequest(port, 'evil.example', '/api/rpc/setup.status')).toMatch(/^HTTP\/1\.1 421/);
    expect(await rawRequest(port, `localhost:${port}`, '/')).toMatch(/^HTTP\/1\.1 (200|404)/);
    expect(await rawRequest(port, 'motcua.tanlap.local', '/')).toMatch(/^HTTP\/1\.1 (200|404)/);
  });
});
