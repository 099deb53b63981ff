/**
 * Figures an inspector would sign, through the browser host's RPC on a real SQLite file:
 * the legal due date kept apart from the Mẫu 04 promise, pending dossiers graded as of now, the
 * verification step with its new appointment slip, a second supplement as a recorded exception,
 * procedures without a deadline receivable once an administrator sets one, police procedures never
 * printing TT 03/2025 forms, fee exemptions with their legal basis on the receipt, and a calendar
 * change that moves open due dates. Every date below is worked by hand (07:00–11:30, 13:30–17:00;
 * Tuesday 24/11/2026 is a holiday).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '@shared/domain/calendar/load';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { signingInAgainOverHttp } from '../../support/signing-in-again';
import { rpcCall, SAMPLE_SETUP, tempDir } from '../../support/web-host';

const clock = new ManualClock('2026-11-16T08:00:00+07:00'); // Monday
let host: CoreHost;
let admin: string;
let desk: string;
// The clock moves over days here: an officer signs in again when core has ended the session.
const session = signingInAgainOverHttp(() => host.url);
const call = (name: string, input: unknown, token = admin) => session.call(name, input, token);
const ok = async (name: string, input: unknown, token = admin) => {
  const res = await call(name, input, token);
  if (!res.body.ok) throw new Error(`${name}: ${JSON.stringify(res.body.error)}`);
  return res.body.result;
};
const receive = (procedureCode: string, fullName: string, extra: Record<string, unknown> = {}) =>
  ok('dossiers.receive', { procedureCode, applicant: { fullName }, ...extra }) as Promise<{ id: string; code: string; dueAt: string }>;

function pdfText(base64: string): string {
  const file = path.join(tempDir('motcua-legal-pdf-'), 'f.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString().replace(/\s+/g, ' ');
}

beforeAll(async () => {
  host = await startCoreHost({ clock });
  await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP);
  admin = await session.signIn('quantri', SAMPLE_SETUP.admin.password);
  await ok('officers.create', { username: 'quay1', password: 'quaymot2026', fullName: 'Lê Văn Quầy', role: 'officer' });
  desk = await session.signIn('quay1', 'quaymot2026');
});
afterAll(async () => host?.close());

describe('two dates, never confused', () => {
  let late: { id: string; code: string };

  it('grades pending dossiers as of now: five not yet due are "trong hạn", none "quá hạn"', async () => {
    // Monday 16/11 08:00, đăng ký tạm trú (3 working days): due Thursday 19/11 08:00.
    for (const name of ['Một', 'Hai', 'Ba', 'Bốn', 'Năm']) await receive('1.004194', `Công dân ${name}`);
    clock.set('2026-11-17T10:00:00+07:00');
    const month = await ok('reports.ii06a', { from: '2026-11-01', to: '2026-11-30' });
    expect(month.total).toMatchObject({ received: 5, pending: 5, pendingInTime: 5, pendingLate: 0 });
    expect(month.asOf).toBe('2026-11-17T10:00:00+07:00');
    expect((await ok('reports.dashboard', {})).overdueCount).toBe(0);
  });

  it('keeps the legal due date when Mẫu 04 promises a later one, and warns that a letter after the due date counts as late', async () => {
    clock.set('2026-11-17T10:00:00+07:00');
    late = await receive('2.000884', 'Trần Văn Trễ'); // chứng thực chữ ký: due Tuesday 17/11 17:00
    clock.set('2026-11-18T09:00:00+07:00');
    const ext = await ok('dossiers.act', { id: late.id, action: 'extend', newDueDate: '2026-11-20', note: 'Chờ đối chiếu chữ ký mẫu' });
    expect(ext.dueAt).toBe('2026-11-17T17:00:00+07:00');
    expect(ext.extendedDueAt).toBe('2026-11-20T17:00:00+07:00');
    expect(ext.warnings[0]).toContain('lập sau hạn giải quyết theo quy định');
    expect(ext.standing).toMatchObject({ state: 'pending', grade: 'overdue', apologised: true });
    const letter = pdfText((await ok('print.render', { form: 'mau04', dossierId: late.id, details: { apology: { reason: 'Chờ đối chiếu chữ ký mẫu', signer: { title: 'CHỦ TỊCH', fullName: 'Nguyễn Văn Chủ' } } } })).pdf);
    expect(letter).toContain('17 giờ 00 phút, ngày 17 tháng 11 năm 2026'); // the date on the appointment slip
    expect(letter).toContain('17 giờ 00 phút, ngày 20 tháng 11 năm 2026'); // the new promise
  });

  it('counts the dossier late, apologised, when it is returned within the promise', async () => {
    clock.set('2026-11-19T15:00:00+07:00');
    for (const action of ['startProcessing', 'resultReady', 'returnResult']) await ok('dossiers.act', { id: late.id, action, collectedBy: 'Trần Văn Trễ' });
    const detail = await ok('dossiers.get', { id: late.id });
    expect(detail.completion).toBe('late');
    expect(detail.standing).toMatchObject({ state: 'solved', grade: 'late', apologised: true });
    const month = await ok('reports.ii06a', { from: '2026-11-01', to: '2026-11-30' });
    expect(month.total).toMatchObject({ resolved: 1, resolvedLate: 1, resolvedLateApologised: 1 });
    const dash = await ok('reports.dashboard', {});
    expect(dash.month).toMatchObject({ finished: 1, onTime: 0, lateApologised: 1 });
    expect(dash.onTimeRate).toBe(0);
    const closing = await ok('reports.dailyClosing', { date: '2026-11-19' });
    expect(closing.solved).toEqual({ total: 1, onTime: 0, late: 1, lateApologised: 1 });
  });
});

describe('verification (cần xác minh) moves the legal due date to the longer statutory limit', () => {
  it('kết hôn: recorded with its reason, due 5 working days from receipt, a new Mẫu 01 archived', async () => {
    clock.set('2026-11-23T09:00:00+07:00'); // Monday
    const d = await receive('1.000894', 'Phạm Thị Hoa');
    expect(d.dueAt).toBe('2026-11-23T17:00:00+07:00');
    const first = await ok('print.render', { form: 'mau01', dossierId: d.id });
    expect(pdfText(first.pdf)).toContain('17 giờ 00 phút, ngày 23 tháng 11 năm 2026');

    const noReason = await call('dossiers.act', { id: d.id, action: 'recordVerification' });
    expect(noReason.status).toBe(400);
    clock.set('2026-11-23T10:00:00+07:00');
    const v = await ok('dossiers.act', { id: d.id, action: 'recordVerification', note: 'Xác minh tình trạng hôn nhân tại nơi cư trú trước' });
    // Monday 09:00 + 40 working hours, skipping 24/11: Tuesday 01/12 09:00.
    expect(v.dueAt).toBe('2026-12-01T09:00:00+07:00');
    expect(v.verification.reason).toBe('Xác minh tình trạng hôn nhân tại nơi cư trú trước');
    expect(v.allowedActions).not.toContain('recordVerification');
    expect(v.warnings.join(' ')).toContain('in lại Giấy tiếp nhận');

    const revisions = await ok('dossiers.dueRevisions', {});
    expect(revisions.items.find((r: { dossierId: string }) => r.dossierId === d.id)).toMatchObject({
      cause: 'verification',
      oldDueAt: '2026-11-23T17:00:00+07:00',
      newDueAt: '2026-12-01T09:00:00+07:00',
      reprinted: false,
    });
    const again = await ok('print.render', { form: 'mau01', dossierId: d.id });
    expect(again.sha256).not.toBe(first.sha256);
    const text = pdfText(again.pdf);
    expect(text).toContain('09 giờ 00 phút, ngày 01 tháng 12 năm 2026');
    expect(text).toContain('5 ngày làm việc (trường hợp cần xác minh)');
    expect((await ok('print.records', { dossierId: d.id })).items.filter((r: { form: string }) => r.form === 'mau01')).toHaveLength(2);
    expect((await ok('dossiers.dueRevisions', {})).items.find((r: { dossierId: string }) => r.dossierId === d.id).reprinted).toBe(true);
  });

  it('is refused once the dossier is already late, and for a procedure without a longer limit', async () => {
    clock.set('2026-11-25T09:00:00+07:00');
    const d = await receive('1.000656', 'Vũ Văn Muộn'); // khai tử: due Wednesday 25/11 17:00
    clock.set('2026-11-26T09:00:00+07:00');
    const tooLate = await call('dossiers.act', { id: d.id, action: 'recordVerification', note: 'Xác minh' });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error!.message).toContain('đã quá hạn');
    const copy = await receive('2.000815', 'Đỗ Văn Sao', { pages: 1 });
    expect((await ok('dossiers.get', { id: copy.id })).allowedActions).not.toContain('recordVerification');
  });
});

describe('a second supplement request', () => {
  it('needs a written reason, is recorded as an exception, and counts late in the reports', async () => {
    clock.set('2026-11-26T08:00:00+07:00'); // Thursday
    const d = await receive('1.004194', 'Hồ Thị Bổ'); // due Tuesday 01/12 08:00
    await ok('dossiers.act', { id: d.id, action: 'startProcessing' });
    await ok('dossiers.act', { id: d.id, action: 'requestSupplement', note: 'Thiếu hợp đồng thuê nhà' });
    clock.set('2026-11-26T14:00:00+07:00');
    await ok('dossiers.act', { id: d.id, action: 'supplementReceived' });
    const withoutReason = await call('dossiers.act', { id: d.id, action: 'requestSupplement' });
    expect(withoutReason.status).toBe(409);
    expect(withoutReason.body.error!.message).toContain('ghi rõ lý do');
    const second = await ok('dossiers.act', { id: d.id, action: 'requestSupplement', note: 'Hợp đồng nộp bổ sung chưa có công chứng' });
    expect(second.warnings.join(' ')).toContain('lần yêu cầu bổ sung thứ 2');
    expect(second.standing).toMatchObject({ state: 'pending', grade: 'overdue', exception: true });
    const month = await ok('reports.ii06a', { from: '2026-11-01', to: '2026-11-30' });
    expect(month.total.exceptions).toBe(1);
    const dash = await ok('reports.dashboard', {});
    expect(dash.overdue.find((o: { id: string }) => o.id === d.id)).toMatchObject({ exception: true });
  });
});

describe('procedures without a deadline', () => {
  it('say clearly why they cannot be received, and become receivable once an administrator enters the deadline with its basis', async () => {
    clock.set('2026-11-27T08:00:00+07:00');
    const refused = await call('dossiers.receive', { procedureCode: '1.001776', applicant: { fullName: 'Lò Văn Chờ' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error!.message).toContain('chưa có thời hạn giải quyết');
    expect(refused.body.error!.message).toContain('quản trị viên nhập thời hạn');
    const preview = await call('calendar.computeDue', { procedureCode: '1.001776', receivedAt: '2026-11-27T08:00:00+07:00' });
    expect(preview.body.error!.message).toContain('chưa có thời hạn giải quyết');
    expect((await ok('catalog.search', { query: '1.001776' })).items[0]).toMatchObject({ hasDeadline: false, deadlineText: 'Chưa có thời hạn' });

    const deadline = { amount: 10, unit: 'working_days', cutoff15: false, confidence: 'C', legalBasis: 'Quyết định 1234/QĐ-UBND ngày 01/10/2026 của UBND tỉnh' };
    expect((await call('catalog.setDeadline', { procedureId: 'tro-cap-xa-hoi-hang-thang', deadline }, desk)).status).toBe(403);
    expect((await call('catalog.setDeadline', { procedureId: 'tro-cap-xa-hoi-hang-thang', deadline: { ...deadline, legalBasis: '' } })).status).toBe(400);
    await ok('catalog.setDeadline', { procedureId: 'tro-cap-xa-hoi-hang-thang', deadline });
    // Friday 27/11 08:00 + 80 working hours: … Friday 11/12 08:00.
    const d = await receive('1.001776', 'Lò Văn Chờ');
    expect(d.dueAt).toBe('2026-12-11T08:00:00+07:00');
    const audit = await ok('audit.list', { limit: 50 });
    const row = audit.items.find((a: { action: string }) => a.action === 'catalog.setDeadline');
    expect(row).toBeTruthy();
    expect(JSON.stringify(row.details)).toContain('1234/QĐ-UBND');
  });
});

describe('police (cư trú) procedures are received for Công an cấp xã', () => {
  it('is marked so, and no TT 03/2025 form is printed for it', async () => {
    expect((await ok('catalog.search', { query: '1.004222' })).items[0].receivedFor).toBe('Công an cấp xã');
    const d = await receive('1.004222', 'Kiều Văn Cư');
    expect((await ok('dossiers.get', { id: d.id })).receivedFor).toMatchObject({ agency: 'Công an cấp xã' });
    for (const form of ['mau01', 'mau06']) {
      const res = await call('print.render', { form, dossierId: d.id });
      expect(res.status).toBe(409);
      expect(res.body.error!.message).toContain('Công an cấp xã');
      expect(res.body.error!.message).toContain('03/2025/TT-VPCP');
    }
  });
});

describe('fee exemptions', () => {
  it('are chosen from the catalog and printed on the receipt with their legal basis', async () => {
    const d = await receive('2.001263', 'Đinh Thị Nuôi', { exemptionId: 'nguoi-co-cong' });
    const detail = await ok('dossiers.get', { id: d.id });
    expect(detail.feeTotal).toBe(0);
    expect(detail.fees[0].exemptReason).toContain('Nghị định 114/2016/NĐ-CP');
    const slip = pdfText((await ok('print.render', { form: 'mau01', dossierId: d.id })).pdf);
    expect(slip).toContain('miễn (Người có công với cách mạng nhận con nuôi');
    const unknown = await call('dossiers.receive', { procedureCode: '2.001263', applicant: { fullName: 'X' }, exemptionId: 'khong-co' });
    expect(unknown.status).toBe(400);
  });
});

describe('a calendar publication from the province', () => {
  it('keeps the commune’s sessions, moves the open due dates it touches, lists them and audits it all', async () => {
    clock.set('2026-11-30T08:00:00+07:00'); // Monday
    const open = await receive('1.004873', 'Bạch Văn Mới'); // 3 working days: Thursday 03/12 08:00
    expect(open.dueAt).toBe('2026-12-03T08:00:00+07:00');
    // The commune works Saturday mornings.
    const own = await ok('calendar.get', {});
    await ok('calendar.save', { calendar: { ...own, weeklySessions: { ...own.weeklySessions, sat: [{ start: '07:30', end: '11:30' }] } }, note: 'Làm việc sáng thứ Bảy' });

    const published = loadCalendar(JSON.parse(fs.readFileSync(path.join(host.core.paths.assetsDir, 'seed', 'calendar-vn.json'), 'utf8')));
    const y2026 = published.years.find((y) => y.year === 2026)!;
    y2026.holidays.push({ date: '2026-12-01', name: 'Ngày nghỉ do tỉnh công bố (thử nghiệm)', kind: 'nghi_bu', legalRef: 'Thông báo của UBND tỉnh' });
    host.core.db.transaction(() => host.core.services.calendar.save(published, 'province', 'Lịch làm việc do tỉnh ban hành, phiên bản TEST', null));

    const now = await ok('calendar.get', {});
    expect(now.weeklySessions.sat).toEqual([{ start: '07:30', end: '11:30' }]);
    // Tuesday 01/12 is now closed. Monday 30/11 08:00: 420 min; Wednesday 02/12: 900; Thursday 03/12: 1380;
    // Friday 04/12: 60 more → 08:00.
    const moved = await ok('dossiers.get', { id: open.id });
    expect(moved.dueAt).toBe('2026-12-04T08:00:00+07:00');
    const rev = (await ok('dossiers.dueRevisions', {})).items.find((r: { dossierId: string }) => r.dossierId === open.id);
    expect(rev).toMatchObject({ cause: 'calendar', oldDueAt: '2026-12-03T08:00:00+07:00', newDueAt: '2026-12-04T08:00:00+07:00', reprinted: false });
    expect(moved.events.map((e: { type: string }) => e.type)).toContain('dueRecomputed');
    const audit = (await ok('audit.list', { limit: 100 })).items.map((a: { action: string }) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['calendar.recompute_due', 'dossier.dueRecomputed']));
  });
});
