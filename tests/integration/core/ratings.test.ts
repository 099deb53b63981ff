/**
 * The rating tablet and the service report on the real HTTP host over a real SQLite file (issue
 * #18, items 1, 3 and 8): a number called at a counter is linked to the dossier received next
 * there; receiving and returning open a rating that only that counter's tablet hears, answered
 * once; the report's waiting and service times, tickets per hour and ratings on a seeded day whose
 * figures are worked out by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { readEventStream } from '../../support/event-stream';
import { rpcHelpers, SAMPLE_SETUP } from '../../support/web-host';

const clock = new ManualClock('2026-11-17T07:55:00+07:00');
const at = (hm: string) => clock.set(`2026-11-17T${hm}:00+07:00`);
const MIN = 60_000;
let host: CoreHost;
let admin: string;
let officer2: string;
let kiosk: string;
let tablet1: string;
let tablet2: string;
const { call, ok, login } = rpcHelpers(() => host.url);
let fields: { id: string; name: string }[];
const field = (name: string) => fields.find((f) => f.name === name)!.id;
const take = async (name: string) => (await ok('queue.takeTicket', { fieldId: field(name) }, kiosk)).ticket.label as string;
const receive = async (token: string, fullName: string) =>
  ok('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName }, pages: 1, copies: 1 }, token) as Promise<{ id: string; code: string }>;

async function pair(scope: string, counterNo: number | null): Promise<string> {
  const { code } = await ok('devices.startPairing', { scope, label: `${scope} ${counterNo ?? ''}`, counterNo }, admin);
  return (await call('devices.pair', { code })).body.result.token;
}

beforeAll(async () => {
  host = await startCoreHost({ clock });
  await call('setup.initialize', SAMPLE_SETUP);
  admin = await login(SAMPLE_SETUP.admin.username, SAMPLE_SETUP.admin.password);
  await ok('officers.create', { username: 'quay2', password: 'quayhai2026', fullName: 'Phạm Minh Tuấn', role: 'officer' }, admin);
  officer2 = await login('quay2', 'quayhai2026');
  // The seeded day moves the clock by hours; the screens' idle lock is not under test here.
  await ok('settings.update', { idleLockMinutes: 0, sessionMaxHours: 24 }, admin);
  fields = (await ok('queue.saveFields', { fields: [{ name: 'Hộ tịch', counters: [1] }, { name: 'Chứng thực', counters: [2] }] }, admin)).items;
  kiosk = await pair('kiosk', null);
  tablet1 = await pair('rating', 1);
  tablet2 = await pair('rating', 2);
});
afterAll(async () => host?.close());

describe('a seeded day at two counters', () => {
  it('links the number called to the dossier received, and opens a rating only the counter’s tablet hears', async () => {
    at('08:00');
    expect(await take('Hộ tịch')).toBe('001'); // A
    at('08:05');
    expect(await take('Hộ tịch')).toBe('002'); // B
    at('08:10');
    expect(await take('Chứng thực')).toBe('003'); // C
    const a = await ok('queue.callNext', { counterNo: 1 }, admin); // A waited 10 min
    expect(a.current.label).toBe('001');

    let dossier = { id: '', code: '' };
    const heard1 = await readEventStream(host.url, tablet1, 300, async () => {
      dossier = await receive(admin, 'Lê Văn Bình');
    });
    const heard2 = await readEventStream(host.url, tablet2, 300, async () => {
      await ok('ratings.pending', {}, tablet2);
    });
    expect(heard1.text).toContain('event: rating.opened');
    expect(heard1.text).toContain(dossier.code);
    // Nothing about the citizen reaches the tablet.
    expect(heard1.text).not.toContain('Lê Văn Bình');
    expect(heard2.text).not.toContain('rating.opened');

    const served = await ok('queue.counter', { counterNo: 1 }, admin);
    expect(served.current).toMatchObject({ label: '001', dossierId: dossier.id });

    const pending = (await ok('ratings.pending', {}, tablet1)).open;
    expect(pending).toMatchObject({ counterNo: 1, event: 'received', dossierCode: dossier.code, procedureName: expect.any(String) });
    expect(pending).not.toHaveProperty('applicantName');
    expect((await ok('ratings.pending', {}, tablet2)).open).toBeNull();

    // The other counter's tablet cannot answer it; this one answers once.
    const foreign = await call('ratings.submit', { id: pending.id, level: 'satisfied' }, tablet2);
    expect(foreign.body.error?.code).toBe('NOT_FOUND');
    const first = await call('ratings.submit', { id: pending.id, level: 'very_satisfied', criteria: [{ no: 7, level: 'very_satisfied' }], comment: 'Cán bộ hướng dẫn tận tình' }, tablet1);
    expect(first.body.ok).toBe(true);
    const second = await call('ratings.submit', { id: pending.id, level: 'dissatisfied' }, tablet1);
    expect(second.body.error?.code).toBe('CONFLICT');
    expect((await ok('ratings.pending', {}, tablet1)).open).toBeNull();
    // An officer's session cannot rate.
    expect((await call('ratings.submit', { id: pending.id, level: 'satisfied' }, admin)).body.error?.code).toBe('FORBIDDEN');
  });

  it('refuses bad answers at the boundary', async () => {
    const bad = [
      { id: 'x', level: 'great' },
      { id: 'x', level: 'satisfied', criteria: [{ no: 10, level: 'satisfied' }] },
      { id: 'x', level: 'satisfied', criteria: [{ no: 1, level: 'satisfied' }, { no: 1, level: 'dissatisfied' }] },
      { id: 'x', level: 'satisfied', comment: 'a'.repeat(501) },
    ];
    for (const input of bad) expect((await call('ratings.submit', input, tablet1)).body.error?.code).toBe('INVALID_INPUT');
  });

  it('reports waiting and service times, tickets per hour and ratings with the figures worked by hand', async () => {
    at('08:20');
    expect((await ok('queue.callNext', { counterNo: 1 }, admin)).current.label).toBe('002'); // A served after 10 min; B waited 15
    expect((await ok('queue.callNext', { counterNo: 2 }, officer2)).current.label).toBe('003'); // C waited 10
    at('08:26');
    await ok('queue.recall', { counterNo: 1 }, admin); // a re-call moves neither the wait nor the service
    const second = await receive(admin, 'Trần Thị Cúc');
    const open2 = (await ok('ratings.pending', {}, tablet1)).open;
    expect(open2.dossierCode).toBe(second.code);
    await ok('ratings.submit', { id: open2.id, level: 'dissatisfied', comment: ' Chờ  lâu ' }, tablet1);
    at('08:30');
    expect((await ok('queue.callNext', { counterNo: 1 }, admin)).current).toBeNull(); // B served after 10 min
    at('08:50');
    await ok('queue.skip', { counterNo: 2 }, officer2); // C: nobody came
    at('09:02');
    expect(await take('Chứng thực')).toBe('004'); // D
    at('09:10');
    expect((await ok('queue.callNext', { counterNo: 2 }, officer2)).current.label).toBe('004'); // D waited 8
    // Counter 2 returns a result: its own tablet asks.
    const third = await receive(officer2, 'Đỗ Văn Hải');
    for (const action of ['startProcessing', 'resultReady', 'returnResult']) await ok('dossiers.act', { id: third.id, action }, officer2);
    const t2 = (await ok('ratings.pending', {}, tablet2)).open;
    expect(t2).toMatchObject({ event: 'returned', dossierCode: third.code, counterNo: 2 });
    await ok('ratings.submit', { id: t2.id, level: 'satisfied' }, tablet2);
    at('09:40');
    await ok('queue.callNext', { counterNo: 2 }, officer2); // D served after 30 min

    const r = await ok('ratings.serviceReport', { from: '2026-11-17', to: '2026-11-17' }, admin);
    expect(r.tickets).toEqual({ taken: 4, served: 3, skipped: 1, waiting: 0 });
    // Waits 10, 15, 10, 8 min; services 10, 10, 30 min (C skipped).
    expect(r.waiting).toEqual({ count: 4, medianMs: 10 * MIN, meanMs: 10.75 * MIN });
    expect(r.service).toEqual({ count: 3, medianMs: 10 * MIN, meanMs: Math.round((50 / 3) * MIN) });
    expect(r.byField).toEqual([
      { key: field('Chứng thực'), name: 'Chứng thực', waiting: { count: 2, medianMs: 9 * MIN, meanMs: 9 * MIN }, service: { count: 1, medianMs: 30 * MIN, meanMs: 30 * MIN } },
      { key: field('Hộ tịch'), name: 'Hộ tịch', waiting: { count: 2, medianMs: 12.5 * MIN, meanMs: 12.5 * MIN }, service: { count: 2, medianMs: 10 * MIN, meanMs: 10 * MIN } },
    ]);
    expect(r.byOfficer.map((o: { name: string; waiting: { count: number }; service: { medianMs: number } }) => [o.name, o.waiting.count, o.service.medianMs])).toEqual([
      ['Nguyễn Thị Hồng Đào', 2, 10 * MIN],
      ['Phạm Minh Tuấn', 2, 30 * MIN],
    ]);
    expect(r.perHour).toEqual([
      { hour: 8, tickets: 3 },
      { hour: 9, tickets: 1 },
    ]);
    expect(r.ratings).toEqual({ counts: { very_satisfied: 1, satisfied: 1, dissatisfied: 1 }, total: 3, satisfiedPercent: 66.7 });
    expect(r.ratingsByOfficer).toEqual([
      { key: expect.any(String), name: 'Nguyễn Thị Hồng Đào', counts: { very_satisfied: 1, satisfied: 0, dissatisfied: 1 }, total: 2, satisfiedPercent: 50 },
      { key: expect.any(String), name: 'Phạm Minh Tuấn', counts: { very_satisfied: 0, satisfied: 1, dissatisfied: 0 }, total: 1, satisfiedPercent: 100 },
    ]);
    expect(r.ratingsByField).toEqual([{ key: 'chung_thuc', name: 'Chứng thực', counts: { very_satisfied: 1, satisfied: 1, dissatisfied: 1 }, total: 3, satisfiedPercent: 66.7 }]);
    expect(await ok('ratings.today', {}, officer2)).toEqual(r.ratings);
  });

  it('reports an empty day as zeros and no medians', async () => {
    const r = await ok('ratings.serviceReport', { from: '2026-11-18', to: '2026-11-18' }, admin);
    expect(r.tickets).toEqual({ taken: 0, served: 0, skipped: 0, waiting: 0 });
    expect(r.waiting).toEqual({ count: 0, medianMs: null, meanMs: null });
    expect(r.service).toEqual({ count: 0, medianMs: null, meanMs: null });
    expect([r.byField, r.byOfficer, r.perHour, r.ratingsByOfficer]).toEqual([[], [], [], []]);
    expect(r.ratings).toEqual({ counts: { very_satisfied: 0, satisfied: 0, dissatisfied: 0 }, total: 0, satisfiedPercent: null });
    expect((await call('ratings.serviceReport', { from: '2026-11-17', to: '2026-11-17' }, officer2)).body.error?.code).toBe('FORBIDDEN');
  });
});
