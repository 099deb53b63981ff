/**
 * A real counter core (SQLite in a temp folder) and a real hub (PGlite, then PostgreSQL) over real
 * HTTP on 127.0.0.1: enrollment, receipts made while the hub is down, the push when it returns,
 * province statuses and publications coming down, a rejected op fixed and resubmitted, and a
 * counter whose clock is two days off.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src-main/core/core';
import type { SyncStatus } from '@shared/rpc/sync';
import { appliedOp, commune, dossier as hubDossier, dossierEvent as hubEvent } from '../../../src-server/db/schema';
import { createCommune } from '../../../src-server/admin/communes';
import { renderPng, zbar } from '../../print/tools';
import { ManualClock, runningClock } from '../../support/clock';
import { SAMPLE_SETUP, tempDir } from '../../support/web-host';
import { BACKENDS, enrollCounter, makeDossier, openBackend, push, startHub, upsertOp, type Backend } from '../hub/harness';
import { enrollmentCode, initCounter, receiveInput, rpcOk, startLiveHub, type LiveHub } from './support';

const AGENCY = '000.00.17.H56';
const OTHER_AGENCY = '000.00.18.H56';

describe.each(BACKENDS)('a counter syncing with the province hub on %s', (backendName) => {
  let backend: Backend;
  let hub: LiveHub;
  let core: Core;
  let admin: string;
  /** Counter and hub on the same day and time, as machines kept right by NTP would be. */
  const clock = runningClock();
  const call = <T = any>(name: string, input: unknown = {}) => rpcOk<T>(core, admin, name, input);
  const outboxStates = () =>
    core.db.$client.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state ORDER BY state').all() as { state: string; n: number }[];
  const hubDossiers = () => hub.backend.database.db.select().from(hubDossier).where(eq(hubDossier.communeCode, AGENCY));

  beforeAll(async () => {
    backend = await openBackend(backendName);
    hub = await startLiveHub(backend, { clock });
    await hub.backend.database.db.insert(commune).values({ code: AGENCY, name: 'UBND xã Tân Lập' });
    core = await openCore({ dataDir: tempDir('motcua-sync-'), clock });
    ({ admin } = await initCounter(core, AGENCY));
  });
  afterAll(async () => {
    core?.close();
    await hub?.down();
    await backend?.dispose();
  });

  it('refuses a wrong enrollment code and enrolls with a valid one, keeping the token out of every answer', async () => {
    const wrong = await core.dispatch('sync.enroll', { hubUrl: hub.url, code: 'AAAAA-BBBBB-CCCCC' }, { token: admin });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.error.code).toBe('INVALID_INPUT');

    const status = await call<SyncStatus>('sync.enroll', { hubUrl: hub.url, code: await enrollmentCode(hub, AGENCY) });
    expect(status).toMatchObject({ enrolled: true, hubUrl: hub.url, communeCode: AGENCY, pending: 0, state: 'idle' });
    // Kept out of the database (and so out of its backups): in the owner-only secrets file.
    const token = fs.readFileSync(path.join(core.paths.dataDir, 'secrets', 'device-token'), 'utf8');
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(core.paths.dataDir, 'secrets', 'device-token')).mode & 0o777).toBe(0o600);
    core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(path.join(core.paths.dataDir, 'motcua.sqlite'), 'latin1')).not.toContain(token);
    expect(JSON.stringify(status)).not.toContain(token);
    const audit = core.db.$client.prepare("SELECT details FROM audit_log WHERE action = 'sync.enroll'").all() as { details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).not.toContain(token);
  });

  it('keeps receipts pending while the hub is down and reports the counter offline', async () => {
    await hub.down();
    await call('dossiers.receive', receiveInput('Nguyễn Thị Hồng Đào'));
    await call('dossiers.receive', receiveInput('Đỗ Đức Dũng'));
    const status = await call<SyncStatus>('sync.now');
    expect(status).toMatchObject({ pending: 4, state: 'offline', lastError: { code: 'network' } });
    expect(status.oldestPendingAt).not.toBeNull();
  });

  it('pushes everything once the hub is back, exactly once', async () => {
    await hub.up();
    const status = await call<SyncStatus>('sync.now');
    expect(status).toMatchObject({ pending: 0, state: 'idle', lastError: null, rejected: [] });
    expect(status.lastSuccessAt).not.toBeNull();
    expect(outboxStates()).toEqual([{ state: 'applied', n: 4 }]);
    const rows = await hubDossiers();
    expect(rows.map((r) => r.snapshot.applicant.fullName).sort()).toEqual(['Nguyễn Thị Hồng Đào', 'Đỗ Đức Dũng']);
    // A second pass sends nothing new.
    await call('sync.now');
    const [{ n }] = await hub.backend.database.db.select({ n: sql<number>`count(*)::int` }).from(appliedOp);
    expect(n).toBe(4);
  });

  it('prints a receipt whose QR opens the hub\'s lookup for its holder only', async () => {
    // A civil-status procedure: police procedures print the police's own forms, not Mẫu 01.
    const { id } = await call<{ id: string }>('dossiers.receive', { ...receiveInput('Trần Thị Mai'), procedureCode: '1.004873' });
    await call('sync.now');
    const first = (await hubDossiers()).find((d) => d.id === id);
    const printed = await call<{ pdf: string }>('print.render', { form: 'mau01', dossierId: id });
    const file = path.join(tempDir('motcua-qr-'), 'mau01.pdf');
    fs.writeFileSync(file, Buffer.from(printed.pdf, 'base64'));
    const [link] = zbar(renderPng(fs.readFileSync(file), 200));
    expect(link).toMatch(new RegExp(`^${hub.url}/tra-cuu/${first!.snapshot.code}\\?k=[A-Z2-9]{10}$`));
    const opened = await fetch(link!, { headers: { accept: 'application/json' } });
    expect(await opened.json()).toMatchObject({ ok: true, result: { code: first!.snapshot.code, statusLabel: 'Đã tiếp nhận' } });
    // Only the key's hash went up; without the key, the code alone shows nothing.
    expect(first!.snapshot.lookupKeyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(first!.snapshot)).not.toContain(new URL(link!).searchParams.get('k'));
    expect((await fetch(`${hub.url}/tra-cuu/${first!.snapshot.code}`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('brings a province status change down without echoing it back up, and tells the UI', async () => {
    const [target] = await hubDossiers();
    const changed = await hub.admin('POST', `/v1/admin/dossiers/${target!.id}/status`, { status: 'processing', officer: 'Trần Văn Bình', note: 'Chuyển phòng Tư pháp' });
    expect(changed.status).toBe(200);
    const seen: string[] = [];
    const notices: string[] = [];
    const off = core.events.subscribe((name, payload) => {
      if (name === 'dossier.changed') seen.push((payload as { id: string }).id);
      if (name === 'sync.notice') notices.push((payload as { message: string }).message);
    });
    const outboxBefore = outboxStates();
    await call('sync.now');
    off();
    const detail = await call('dossiers.get', { id: target!.id });
    expect(detail.status).toBe('processing');
    expect(detail.events.at(-1)).toMatchObject({ type: 'province.status', officerName: 'Trần Văn Bình', toStatus: 'processing', note: 'Chuyển phòng Tư pháp' });
    expect(outboxStates()).toEqual(outboxBefore);
    expect(seen).toEqual([target!.id]);
    expect(notices.join(' ')).toContain('Đang xử lý');
    // Pulling again applies nothing twice.
    await call('sync.now');
    expect((await call('dossiers.get', { id: target!.id })).events.filter((e: { type: string }) => e.type === 'province.status')).toHaveLength(1);
  });

  it('installs the catalog, calendar and agency list the province publishes', async () => {
    const catalog = { ...core.services.catalog.current(), version: 'TH-2026.12' };
    const calendar = core.services.calendar.current();
    expect((await hub.admin('POST', '/v1/admin/publications', { kind: 'catalog', version: 'TH-2026.12', data: catalog })).status).toBe(201);
    expect((await hub.admin('POST', '/v1/admin/publications', { kind: 'calendar', version: 'L-2027', data: calendar })).status).toBe(201);
    expect((await hub.admin('POST', '/v1/admin/publications', { kind: 'agency', version: 'CQ-1', data: [{ code: AGENCY, name: 'UBND xã Tân Lập' }] })).status).toBe(201);
    await call('sync.now');
    expect(core.services.catalog.currentVersion()).toBe('TH-2026.12');
    expect(core.services.catalog.versions()[0]).toMatchObject({ origin: 'province' });
    const cal = core.db.$client.prepare('SELECT origin, note FROM calendar_version ORDER BY id DESC LIMIT 1').get() as { origin: string; note: string };
    expect(cal).toMatchObject({ origin: 'province', note: expect.stringContaining('L-2027') });
    const agencies = core.db.$client.prepare("SELECT value FROM sync_meta WHERE key = 'agencies'").get() as { value: string };
    expect(JSON.parse(agencies.value)).toMatchObject({ version: 'CQ-1' });
    const cursors = core.db.$client.prepare('SELECT scope, cursor FROM sync_cursor ORDER BY scope').all();
    expect(cursors).toEqual([
      { scope: `commune:${AGENCY}`, cursor: 1 },
      { scope: 'province', cursor: 3 },
    ]);
  });

  it('lists an op the hub rejected, and resubmits it as a new op after the officer fixed the dossier', async () => {
    const received = await call('dossiers.receive', receiveInput('Lê Văn Tám'));
    // Another installation of the commune already used this code (a desk misconfiguration).
    const harnessHub = await startHub(backend, { clock });
    const other = await enrollCounter(harnessHub, AGENCY, 'Quầy 2');
    const taken = await push(harnessHub, other, [upsertOp(other, makeDossier(AGENCY, { code: received.code }))]);
    expect(taken.body.results[0]!.result).toBe('applied');
    await harnessHub.close();

    const status = await call<SyncStatus>('sync.now');
    expect(status.pending).toBe(0);
    const rejected = (await call<{ items: SyncStatus['rejected'] }>('sync.rejected')).items;
    expect(rejected.map((r) => [r.opType, r.code])).toEqual([
      ['dossier.event', 'dossier_not_found'],
      ['dossier.upsert', 'duplicate_code'],
    ]);
    expect(rejected[1]).toMatchObject({ dossierCode: received.code, reason: expect.stringContaining('đã được dùng') });

    // The officer corrects the number (here directly; the fix screen belongs to the UI).
    core.db.$client.prepare('UPDATE dossier SET code = ? WHERE id = ?').run(`${received.code}-B`, received.id);
    const { newOpId } = await call('sync.resubmit', { opId: rejected[1]!.opId });
    expect(newOpId).not.toBe(rejected[1]!.opId);
    const after = await call<SyncStatus>('sync.now');
    expect(after).toMatchObject({ pending: 0, rejected: [] });
    const [mirrored] = await hub.backend.database.db.select().from(hubDossier).where(eq(hubDossier.id, received.id));
    expect(mirrored!.code).toBe(`${received.code}-B`);
    const events = await hub.backend.database.db.select().from(hubEvent).where(eq(hubEvent.dossierId, received.id));
    expect(events).toHaveLength(1);
    const old = core.db.$client.prepare('SELECT state, resubmitted_as AS r FROM outbox WHERE op_id = ?').get(rejected[1]!.opId);
    expect(old).toEqual({ state: 'rejected', r: newOpId });
    expect(core.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.resubmit'").get()).toEqual({ n: 1 });
  });

  it('once started, pushes a receipt on its own about two seconds after it was committed', async () => {
    core.services.sync.start();
    try {
      await call('dossiers.receive', receiveInput('Hoàng Văn Nam'));
      expect((await call<SyncStatus>('sync.status')).pending).toBe(2);
      const started = performance.now();
      let pending = 2;
      while (pending > 0 && performance.now() - started < 10_000) {
        await new Promise((r) => setTimeout(r, 200));
        pending = (await call<SyncStatus>('sync.status')).pending;
      }
      expect(pending).toBe(0);
      expect(performance.now() - started).toBeGreaterThanOrEqual(1_500);
    } finally {
      core.services.sync.stop();
    }
  });

  it('measures a clock two days slow, blocks appointment printing until an audited override, and trusts it again once fixed', async () => {
    await createCommune(backend.database.db, { code: OTHER_AGENCY, name: 'UBND xã Tân Phúc' });
    const daysBeforeHub = (days: number) => new Date(hub.clock.now().getTime() - days * 86_400_000).toISOString();
    const slow = new ManualClock(daysBeforeHub(2));
    const other = await openCore({ dataDir: tempDir('motcua-sync-clock-'), clock: slow });
    try {
      let { admin: otherAdmin } = await initCounter(other, OTHER_AGENCY);
      // Setting the clock right moves it two days on: core ends the session, the officer signs in again.
      const signInAgain = async () => {
        const login = await other.dispatch('auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password }, { token: null });
        otherAdmin = (login as { result: { token: string } }).result.token;
      };
      const status = await rpcOk<SyncStatus>(other, otherAdmin, 'sync.enroll', { hubUrl: hub.url, code: await enrollmentCode(hub, OTHER_AGENCY) });
      expect(status.clockOffsetMs!).toBeGreaterThan(2 * 86_400_000 - 60_000);
      expect(status.clockOffsetMs!).toBeLessThan(2 * 86_400_000 + 60_000);
      expect(status.clockWarning).toContain('CẢNH BÁO: Đồng hồ máy tính đang chậm 2 ngày');
      expect(other.services.sync.printingBlocked()).toBe(true);
      expect(() => other.services.sync.assertAppointmentPrintAllowed()).toThrow(/Đồng hồ máy tính/);
      // Through the print path: no appointment slip while the clock is untrusted; guidance still prints.
      // A UBND procedure: residence ones are received for Công an cấp xã and print no TT 03/2025 form at all.
      const { id: blockedId } = await rpcOk<{ id: string }>(other, otherAdmin, 'dossiers.receive', { ...receiveInput('Vũ Thị Hạnh'), procedureCode: '1.004873' });
      const refusedSlip = await other.dispatch('print.render', { form: 'mau01', dossierId: blockedId }, { token: otherAdmin });
      expect(!refusedSlip.ok && refusedSlip.error.code).toBe('CONFLICT');
      expect(!refusedSlip.ok && refusedSlip.error.message).toMatch(/Đồng hồ máy tính/);
      const guidance = await other.dispatch(
        'print.render',
        { form: 'mau02', dossierId: blockedId, details: { supplement: { items: [{ name: 'Sổ hộ khẩu', originals: 1, certifiedCopies: 0, photocopies: 0 }], reason: 'Thiếu giấy tờ' } } },
        { token: otherAdmin },
      );
      expect(guidance.ok).toBe(true);

      const officerToken = await makeOfficer(other, otherAdmin);
      const denied = await other.dispatch('sync.overrideClock', { reason: 'Máy mất điện, đã gọi tỉnh xác nhận giờ' }, { token: officerToken });
      expect(!denied.ok && denied.error.code).toBe('FORBIDDEN');
      const overridden = await rpcOk<SyncStatus>(other, otherAdmin, 'sync.overrideClock', { reason: 'Máy mất điện, đã gọi tỉnh xác nhận giờ' });
      expect(overridden.clockOverride).toMatchObject({ reason: 'Máy mất điện, đã gọi tỉnh xác nhận giờ' });
      expect(other.services.sync.printingBlocked()).toBe(false);
      expect((await other.dispatch('print.render', { form: 'mau01', dossierId: blockedId }, { token: otherAdmin })).ok).toBe(true);
      expect(other.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.clock_override'").get()).toEqual({ n: 1 });

      slow.set(daysBeforeHub(0));
      await signInAgain();
      const fixed = await rpcOk<SyncStatus>(other, otherAdmin, 'sync.now');
      expect(fixed).toMatchObject({ clockWarning: null, clockOverride: null });
      expect(Math.abs(fixed.clockOffsetMs!)).toBeLessThan(60_000);
      // The override ended with the distrust: a new drift blocks printing again.
      slow.set(daysBeforeHub(1));
      await rpcOk(other, otherAdmin, 'sync.now');
      expect(other.services.sync.printingBlocked()).toBe(true);

      // A revoked device stops and says so.
      const deviceId = readDeviceId(other);
      expect((await hub.admin('POST', `/v1/admin/devices/${deviceId}/revoke`)).status).toBe(200);
      await rpcOk(other, otherAdmin, 'dossiers.receive', receiveInput('Phạm Thị Lan'));
      const revoked = await rpcOk<SyncStatus>(other, otherAdmin, 'sync.now');
      expect(revoked).toMatchObject({ state: 'revoked', pending: 2, lastError: { code: 'device_revoked' } });
    } finally {
      other.close();
    }
  });
});

function readDeviceId(core: Core): string {
  const row = core.db.$client.prepare("SELECT value FROM sync_meta WHERE key = 'enrollment'").get() as { value: string };
  return (JSON.parse(row.value) as { deviceId: string }).deviceId;
}

async function makeOfficer(core: Core, admin: string): Promise<string> {
  await rpcOk(core, admin, 'officers.create', { username: 'quay1', password: 'quaymot2026', fullName: 'Phạm Minh Tuấn', role: 'officer' });
  const login = await core.dispatch('auth.login', { username: 'quay1', password: 'quaymot2026' }, { token: null });
  return (login as { result: { token: string } }).result.token;
}
