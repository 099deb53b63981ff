/**
 * Paired LAN devices on the real HTTP host over a real SQLite file (issue #18, item 7): a short
 * code from Cài đặt, a token whose scope is only its page, stored hashed, refused by every
 * officer's row of the whole RPC table, revocable with its event stream ended at once, and the
 * public rows rate-limited. A commune with a rating tablet and no queue fields: the counter an
 * officer's window says opens the rating there; an administrator moves a tablet to another
 * counter without pairing it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpc } from '@shared/rpc';
import { DEVICE_SCOPES, isDeviceAccess, type DeviceScope } from '@shared/rpc/row';
import { ManualClock, TEST_INSTANT } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { readEventStream } from '../../support/event-stream';
import { rpcHelpers, SAMPLE_SETUP } from '../../support/web-host';

const clock = new ManualClock(TEST_INSTANT);
let host: CoreHost;
let admin: string;
let officer: string;
const { call, login } = rpcHelpers(() => host.url);
const advance = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());

async function pairDevice(scope: DeviceScope, counterNo: number | null = null): Promise<string> {
  const started = await call('devices.startPairing', { scope, label: `Thiết bị ${scope}`, counterNo }, admin);
  expect(started.status).toBe(200);
  const paired = await call('devices.pair', { code: started.body.result.code });
  expect(paired.status).toBe(200);
  return paired.body.result.token as string;
}

beforeAll(async () => {
  host = await startCoreHost({ clock });
  await call('setup.initialize', SAMPLE_SETUP);
  admin = await login(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
  await call('officers.create', { username: 'quay1', password: 'quaymot2026', fullName: 'Trần Văn Bình', role: 'officer' }, admin);
  officer = await login('quay1', 'quaymot2026');
});
afterAll(async () => host?.close());

describe('pairing', () => {
  it('pairs a rating tablet with a six-digit code from an administrator, bound to its counter', async () => {
    const started = await call('devices.startPairing', { scope: 'rating', label: 'Máy đánh giá quầy 2', counterNo: 2 }, admin);
    expect(started.body.result.code).toMatch(/^\d{6}$/);
    expect(Date.parse(started.body.result.expiresAt) - clock.now().getTime()).toBe(10 * 60_000);
    const paired = await call('devices.pair', { code: started.body.result.code });
    expect(paired.status).toBe(200);
    expect(paired.body.result.device).toMatchObject({ scope: 'rating', counterNo: 2, label: 'Máy đánh giá quầy 2' });
    const me = await call('devices.me', {}, paired.body.result.token);
    expect(me.body.result).toMatchObject({ scope: 'rating', counterNo: 2 });
    // Used once: the same code pairs nothing more.
    expect((await call('devices.pair', { code: started.body.result.code })).status).toBe(401);
  });

  it('refuses a rating tablet without a counter, and pairing by anyone but an administrator', async () => {
    expect((await call('devices.startPairing', { scope: 'rating', label: 'Máy đánh giá' }, admin)).status).toBe(400);
    expect((await call('devices.startPairing', { scope: 'kiosk', label: 'Ki-ốt' }, officer)).status).toBe(403);
    expect((await call('devices.startPairing', { scope: 'kiosk', label: 'Ki-ốt' })).status).toBe(401);
  });

  it('refuses a code after its ten minutes', async () => {
    const started = await call('devices.startPairing', { scope: 'display', label: 'Ti vi phòng chờ' }, admin);
    advance(10);
    const late = await call('devices.pair', { code: started.body.result.code });
    expect(late.status).toBe(401);
    expect(late.body.error?.message).toMatch(/hết hạn/);
    admin = await login(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
    officer = await login('quay1', 'quaymot2026');
  });

  it('keeps only hashes: neither the token nor the code is in the database file', async () => {
    const started = await call('devices.startPairing', { scope: 'kiosk', label: 'Ki-ốt lấy số' }, admin);
    const code = started.body.result.code as string;
    const pending = host.core.db.$client.prepare('SELECT code_hash FROM device_pairing').all() as { code_hash: string }[];
    expect(pending.map((p) => p.code_hash)).not.toContain(code);
    const token = (await call('devices.pair', { code })).body.result.token as string;
    host.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(path.join(host.core.paths.dataDir, 'motcua.sqlite')).toString('latin1');
    expect(bytes).not.toContain(token);
    expect(bytes).not.toContain(token.slice(3));
    const row = host.core.db.$client.prepare('SELECT token_hash FROM device WHERE label = ?').get('Ki-ốt lấy số') as { token_hash: string };
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('scopes', () => {
  it('refuses every officer row of the whole RPC table to every device scope, over HTTP', async () => {
    const names = Object.keys(rpc) as (keyof typeof rpc)[];
    let refused = 0;
    for (const scope of DEVICE_SCOPES) {
      const token = await pairDevice(scope, scope === 'rating' ? 1 : null);
      for (const name of names) {
        const access = rpc[name].access;
        if (access === 'public') continue;
        const own = isDeviceAccess(access) && access.device.includes(scope);
        const res = await call(name, {}, token);
        if (own) {
          // Its own rows get past the check (an empty input may still be refused by zod: 400).
          expect([200, 400], `${scope} → ${name}`).toContain(res.status);
        } else {
          expect(res.status, `${scope} → ${name}`).toBe(403);
          expect(res.body.error?.code).toBe('FORBIDDEN');
          refused++;
        }
      }
    }
    // Every non-public row but the scope's own, for each of the five scopes.
    const deviceRows = names.filter((n) => isDeviceAccess(rpc[n].access));
    const publicRows = names.filter((n) => rpc[n].access === 'public');
    const othersRows = DEVICE_SCOPES.map((scope) => deviceRows.filter((n) => !(rpc[n].access as { device: string[] }).device.includes(scope)).length);
    const officerRows = names.length - publicRows.length - deviceRows.length;
    expect(officerRows).toBeGreaterThan(60);
    expect(refused).toBe(officerRows * DEVICE_SCOPES.length + othersRows.reduce((a, b) => a + b, 0));
  });

  it("refuses a device's row to an officer's session", async () => {
    const res = await call('devices.me', {}, admin);
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toMatch(/thiết bị công cộng/);
  });
});

const readStream = (token: string, ms: number, whileOpen: () => Promise<void>) => readEventStream(host.url, token, ms, whileOpen);

describe('event streams and revocation', () => {
  it("sends a device none of the officers' events", async () => {
    const token = await pairDevice('display');
    const stream = await readStream(token, 300, async () => {
      host.core.events.emit('dossier.changed', { id: 'hs-1' });
      host.core.events.emit('sync.notice', { kind: 'status', message: 'Hồ sơ của ông Nguyễn Văn A đã có kết quả' });
    });
    expect(stream.status).toBe(200);
    expect(stream.text).toContain(': connected');
    expect(stream.text).not.toContain('dossier.changed');
    expect(stream.text).not.toContain('sync.notice');
  });

  it('revokes a device: listed as revoked, its calls refused and its stream ended at once', async () => {
    const token = await pairDevice('kiosk');
    const id = (await call('devices.me', {}, token)).body.result.id as string;
    const started = performance.now();
    const stream = await readStream(token, 5_000, async () => {
      const res = await call('devices.revoke', { id }, admin);
      expect(res.body.result.revokedAt).toBe(clock.now().toISOString());
    });
    expect(stream.closed).toBe(true);
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(stream.text).toContain('"reason":"revoked"');
    expect((await call('devices.me', {}, token)).status).toBe(401);
    expect((await fetch(`${host.url}/api/events`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    const listed = (await call('devices.list', {}, admin)).body.result.items.find((d: { id: string }) => d.id === id);
    expect(listed.revokedAt).not.toBeNull();
    const audit = host.core.db.$client.prepare("SELECT action FROM audit_log WHERE action LIKE 'device.%'").all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['device.pairing_started', 'device.paired', 'device.revoked']));
  });
});

describe('a rating tablet without queue fields', () => {
  const receive = async (token: string, fullName: string) => {
    const res = await call('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName }, pages: 1, copies: 1 }, token);
    expect(res.status).toBe(200);
    return res.body.result as { id: string; code: string };
  };
  const ratingRow = (dossierId: string) =>
    host.core.db.$client.prepare('SELECT dossier_id, officer_id, counter_no, level, device_id FROM rating WHERE dossier_id = ?').get(dossierId);

  it("opens the rating at the counter the officer's window names, tied to dossier, officer and counter", async () => {
    expect((await call('queue.fields', {}, officer)).body.result.items).toEqual([]);
    const tablet = await pairDevice('rating', 5);
    const tabletId = (await call('devices.me', {}, tablet)).body.result.id as string;
    // What makes the officer's call bar show with only the counter number.
    expect((await call('devices.ratingCounters', {}, officer)).body.result.counters).toContain(5);

    // No seat yet today: nothing is asked.
    const unseated = await receive(officer, 'Đỗ Văn Sơn');
    expect((await call('ratings.pending', {}, tablet)).body.result.open).toBeNull();
    expect(ratingRow(unseated.id)).toBeUndefined();

    expect((await call('queue.counter', { counterNo: 5 }, officer)).body.result).toMatchObject({ counterNo: 5, current: null, waiting: 0 });
    let dossier = { id: '', code: '' };
    const heard = await readStream(tablet, 300, async () => {
      dossier = await receive(officer, 'Ngô Thị Mai');
    });
    expect(heard.text).toContain('event: rating.opened');
    const open = (await call('ratings.pending', {}, tablet)).body.result.open;
    expect(open).toMatchObject({ counterNo: 5, event: 'received', dossierCode: dossier.code });
    expect((await call('ratings.submit', { id: open.id, level: 'satisfied' }, tablet)).status).toBe(200);
    const officerId = (await call('auth.me', {}, officer)).body.result.officer.id as string;
    expect(ratingRow(dossier.id)).toEqual({ dossier_id: dossier.id, officer_id: officerId, counter_no: 5, level: 'satisfied', device_id: tabletId });
  });

  it('moves a tablet to another counter: audited, its page told, the same token asks for the new counter', async () => {
    const tablet = await pairDevice('rating', 6);
    const other = await pairDevice('rating', 9);
    const id = (await call('devices.me', {}, tablet)).body.result.id as string;
    let moved: { counterNo: number } | undefined;
    const heard = await readStream(tablet, 300, async () => {
      moved = (await call('devices.setCounter', { id, counterNo: 7 }, admin)).body.result;
    });
    const heardByOther = await readStream(other, 300, async () => {
      await call('devices.setCounter', { id, counterNo: 7 }, admin);
    });
    expect(moved).toMatchObject({ id, counterNo: 7 });
    expect(heard.text).toContain('event: device.changed');
    expect(heardByOther.text).not.toContain('device.changed');
    expect((await call('devices.me', {}, tablet)).body.result).toMatchObject({ id, scope: 'rating', counterNo: 7 });
    expect((await call('devices.ratingCounters', {}, officer)).body.result.counters).toEqual(expect.arrayContaining([7, 9]));
    expect((await call('devices.ratingCounters', {}, officer)).body.result.counters).not.toContain(6);

    // Once audited (the second, unchanged call writes nothing), with where it was and where it went.
    const audit = host.core.db.$client.prepare("SELECT officer_id, target, details FROM audit_log WHERE action = 'device.counter_changed'").all() as { details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ id, from: 6, to: 7 });

    await call('queue.counter', { counterNo: 7 }, officer);
    const dossier = await receive(officer, 'Vũ Minh Khang');
    expect((await call('ratings.pending', {}, tablet)).body.result.open).toMatchObject({ counterNo: 7, dossierCode: dossier.code });
    expect((await call('ratings.pending', {}, other)).body.result.open).toBeNull();
  });

  it('refuses moving a device to an officer, a page that has no counter, and a revoked tablet', async () => {
    const tablet = await pairDevice('rating', 8);
    const id = (await call('devices.me', {}, tablet)).body.result.id as string;
    expect((await call('devices.setCounter', { id, counterNo: 3 }, officer)).status).toBe(403);
    const kiosk = await pairDevice('kiosk');
    const kioskId = (await call('devices.me', {}, kiosk)).body.result.id as string;
    expect((await call('devices.setCounter', { id: kioskId, counterNo: 3 }, admin)).body.error?.code).toBe('INVALID_INPUT');
    await call('devices.revoke', { id }, admin);
    expect((await call('devices.setCounter', { id, counterNo: 3 }, admin)).body.error?.code).toBe('CONFLICT');
    expect((await call('devices.ratingCounters', {}, officer)).body.result.counters).not.toContain(8);
  });
});

describe('throttling and rate limits', () => {
  const lan = (address: string) => ({ token: null, address });

  it('locks an address out after five wrong codes, and voids pending codes after thirty wrong codes overall', async () => {
    const pending = (await call('devices.startPairing', { scope: 'board', label: 'Bảng công khai' }, admin)).body.result.code as string;
    const wrong = pending === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await host.core.dispatch('devices.pair', { code: wrong }, lan('192.168.1.50'));
      expect(res.ok ? null : res.error.code).toBe('UNAUTHENTICATED');
    }
    const locked = await host.core.dispatch('devices.pair', { code: pending }, lan('192.168.1.50'));
    expect(locked.ok ? null : locked.error.code).toBe('RATE_LIMITED');
    // Twenty-five more wrong codes from many addresses: thirty overall.
    for (let i = 0; i < 25; i++) await host.core.dispatch('devices.pair', { code: wrong }, lan(`192.168.2.${i + 1}`));
    const voided = await host.core.dispatch('devices.pair', { code: pending }, lan('192.168.3.1'));
    expect(voided.ok ? null : voided.error.code).toBe('UNAUTHENTICATED');
  });

  it('limits a LAN address calling a public or a device row too often, not this PC', async () => {
    const token = await pairDevice('lookup');
    let refusedAt = -1;
    for (let i = 0; i < 125 && refusedAt < 0; i++) {
      const res = await host.core.dispatch('devices.me', {}, { token, address: '192.168.1.77' });
      if (!res.ok && res.error.code === 'RATE_LIMITED') refusedAt = i;
    }
    expect(refusedAt).toBe(120);
    // Another address, and this PC itself, are not held back by it.
    expect((await host.core.dispatch('devices.me', {}, { token, address: '192.168.1.78' })).ok).toBe(true);
    for (let i = 0; i < 130; i++) expect((await host.core.dispatch('devices.me', {}, { token })).ok).toBe(true);
    let publicRefusedAt = -1;
    for (let i = 0; i < 35 && publicRefusedAt < 0; i++) {
      const res = await host.core.dispatch('setup.status', {}, { token: null, address: '192.168.1.79' });
      if (!res.ok && res.error.code === 'RATE_LIMITED') publicRefusedAt = i;
    }
    expect(publicRefusedAt).toBe(30);
  });
});
