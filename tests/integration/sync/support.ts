/**
 * A real hub listening on 127.0.0.1 that can go down and come back on the same address (the
 * counter keeps the URL it enrolled with), and counters set up the way an administrator does.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { issueEnrollmentCode } from '../../../src-server/admin/communes';
import { upsertAdmin } from '../../../src-server/admin/admins';
import { buildApp, type HubOptions } from '../../../src-server/app';
import type { Core } from '../../../src-main/core/core';
import type { Clock } from '../../../src-shared/clock';
import { runningClock } from '../../support/clock';
import { ADMIN, adminHeaders, type Backend } from '../hub/harness';
import { SAMPLE_SETUP } from '../../support/web-host';

export interface LiveHub {
  url: string;
  backend: Backend;
  /** The hub's clock (running from TEST_INSTANT unless the test gave its own). */
  clock: Clock;
  up(): Promise<void>;
  down(): Promise<void>;
  isUp(): boolean;
  admin<T = any>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function startLiveHub(backend: Backend, options: Partial<HubOptions> = {}): Promise<LiveHub> {
  await upsertAdmin(backend.database.db, ADMIN);
  const clock = options.clock ?? runningClock();
  let app: FastifyInstance | null = null;
  let port = 0;
  const up = async () => {
    if (app) return;
    app = await buildApp({ database: backend.database, logger: false, ...options, clock });
    await app.listen({ port, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  };
  await up();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    backend,
    clock,
    up,
    down: async () => {
      const closing = app;
      app = null;
      await closing?.close();
    },
    isUp: () => app !== null,
    admin: async (method, path, body) => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: { ...adminHeaders, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as any };
    },
  };
}

/** First-run setup and an admin session, through dispatch (no HTTP host needed). */
export async function initCounter(core: Core, agencyCode: string, deskNumber: number | null = null): Promise<{ admin: string }> {
  const setup = { ...SAMPLE_SETUP, office: { ...SAMPLE_SETUP.office, agencyCode } };
  const init = await core.dispatch('setup.initialize', setup, { token: null });
  if (!init.ok) throw new Error(`setup failed: ${JSON.stringify(init.error)}`);
  if (deskNumber !== null) core.db.$client.prepare('UPDATE office SET desk_number = ?').run(deskNumber);
  const login = await core.dispatch('auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password }, { token: null });
  if (!login.ok) throw new Error('login failed');
  return { admin: (login.result as { token: string }).token };
}

/** Calls one RPC row and returns its result, failing the test on an error envelope. */
export async function rpcOk<T = any>(core: Core, token: string, name: string, input: unknown = {}): Promise<T> {
  const res = await core.dispatch(name, input, { token });
  if (!res.ok) throw new Error(`${name} failed: ${res.error.code} ${res.error.message}`);
  return res.result as T;
}

/** A one-time enrollment code, issued at the hub's time. */
export async function enrollmentCode(hub: LiveHub, communeCode: string): Promise<string> {
  return (await issueEnrollmentCode(hub.backend.database.db, communeCode, hub.clock.now())).code;
}

/** A receipt with a procedure of the shipped catalog (đăng ký tạm trú, 3 working days). */
export function receiveInput(fullName: string) {
  return { procedureCode: '1.004194', applicant: { fullName, phone: '0912345678', address: 'Thôn Đông, xã Tân Lập' } };
}

/**
 * A scanned page of the dossier naming a file put in the counter's store, written as the scan
 * service binds one (capture itself is tested in tests/integration/scans). Returns the page id.
 */
export function addScanPage(core: Core, at: string, page: { dossierId: string; bytes: Buffer; seq?: number; itemName?: string; source?: string }): string {
  const stored = core.services.files.put(page.bytes);
  const { id: officerId } = core.db.$client.prepare('SELECT id FROM officer LIMIT 1').get() as { id: string };
  const pageId = randomUUID();
  core.db.$client
    .prepare(
      `INSERT INTO scan_page (id, batch, dossier_id, role, item_position, item_name, seq, sha256, size, source, added_at, added_by)
       VALUES (?, ?, ?, 'document', 0, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(pageId, randomUUID(), page.dossierId, page.itemName ?? 'Tờ khai thay đổi thông tin cư trú', page.seq ?? 0, stored.sha256, stored.size, page.source ?? 'upload', at, officerId);
  return pageId;
}
