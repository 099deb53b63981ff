/**
 * Receiving and following dossiers through the real HTTP transport: codes, legal due dates,
 * fees, search at any spelling, the lifecycle with its pause and extension, and the promise that
 * every change leaves an outbox op and an audit row behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/core/audit/audit-log';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { signingInAgainOverHttp } from '../../support/signing-in-again';
import { SAMPLE_SETUP } from '../../support/web-host';

const clock = new ManualClock('2026-11-23T09:00:00+07:00'); // Monday
let host: CoreHost;
let admin: string;
let desk2: string;

// The clock moves over two weeks here: officers sign in again when core ends their sessions.
const desks = signingInAgainOverHttp(() => host.url);
const call = (name: string, input: unknown, token = admin) => desks.call(name, input, token);
const count = (table: string) => (host.core.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  host = await startCoreHost({ clock });
  await call('setup.initialize', SAMPLE_SETUP, undefined as never);
  admin = await desks.signIn('quantri', SAMPLE_SETUP.admin.password);
  await call('officers.create', { username: 'quay2', password: 'quayhai2026', fullName: 'Phạm Minh Tuấn', role: 'officer' });
  desk2 = await desks.signIn('quay2', 'quayhai2026');
});
afterAll(async () => host?.close());

describe('receiving a dossier (tiếp nhận)', () => {
  it('gives a residence registration received Monday 09:00 a due time of Friday 09:00, skipping 24/11 (Ngày Văn hóa Việt Nam)', async () => {
    clock.set('2026-11-23T09:00:00+07:00');
    const res = await call('dossiers.receive', {
      procedureCode: '1.004194', // đăng ký tạm trú, 3 ngày làm việc
      applicant: { fullName: 'Nguyễn Thị Hồng Đào', idNumber: '038186001234', phone: '0912345678', address: 'Thôn Đông, xã Tân Lập' },
    });
    expect(res.status).toBe(200);
    // 2026 ships confirmed from the government's notices: the date is not "dự kiến".
    expect(res.body.result).toMatchObject({ code: '000.00.17.H56-261123-0001', status: 'received', dueAt: '2026-11-27T09:00:00+07:00', provisional: false });
    const due = await call('calendar.computeDue', { procedureCode: '1.004194', receivedAt: '2026-11-23T09:00:00+07:00' });
    expect(due.body.result).toMatchObject({ dueAt: '2026-11-27T09:00:00+07:00', provisional: false, dueText: '09 giờ 00 phút, ngày 27 tháng 11 năm 2026' });
    expect(due.body.result.explanation.join(' ')).toContain('Ngày Văn hóa Việt Nam');
  });

  it('marks due dates in a draft year provisional until an administrator confirms the year, and only an administrator may', async () => {
    // Monday 01/03/2027 09:00 + 3 working days (24 working hours) = Thursday 04/03/2027 09:00.
    const draft = await call('calendar.computeDue', { procedureCode: '1.004194', receivedAt: '2027-03-01T09:00:00+07:00' });
    expect(draft.body.result).toMatchObject({ dueAt: '2027-03-04T09:00:00+07:00', provisional: true });
    expect((await call('calendar.confirmYear', { year: 2027 }, desk2)).status).toBe(403);
    const confirmed = await call('calendar.confirmYear', { year: 2027 });
    expect(confirmed.body.result.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({ status: 'confirmed', confirmedBy: SAMPLE_SETUP.admin.fullName });
    const due = await call('calendar.computeDue', { procedureCode: '1.004194', receivedAt: '2027-03-01T09:00:00+07:00' });
    expect(due.body.result).toMatchObject({ dueAt: '2027-03-04T09:00:00+07:00', provisional: false });
  });

  it('gives a certified copy received after 15:00 the end of the next working day, and charges per page with the lower rate from page 3', async () => {
    clock.set('2026-11-23T16:00:00+07:00');
    const res = await call(
      'dossiers.receive',
      { procedureCode: '2.000815', applicant: { fullName: 'Đỗ Đức Dũng' }, pages: 5, copies: 2 },
      desk2,
    );
    expect(res.body.result).toMatchObject({ code: '000.00.17.H56-261123-0002', dueAt: '2026-11-25T17:00:00+07:00' });
    const detail = await call('dossiers.get', { id: res.body.result.id });
    expect(detail.body.result.feeTotal).toBe(2 * (2 * 2000 + 3 * 1000));
    expect(detail.body.result.receivedByName).toBe('Phạm Minh Tuấn');
    expect(detail.body.result.events.map((e: { type: string }) => e.type)).toEqual(['receive']);
  });

  it('refuses an invalid dossier with 400 and leaves every table untouched', async () => {
    const before = [count('dossier'), count('outbox'), count('audit_log'), count('dossier_sequence')];
    const res = await call('dossiers.receive', {
      procedureCode: '2.000815',
      applicant: { fullName: '', idNumber: '12ab', phone: 'gọi tôi' },
      pages: -3,
    });
    expect(res.status).toBe(400);
    const paths = res.body.error!.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['applicant.fullName', 'applicant.idNumber', 'applicant.phone', 'pages']));
    expect([count('dossier'), count('outbox'), count('audit_log'), count('dossier_sequence')]).toEqual(before);
  });

  it('refuses an unknown procedure with 404 and writes nothing', async () => {
    const before = count('dossier');
    const res = await call('dossiers.receive', { procedureCode: '9.999999', applicant: { fullName: 'Lê Văn Tám' } });
    expect(res.status).toBe(404);
    expect(count('dossier')).toBe(before);
  });

  it('writes an outbox op and a hash-chained audit row with every dossier', () => {
    const ops = host.core.db.$client.prepare('SELECT op_type, state FROM outbox ORDER BY seq').all();
    expect(ops).toEqual([
      { op_type: 'dossier.upsert', state: 'pending' },
      { op_type: 'dossier.event', state: 'pending' },
      { op_type: 'dossier.upsert', state: 'pending' },
      { op_type: 'dossier.event', state: 'pending' },
    ]);
    expect(verifyAudit(host.core.db)).toBeNull();
  });

  it('gives unique consecutive codes to 40 receipts sent at once from two desks of one browser host', async () => {
    clock.set('2026-11-25T08:00:00+07:00');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call('dossiers.receive', { procedureCode: '2.000884', applicant: { fullName: `Công dân số ${i + 1}` } }, i % 2 ? admin : desk2),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const codes = answers.map((a) => a.body.result.code as string).sort();
    expect(new Set(codes).size).toBe(40);
    expect(codes).toEqual(Array.from({ length: 40 }, (_, i) => `000.00.17.H56-261125-${String(i + 1).padStart(4, '0')}`));
  });
});

describe('finding dossiers', () => {
  it.each([
    ['do duc dung', 'Đỗ Đức Dũng'],
    ['ĐỖ ĐỨC', 'Đỗ Đức Dũng'],
    ['Dung', 'Đỗ Đức Dũng'],
    ['hong dao', 'Nguyễn Thị Hồng Đào'],
    ['nguyen thi hong đao'.normalize('NFD'), 'Nguyễn Thị Hồng Đào'],
    ['038186001234', 'Nguyễn Thị Hồng Đào'],
    ['0912345', 'Nguyễn Thị Hồng Đào'],
    ['000.00.17.H56-261123-0002', 'Đỗ Đức Dũng'],
    ['261123 0001', 'Nguyễn Thị Hồng Đào'],
  ])('finds "%s" → %s', async (query, name) => {
    const res = await call('dossiers.search', { query });
    expect(res.body.result.items.map((i: { applicantName: string }) => i.applicantName)).toEqual([name]);
  });

  it('pages newest first with a cursor and filters by procedure', async () => {
    const first = await call('dossiers.search', { procedureCode: '2.000884', limit: 15 });
    expect(first.body.result.items).toHaveLength(15);
    const second = await call('dossiers.search', { procedureCode: '2.000884', limit: 15, cursor: first.body.result.nextCursor });
    const third = await call('dossiers.search', { procedureCode: '2.000884', limit: 15, cursor: second.body.result.nextCursor });
    const all = [...first.body.result.items, ...second.body.result.items, ...third.body.result.items];
    expect(all).toHaveLength(40);
    expect(third.body.result.nextCursor).toBeNull();
    expect(new Set(all.map((i) => i.code)).size).toBe(40);
  });

  it('lists overdue dossiers once their due time has passed', async () => {
    clock.set('2026-11-27T10:00:00+07:00');
    const overdue = await call('dossiers.search', { overdue: true, limit: 100 });
    const names = overdue.body.result.items.map((i: { applicantName: string }) => i.applicantName);
    expect(names).toContain('Nguyễn Thị Hồng Đào'); // due Friday 09:00
    expect(names).toContain('Đỗ Đức Dũng'); // due Wednesday 17:00
  });
});

describe('the lifecycle', () => {
  it('pauses the clock for a supplement, shifts the due time by the pause, and classifies the return', async () => {
    clock.set('2026-11-30T08:00:00+07:00'); // Monday
    const { id } = (await call('dossiers.receive', { procedureCode: '1.004194', applicant: { fullName: 'Trần Thị Mai' } })).body.result;
    // 3 working days from Monday 08:00 → Thursday 08:00.
    expect((await call('dossiers.get', { id })).body.result.dueAt).toBe('2026-12-03T08:00:00+07:00');

    await call('dossiers.act', { id, action: 'transfer' });
    await call('dossiers.act', { id, action: 'startProcessing' });
    clock.set('2026-11-30T10:00:00+07:00');
    const paused = await call('dossiers.act', { id, action: 'requestSupplement', note: 'Thiếu giấy xác nhận chỗ ở hợp pháp' });
    expect(paused.body.result.status).toBe('awaiting_supplement');
    expect(paused.body.result.nationalStatus).toBe(5);

    const twice = await call('dossiers.act', { id, action: 'requestSupplement' });
    expect(twice.status).toBe(409);
    expect(twice.body.error!.code).toBe('INVALID_TRANSITION');
    expect(twice.body.error!.message).toContain('Chờ bổ sung hồ sơ');

    clock.set('2026-12-01T10:00:00+07:00'); // one working day (8 h) later
    const resumed = await call('dossiers.act', { id, action: 'supplementReceived' });
    expect(resumed.body.result.status).toBe('processing');
    expect(resumed.body.result.dueAt).toBe('2026-12-04T08:00:00+07:00');

    clock.set('2026-12-03T15:00:00+07:00');
    await call('dossiers.act', { id, action: 'resultReady' });
    const returned = await call('dossiers.act', { id, action: 'returnResult', collectedBy: 'Trần Thị Mai (người nộp)' });
    expect(returned.body.result).toMatchObject({ status: 'returned', nationalStatus: 10, completion: 'early' });
    expect(returned.body.result.events.map((e: { type: string }) => e.type)).toEqual([
      'receive',
      'transfer',
      'startProcessing',
      'requestSupplement',
      'supplementReceived',
      'resultReady',
      'returnResult',
    ]);
    expect(returned.body.result.allowedActions).toEqual([]);
  });

  it('extends once with an apology (Mẫu 04) and refuses a second extension', async () => {
    clock.set('2026-12-07T08:00:00+07:00');
    const { id } = (await call('dossiers.receive', { procedureCode: '1.004194', applicant: { fullName: 'Hoàng Văn Nam' } })).body.result;
    const ext = await call('dossiers.act', { id, action: 'extend', newDueDate: '2026-12-15', note: 'Cần xác minh thêm' });
    // The promise is kept apart: the legal due date (Thursday 10/12 08:00) does not move.
    expect(ext.body.result.dueAt).toBe('2026-12-10T08:00:00+07:00');
    expect(ext.body.result.extendedDueAt).toBe('2026-12-15T17:00:00+07:00');
    expect(ext.body.result.extensionCount).toBe(1);
    expect(ext.body.result.warnings.join(' ')).toContain('quá hạn (đã xin lỗi)');
    const again = await call('dossiers.act', { id, action: 'extend', newDueDate: '2026-12-20' });
    expect(again.status).toBe(409);
  });

  it('keeps the timeline append-only at the database level', () => {
    expect(() => host.core.db.$client.prepare("UPDATE dossier_event SET note = 'sửa'").run()).toThrow(/append-only/);
    expect(() => host.core.db.$client.prepare('DELETE FROM dossier_event').run()).toThrow(/append-only/);
  });
});
