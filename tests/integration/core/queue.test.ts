/**
 * The waiting-room queue on the real HTTP host over a real SQLite file (issue #18, item 1): a
 * kiosk takes numbers per field, officers at two counters call, re-call, skip and transfer, the
 * calling screen's device sees what is served and hears the calls, and numbers restart with
 * Vietnam's day, not the PC's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { rpcHelpers, SAMPLE_SETUP } from '../../support/web-host';

// 08:00 in Vietnam is 01:00 UTC: the PC's UTC date and Vietnam's agree here; the day change below does not.
const clock = new ManualClock('2026-11-17T08:00:00+07:00');
let host: CoreHost;
let admin: string;
let officer2: string;
let kiosk: string;
let display: string;
const { call, ok, login } = rpcHelpers(() => host.url);
let fields: { id: string; name: string }[];
const field = (name: string) => fields.find((f) => f.name === name)!.id;

async function pair(scope: string): Promise<string> {
  const { code } = await ok('devices.startPairing', { scope, label: scope }, admin);
  return (await call('devices.pair', { code })).body.result.token;
}

beforeAll(async () => {
  host = await startCoreHost({ clock });
  await call('setup.initialize', SAMPLE_SETUP);
  admin = await login(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
  await ok('officers.create', { username: 'quay2', password: 'quayhai2026', fullName: 'Phạm Minh Tuấn', role: 'officer' }, admin);
  officer2 = await login('quay2', 'quayhai2026');
  fields = (
    await ok(
      'queue.saveFields',
      { fields: [{ name: 'Hộ tịch', counters: [1] }, { name: 'Chứng thực', counters: [2] }, { name: 'Đất đai', counters: [1, 2] }] },
      admin,
    )
  ).items;
  kiosk = await pair('kiosk');
  display = await pair('display');
});
afterAll(async () => host?.close());

describe('the queue', () => {
  it('offers the kiosk the active fields only, and numbers tickets from 001 with the people waiting', async () => {
    expect((await ok('queue.kioskFields', {}, kiosk)).items.map((f: { name: string }) => f.name)).toEqual(['Hộ tịch', 'Chứng thực', 'Đất đai']);
    const a = await ok('queue.takeTicket', { fieldId: field('Hộ tịch') }, kiosk);
    expect(a.ticket).toMatchObject({ number: 1, label: '001', fieldName: 'Hộ tịch', state: 'waiting', day: '2026-11-17' });
    expect(a.waitingBefore).toBe(0);
    const b = await ok('queue.takeTicket', { fieldId: field('Chứng thực') }, kiosk);
    const c = await ok('queue.issueTicket', { fieldId: field('Hộ tịch') }, officer2);
    const d = await ok('queue.takeTicket', { fieldId: field('Đất đai') }, kiosk);
    expect([b.ticket.label, c.ticket.label, d.ticket.label]).toEqual(['002', '003', '004']);
    expect(c.waitingBefore).toBe(1);
    expect((await ok('queue.counter', { counterNo: 1 }, admin)).waiting).toBe(3); // 001, 003 (hộ tịch), 004 (đất đai)
    expect((await ok('queue.counter', { counterNo: 2 }, admin)).waiting).toBe(2); // 002, 004
  });

  it('lets two counters call their own fields in order, and the calling screen follow', async () => {
    const c1 = await ok('queue.callNext', { counterNo: 1 }, admin);
    expect(c1.current).toMatchObject({ label: '001', counterNo: 1, state: 'called', callCount: 1 });
    const c2 = await ok('queue.callNext', { counterNo: 2 }, officer2);
    expect(c2.current).toMatchObject({ label: '002', counterNo: 2 });
    const screen = await ok('queue.display', {}, display);
    expect(screen.serving.map((s: { counterNo: number; label: string }) => [s.counterNo, s.label]).sort()).toEqual([
      [1, '001'],
      [2, '002'],
    ]);
    expect(screen.next.map((n: { label: string }) => n.label)).toEqual(['003', '004']);
    // The next call at counter 1 marks 001 served.
    const again = await ok('queue.callNext', { counterNo: 1 }, admin);
    expect(again.current.label).toBe('003');
    const served = host.core.db.$client.prepare("SELECT state FROM queue_ticket WHERE number = 1").pluck().get();
    expect(served).toBe('served');
  });

  it('re-calls, skips a number nobody answers, and sends one to another counter ahead of its queue', async () => {
    expect((await ok('queue.recall', { counterNo: 1 }, admin)).current).toMatchObject({ label: '003', callCount: 2 });
    await ok('queue.takeTicket', { fieldId: field('Chứng thực') }, kiosk); // 005
    // 003 needs counter 2: it goes there ahead of 004 and 005.
    const moved = await ok('queue.transfer', { counterNo: 1, toCounterNo: 2 }, admin);
    expect(moved.current).toBeNull();
    expect((await call('queue.transfer', { counterNo: 1, toCounterNo: 2 }, admin)).status).toBe(409);
    const at2 = await ok('queue.callNext', { counterNo: 2 }, officer2);
    expect(at2.current).toMatchObject({ label: '003', counterNo: 2, transferredTo: 2 });
    const skipped = await ok('queue.skip', { counterNo: 2 }, officer2);
    expect(skipped.current).toBeNull();
    expect(host.core.db.$client.prepare('SELECT state FROM queue_ticket WHERE number = 3').pluck().get()).toBe('skipped');
    expect((await ok('queue.callNext', { counterNo: 2 }, officer2)).current.label).toBe('004');
    expect((await call('queue.transfer', { counterNo: 2, toCounterNo: 2 }, officer2)).status).toBe(400);
  });

  it("sends the calling screen's device the calls, with nothing personal", async () => {
    const abort = new AbortController();
    const res = await fetch(`${host.url}/api/events`, { headers: { Authorization: `Bearer ${display}` }, signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const reading = (async () => {
      while (!text.includes('event: queue.called')) {
        const { value, done } = await reader.read();
        if (done) return;
        text += value;
      }
    })();
    await ok('queue.callNext', { counterNo: 2 }, officer2); // 004 served; 005 (chứng thực) is counter 2's
    await Promise.race([reading, new Promise((r) => setTimeout(r, 3_000))]);
    abort.abort();
    const called = text.split('\n\n').find((b) => b.startsWith('event: queue.called'));
    expect(called, text).toBeDefined();
    expect(JSON.parse(called!.split('data: ')[1]!)).toEqual({ label: '005', counterNo: 2, fieldName: 'Chứng thực', callCount: 1, at: clock.now().toISOString() });
  });

  it("restarts numbers with Vietnam's day: 06:30 in Vietnam is still the day before in UTC", async () => {
    clock.set('2026-11-18T06:30:00+07:00');
    admin = await login(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
    const first = await ok('queue.takeTicket', { fieldId: field('Hộ tịch') }, kiosk);
    expect(first.ticket).toMatchObject({ label: '001', day: '2026-11-18' });
    // Yesterday's number still "called" at counter 1 is nobody's current today.
    const c1 = await ok('queue.counter', { counterNo: 1 }, admin);
    expect(c1.current).toBeNull();
    expect(c1.waiting).toBe(1);
    expect((await ok('queue.display', {}, display)).serving).toEqual([]);
  });

  it('stops offering a field left out of the list, keeping its old tickets', async () => {
    await ok('queue.saveFields', { fields: [{ id: field('Hộ tịch'), name: 'Hộ tịch', counters: [1] }] }, admin);
    expect((await ok('queue.kioskFields', {}, kiosk)).items.map((f: { name: string }) => f.name)).toEqual(['Hộ tịch']);
    expect((await call('queue.takeTicket', { fieldId: field('Đất đai') }, kiosk)).status).toBe(404);
  });
});
