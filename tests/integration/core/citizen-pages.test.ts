/**
 * The lookup kiosk, the public procedure board and the 80 mm queue ticket on the real HTTP host
 * over a real SQLite file (issue #18, items 1, 4 and 5): paired devices ask core, not the hub
 * (none is configured here). The printer is a recording stand-in for the OS spooler (the real CUPS
 * path is tested in tests/print); the PDFs it receives are read with poppler.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import type { PrinterAdapter } from '../../../src-main/core/print/printers/types';
import { receiptFromQrText } from '../../../src-shared/sync/lookup-key';
import { qrPayload } from '../../../src-main/core/print/qr/payload';
import { ManualClock } from '../../support/clock';
import { startCoreHost, type CoreHost } from '../../support/core-host';
import { rpcHelpers, SAMPLE_SETUP } from '../../support/web-host';

const clock = new ManualClock('2026-11-17T09:00:00+07:00');
const spooled: string[] = [];
let printerOff = false;
const printer: PrinterAdapter = {
  list: async () => [{ name: 'XP-80C', isDefault: true, state: 'idle' }],
  print: async (file) => {
    if (printerOff) throw new AppError('UNAVAILABLE', 'Máy in XP-80C đang tắt');
    spooled.push(file);
    return {};
  },
};
const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString().replace(/\s+/g, ' ');
let host: CoreHost;
let admin: string;
let lookup: string;
let board: string;
let dossier: { id: string; code: string };
let key: string;
const { call, ok } = rpcHelpers(() => host.url);

/** Moving the clock by days ends the session (its maximum length): the officer signs in again. */
async function signIn(): Promise<void> {
  admin = (await call('auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password })).body.result.token;
}

async function pair(scope: string): Promise<string> {
  const { code } = await ok('devices.startPairing', { scope, label: scope }, admin);
  return (await call('devices.pair', { code })).body.result.token;
}

beforeAll(async () => {
  host = await startCoreHost({ clock, printer });
  await call('setup.initialize', SAMPLE_SETUP);
  await signIn();
  dossier = await ok(
    'dossiers.receive',
    { procedureCode: '2.000815', applicant: { fullName: 'Đỗ Đức Dũng', idNumber: '001089012345', phone: '0912 345 678', address: 'Thôn Đông, xã Yên Sơn' }, pages: 2, copies: 1 },
    admin,
  );
  key = host.core.db.$client.prepare('SELECT key FROM dossier_lookup_key WHERE dossier_id = ?').pluck().get(dossier.id) as string;
  lookup = await pair('lookup');
  board = await pair('board');
});
afterAll(async () => host?.close());

describe('the lookup kiosk', () => {
  it('reads the receipt QR of every kind the counter prints', () => {
    expect(receiptFromQrText(`${qrPayload(dossier.code, 'https://hub.example.vn/', key)}\n`)).toEqual({ code: dossier.code, key });
    expect(receiptFromQrText(qrPayload(dossier.code, 'https://hub.example.vn'))).toEqual({ code: dossier.code, key: null });
    expect(receiptFromQrText(qrPayload(dossier.code))).toEqual({ code: dossier.code, key: null });
    expect(receiptFromQrText('https://hub.example.vn/tra-cuu/%E0%A4')).toBeNull();
    expect(receiptFromQrText('Đỗ Đức Dũng')).toBeNull();
  });

  it("answers the receipt's key with what the receipt shows and nothing personal", async () => {
    const r = await call('lookup.dossier', { code: dossier.code, key: key.toLowerCase() }, lookup);
    expect(r.body.ok).toBe(true);
    expect(r.body.result).toMatchObject({ code: dossier.code, status: 'received', statusLabel: 'Đã tiếp nhận', receivedAt: '2026-11-17T02:00:00.000Z', returnedAt: null });
    expect(r.body.result.procedureName).toContain('Chứng thực bản sao');
    expect(Date.parse(r.body.result.appointmentAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-17T02:00:00Z'));
    const text = JSON.stringify(r.body);
    for (const personal of ['Dũng', '001089012345', '0912', '678', 'Yên Sơn', key]) expect(text).not.toContain(personal);
  });

  it('answers the code with the last four digits of the phone', async () => {
    const r = await ok('lookup.dossier', { code: dossier.code, phoneLast4: '5678' }, lookup);
    expect(r.code).toBe(dossier.code);
  });

  it('gives a wrong key, wrong digits and an unknown code the same answer, and locks the digits after five wrong', async () => {
    const answers = [
      await call('lookup.dossier', { code: dossier.code, key: 'ABCDEFGHJK' }, lookup),
      await call('lookup.dossier', { code: 'H99.99-261117-9999', phoneLast4: '5678' }, lookup),
    ];
    for (let i = 0; i < 5; i++) answers.push(await call('lookup.dossier', { code: dossier.code, phoneLast4: String(1000 + i) }, lookup));
    // Locked now: even the right digits get the same answer; the receipt's key still works.
    answers.push(await call('lookup.dossier', { code: dossier.code, phoneLast4: '5678' }, lookup));
    const bodies = new Set(answers.map((a) => `${a.status} ${JSON.stringify(a.body)}`));
    expect(bodies.size).toBe(1);
    expect(answers[0]!.status).toBe(404);
    expect(answers[0]!.body.error!.code).toBe('NOT_FOUND');
    expect((await call('lookup.dossier', { code: dossier.code, key }, lookup)).body.ok).toBe(true);
  });

  it('is the lookup device’s only: the board and officers are refused it', async () => {
    expect((await call('lookup.dossier', { code: dossier.code, key }, board)).status).toBe(403);
    expect((await call('lookup.dossier', { code: dossier.code, key }, admin)).status).toBe(403);
  });
});

describe('the procedure board', () => {
  it('finds procedures without diacritics: "khai tu" finds Đăng ký khai tử first', async () => {
    const all = await ok('board.search', { query: '' }, board);
    expect(all.items.length).toBeGreaterThanOrEqual(50);
    const found = await ok('board.search', { query: 'khai tu' }, board);
    expect(found.items[0].name).toBe('Đăng ký khai tử');
    const names = found.items.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Đăng ký khai tử lưu động', 'Đăng ký lại khai tử']));
    expect(names.some((n: string) => n.startsWith('Chứng thực bản sao'))).toBe(false);
  });

  it("shows one procedure's papers, fees, deadline and the QR of its national code", async () => {
    const [first] = (await ok('board.search', { query: 'dang ky khai tu' }, board)).items;
    const p = await ok('board.procedure', { id: first.id }, board);
    expect(p.procedure.name).toBe('Đăng ký khai tử');
    expect(p.procedure.documents.length).toBeGreaterThan(0);
    expect(p.fieldLabel).toBe('Hộ tịch');
    expect(p.deadlineText).not.toBe('');
    expect(p.portal.code).toBe(p.procedure.code);
    // The seed gives no portal page address: the QR carries the code to search for.
    expect(p.portal.url).toBeNull();
    expect(p.portal.qr.dark).toHaveLength(p.portal.qr.size * p.portal.qr.size);
    expect(p.portal.qr.dark).toMatch(/^[01]+$/);
  });

  it('is refused to officers and to the calling screen', async () => {
    const display = await pair('display');
    expect((await call('board.search', { query: '' }, display)).status).toBe(403);
    expect((await call('board.search', { query: '' }, admin)).status).toBe(403);
  });
});

describe('the 80 mm queue ticket', () => {
  it('prints the number large with the field, the time and the people waiting, at the kiosk and from the officer\'s button', async () => {
    const [field] = (await ok('queue.saveFields', { fields: [{ name: 'Hộ tịch', counters: [1] }] }, admin)).items;
    const kiosk = await pair('kiosk');
    const first = await ok('queue.takeTicket', { fieldId: field.id, print: true }, kiosk);
    expect(first.print).toEqual({ result: 'printed', error: null });
    expect(spooled).toHaveLength(1);
    const text = pdfText(spooled[0]!);
    for (const part of ['SỐ THỨ TỰ', '001', 'Lĩnh vực: Hộ tịch', '17/11/2026', '09:00', 'Không có ai chờ trước quý khách']) expect(text).toContain(part);
    const info = execFileSync('pdfinfo', [spooled[0]!]).toString();
    expect(info).toMatch(/Page size:\s+226\.77 x \d+/); // 80 mm wide
    const second = await ok('queue.issueTicket', { fieldId: field.id, print: true }, admin);
    expect(second.ticket.label).toBe('002');
    expect(pdfText(spooled[1]!)).toContain('Có 1 người đang chờ trước quý khách');
  });

  it('keeps the number when the printer fails, and prints nothing unless asked', async () => {
    const [field] = (await ok('queue.fields', {}, admin)).items;
    printerOff = true;
    const r = await ok('queue.issueTicket', { fieldId: field.id, print: true }, admin);
    printerOff = false;
    expect(r.ticket.label).toBe('003');
    expect(r.print.result).toBe('failed');
    expect(r.print.error).toContain('XP-80C');
    const quiet = await ok('queue.issueTicket', { fieldId: field.id }, admin);
    expect(quiet.print).toBeNull();
    expect(spooled).toHaveLength(2);
  });
});

describe('phản ánh, kiến nghị', () => {
  it('takes one at the kiosk without a name, due after the commune\'s answer days, and lets an officer answer it once, audited', async () => {
    await ok('settings.update', { feedbackAnswerDays: 10 }, admin);
    const kiosk = await pair('kiosk');
    const sent = await ok('feedback.submit', { content: 'Đề nghị bố trí thêm ghế chờ ở khu tiếp dân.', citizenName: '', citizenPhone: '' }, kiosk);
    expect(sent).toEqual({ receivedAt: '2026-11-17T02:00:00.000Z', dueAt: '2026-11-27T02:00:00.000Z' });
    const nfd = 'Cán bộ hướng dẫn tận tình'.normalize('NFD');
    const recorded = await ok('feedback.record', { content: nfd, citizenName: 'Lê Văn Tám', citizenPhone: '0987 654 321' }, admin);
    expect(recorded).toMatchObject({ channel: 'counter', content: 'Cán bộ hướng dẫn tận tình', citizenName: 'Lê Văn Tám', recordedByName: SAMPLE_SETUP.admin.fullName });
    expect((await call('feedback.submit', { content: 'x'.repeat(2001) }, kiosk)).status).toBe(400);
    expect((await call('feedback.list', { state: 'open' }, kiosk)).status).toBe(403);

    const open = (await ok('feedback.list', { state: 'open' }, admin)).items;
    expect(open.map((f: { content: string }) => f.content)).toEqual(['Đề nghị bố trí thêm ghế chờ ở khu tiếp dân.', 'Cán bộ hướng dẫn tận tình']);
    expect(open[0].citizenName).toBeNull();
    clock.set('2026-11-20T10:00:00+07:00');
    await signIn();
    const answered = await ok('feedback.answer', { id: open[0].id, answer: 'Xã đã bố trí thêm 10 ghế từ ngày 20/11/2026.' }, admin);
    expect(answered).toMatchObject({ answeredAt: '2026-11-20T03:00:00.000Z', answeredByName: SAMPLE_SETUP.admin.fullName });
    const again = await call('feedback.answer', { id: open[0].id, answer: 'Trả lời lần hai' }, admin);
    expect(again.status).toBe(409);
    const audit = host.core.db.$client.prepare(`SELECT action, target FROM audit_log WHERE action LIKE 'feedback.%' ORDER BY seq`).all();
    expect(audit).toEqual([
      { action: 'feedback.record', target: recorded.id },
      { action: 'feedback.answer', target: open[0].id },
    ]);
  });

  it('counts received, answered on time, answered late and still open for the reports', async () => {
    clock.set('2026-12-01T09:00:00+07:00'); // the second one (due 27/11 09:00) is now overdue
    await signIn();
    const late = (await ok('feedback.list', { state: 'open' }, admin)).items[0];
    await ok('feedback.answer', { id: late.id, answer: 'Cảm ơn ông đã góp ý cho cán bộ xã.' }, admin);
    const kiosk = await pair('kiosk');
    await ok('feedback.submit', { content: 'Nhà vệ sinh khu tiếp dân cần sửa.' }, kiosk);
    expect(await ok('feedback.summary', { from: '2026-11-01', to: '2026-11-30' }, admin)).toEqual({
      received: 2,
      answeredOnTime: 1,
      answeredLate: 1,
      openInTime: 0,
      openOverdue: 0,
    });
    expect(await ok('feedback.summary', { from: '2026-12-01', to: '2026-12-31' }, admin)).toMatchObject({ received: 1, openInTime: 1 });
  });
});
