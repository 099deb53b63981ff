/**
 * Citizens' phản ánh, kiến nghị reach the province (issue #18, item 6): written at the kiosk and
 * recorded at the desk while the hub is down, answered on time and late, pushed once the hub is
 * back; the province's figures per commune are right, nothing personal left the commune, a replay
 * (same op, or the same feedback under a new op) adds nothing, an answer that arrives before its
 * receipt is kept, and another commune's device is refused. On PGlite and on PostgreSQL.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openCore, type Core } from '../../../src-main/core/core';
import { outbox } from '../../../src-main/core/db/schema';
import type { SyncStatus } from '@shared/rpc/sync';
import type { FeedbackCommuneRow, FeedbackItemRow } from '@shared/hub-admin/feedback';
import type { FeedbackAnswered } from '@shared/sync/feedback-op';
import type { Op } from '@shared/sync/protocol';
import { commune, communeFeedback } from '../../../src-server/db/schema';
import { runningClock } from '../../support/clock';
import { SAMPLE_SETUP, tempDir } from '../../support/web-host';
import { BACKENDS, enrollCounter, openBackend, push, startHub, type Backend, type Hub, type Counter } from '../hub/harness';
import { enrollmentCode, initCounter, rpcOk, startLiveHub, type LiveHub } from './support';

const AGENCY = '000.00.17.H56';
const OTHER = '000.00.18.H56';
const PERIOD = 'from=2026-11-01T00:00:00%2B07:00&to=2027-01-01T00:00:00%2B07:00';

describe.each(BACKENDS)('feedback synced to the province hub (%s)', (backendName) => {
  let backend: Backend;
  let hub: LiveHub;
  let core: Core;
  let admin: string;
  let kiosk: string;
  const clock = runningClock('2026-11-17T09:00:00+07:00');
  const call = <T = any>(name: string, input: unknown = {}) => rpcOk<T>(core, admin, name, input);
  const stored = () => hub.backend.database.db.select().from(communeFeedback).orderBy(communeFeedback.receivedAt);
  /** The ops this counter wrote for its feedback, as they sit in its outbox. */
  const feedbackOps = () =>
    core.db
      .select()
      .from(outbox)
      .all()
      .filter((r) => r.opType.startsWith('feedback.'));

  const signIn = async () => {
    const login = await core.dispatch('auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password }, { token: null });
    if (!login.ok) throw new Error('login failed');
    return (login.result as { token: string }).token;
  };

  beforeAll(async () => {
    backend = await openBackend(backendName);
    hub = await startLiveHub(backend, { clock });
    await hub.backend.database.db.insert(commune).values([
      { code: AGENCY, name: 'UBND xã Tân Lập' },
      { code: OTHER, name: 'UBND xã Quảng Phú' },
    ]);
    core = await openCore({ dataDir: tempDir('motcua-feedback-sync-'), clock });
    ({ admin } = await initCounter(core, AGENCY));
    await call('sync.enroll', { hubUrl: hub.url, code: await enrollmentCode(hub, AGENCY) });
    const { code } = await call<{ code: string }>('devices.startPairing', { scope: 'kiosk', label: 'Máy kiosk sảnh' });
    const paired = await core.dispatch('devices.pair', { code }, { token: null });
    if (!paired.ok) throw new Error('pairing failed');
    kiosk = (paired.result as { token: string }).token;
  });
  afterAll(async () => {
    core?.close();
    await hub?.down();
    await backend?.dispose();
  });

  it('keeps feedback and answers in the outbox while the hub is down, then the province counts them right', async () => {
    await hub.down();
    // 17/11: one from the kiosk, two heard at the desk; the commune answers in 15 days (default).
    await rpcOk(core, kiosk, 'feedback.submit', { content: 'Đề nghị bố trí thêm ghế chờ ở khu tiếp dân.', citizenName: 'Lê Văn Tám', citizenPhone: '0987 654 321' });
    await call('feedback.record', { content: 'Bà Hoa phản ánh cán bộ hẹn trả kết quả nhiều lần chưa được.', citizenName: 'Trần Thị Hoa', citizenPhone: '0912 000 111' });
    await call('feedback.record', { content: 'Kiến nghị niêm yết lệ phí chứng thực rõ hơn.' });
    const open = (await call<{ items: { id: string; content: string }[] }>('feedback.list', { state: 'open' })).items;
    const byContent = (start: string) => open.find((f) => f.content.startsWith(start))!.id;
    // Answered the same day: on time.
    await call('feedback.answer', { id: byContent('Đề nghị bố trí'), answer: 'Xã đã bố trí thêm 10 ghế từ ngày 20/11/2026.' });

    // 05/12: past the 02/12 due date. One answered late, one left open (overdue), one new (in time).
    clock.set('2026-12-05T10:00:00+07:00');
    admin = await signIn(); // the session of 17/11 has long expired
    await call('feedback.answer', { id: byContent('Bà Hoa'), answer: 'Xã đã trả kết quả cho bà Hoa ngày 05/12/2026 và nhắc nhở cán bộ.' });
    await rpcOk(core, kiosk, 'feedback.submit', { content: 'Nhà vệ sinh khu tiếp dân cần sửa.' });
    expect((await call<SyncStatus>('sync.now')).state).toBe('offline');
    // Each change wrote its op in its own transaction: 4 receipts, 2 answers.
    expect(feedbackOps().map((r) => r.opType).sort()).toEqual(['feedback.answer', 'feedback.answer', 'feedback.receive', 'feedback.receive', 'feedback.receive', 'feedback.receive']);

    await hub.up();
    expect(await call<SyncStatus>('sync.now')).toMatchObject({ pending: 0, state: 'idle', rejected: [] });
    const rows = await stored();
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.communeCode === AGENCY)).toBe(true);
    expect(rows.map((r) => r.channel)).toEqual(['kiosk', 'counter', 'counter', 'kiosk']);
    expect(rows[0]!.answer).toBe('Xã đã bố trí thêm 10 ghế từ ngày 20/11/2026.');
    expect(rows.map((r) => (r.dueAt.getTime() - r.receivedAt.getTime()) / 86_400_000)).toEqual([15, 15, 15, 15]);
    // The citizens' names and phones stayed at the commune: not in the ops, not at the hub.
    const everythingSent = JSON.stringify([feedbackOps().map((r) => r.payload), rows]);
    for (const personal of ['Lê Văn Tám', '0987 654 321', 'Trần Thị Hoa', '0912 000 111']) expect(everythingSent).not.toContain(personal);

    const report = await hub.admin<{ communes: FeedbackCommuneRow[] }>('GET', `/v1/admin/reports/feedback?${PERIOD}`);
    expect(report.status).toBe(200);
    expect(report.body.communes).toEqual([
      { communeCode: AGENCY, communeName: 'UBND xã Tân Lập', received: 4, answered: 2, answeredOnTime: 1, overdueOpen: 1 },
      { communeCode: OTHER, communeName: 'UBND xã Quảng Phú', received: 0, answered: 0, answeredOnTime: 0, overdueOpen: 0 },
    ]);
    // November alone: the three that came in then.
    const november = await hub.admin<{ communes: FeedbackCommuneRow[] }>('GET', '/v1/admin/reports/feedback?from=2026-11-01T00:00:00%2B07:00&to=2026-12-01T00:00:00%2B07:00');
    expect(november.body.communes[0]).toMatchObject({ received: 3, answered: 2, answeredOnTime: 1, overdueOpen: 1 });

    const list = await hub.admin<{ items: FeedbackItemRow[] }>('GET', `/v1/admin/communes/${AGENCY}/feedback?${PERIOD}`);
    expect(list.body.items.map((i) => [i.channel, i.summary, i.status])).toEqual([
      ['kiosk', 'Nhà vệ sinh khu tiếp dân cần sửa.', 'open'],
      ['counter', 'Kiến nghị niêm yết lệ phí chứng thực rõ hơn.', 'overdue'],
      ['counter', 'Bà Hoa phản ánh cán bộ hẹn trả kết quả nhiều lần chưa được.', 'answered_late'],
      ['kiosk', 'Đề nghị bố trí thêm ghế chờ ở khu tiếp dân.', 'answered_on_time'],
    ]);
    expect(list.body.items[0]!.receivedAt.slice(0, 13)).toBe('2026-12-05T03');
    expect(list.body.items[0]!.dueAt.slice(0, 13)).toBe('2026-12-20T03');
    expect(list.body.items[0]!.answeredAt).toBeNull();
  });

  describe('replays, order and other communes', () => {
    let direct: Hub;
    let sameCommune: Counter;
    beforeAll(async () => {
      direct = await startHub(backend, { clock });
      sameCommune = await enrollCounter(direct, AGENCY, 'Quầy 2');
    });
    afterAll(async () => {
      await direct?.close();
    });
    const opOf = (device: Counter, opType: Op['opType'], payload: unknown): Op =>
      ({ opId: uuidv7(), seq: ++device.seq, deviceEpoch: device.epoch, opType, entityId: (payload as { id: string }).id, payload, createdAt: clock.now().toISOString() }) as Op;

    it('adds nothing when the same feedback is pushed again, under its op id or a new one', async () => {
      const before = await stored();
      const sent = feedbackOps().map((r) => opOf(sameCommune, r.opType as Op['opType'], r.payload));
      // A second device of the commune sends every receipt and answer again, as new ops…
      const first = await push(direct, sameCommune, sent);
      expect(first.body.results.map((r) => r.result)).toEqual(sent.map(() => 'applied'));
      // …and then the very same ops again.
      const again = await push(direct, sameCommune, sent);
      expect(again.body.results.map((r) => [r.result, r.firstResult])).toEqual(sent.map(() => ['duplicate', 'applied']));
      expect(await stored()).toEqual(before);
    });

    it('keeps an answer that arrives before its receipt, and the late receipt does not undo it', async () => {
      const id = uuidv7();
      const answered: FeedbackAnswered = {
        id,
        agencyCode: AGENCY,
        channel: 'counter',
        content: 'Kiến nghị mở thêm buổi tiếp dân chiều thứ Bảy.',
        receivedAt: '2026-12-01T08:00:00+07:00',
        dueAt: '2026-12-16T08:00:00+07:00',
        answer: 'Xã sẽ tiếp dân chiều thứ Bảy từ tháng 01/2027.',
        answeredAt: '2026-12-03T08:00:00+07:00',
      };
      const { answer: _answer, answeredAt: _answeredAt, ...received } = answered;
      const res = await push(direct, sameCommune, [opOf(sameCommune, 'feedback.answer', answered), opOf(sameCommune, 'feedback.receive', received)]);
      expect(res.body.results.map((r) => r.result)).toEqual(['applied', 'applied']);
      const [row] = await hub.backend.database.db.select().from(communeFeedback).where(eq(communeFeedback.id, id));
      expect(row).toMatchObject({ answer: answered.answer, answeredAt: new Date(answered.answeredAt), communeCode: AGENCY });
    });

    it("refuses another commune's device, whatever commune the payload claims", async () => {
      const other = await enrollCounter(direct, OTHER, 'Quầy Quảng Phú');
      const before = await stored();
      const theirs = feedbackOps().find((r) => r.opType === 'feedback.answer')!.payload as FeedbackAnswered;
      const res = await push(direct, other, [opOf(other, 'feedback.answer', theirs)]);
      expect(res.body.results[0]).toMatchObject({ result: 'rejected', code: 'foreign_commune' });
      // Claiming to be Quảng Phú's does not help: the hub holds this feedback as Tân Lập's.
      const disguised = await push(direct, other, [opOf(other, 'feedback.receive', { ...theirs, agencyCode: OTHER, answer: undefined, answeredAt: undefined })]);
      expect(disguised.body.results[0]).toMatchObject({ result: 'rejected', code: 'foreign_commune' });
      // A payload that is not a feedback is refused for what it is.
      const bad = await push(direct, other, [opOf(other, 'feedback.receive', { id: uuidv7(), agencyCode: OTHER, channel: 'fax', content: '', receivedAt: 'hôm qua', dueAt: 'mai' })]);
      expect(bad.body.results[0]).toMatchObject({ result: 'rejected', code: 'invalid_payload' });
      expect(await stored()).toEqual(before);
      const report = await hub.admin<{ communes: FeedbackCommuneRow[] }>('GET', `/v1/admin/reports/feedback?${PERIOD}`);
      expect(report.body.communes.find((c) => c.communeCode === OTHER)).toMatchObject({ received: 0 });
    });
  });
});
