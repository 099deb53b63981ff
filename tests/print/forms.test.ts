/**
 * Every form, rendered from the shared fixture and read back with poppler: the official wording
 * and the dossier's values are in the PDF, only embedded fonts are used, and a re-render is
 * byte-identical (the archived SHA-256 of a print stays valid for a reprint).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { FORM_IDS, renderForm, type FormId } from '../../src-main/core/print/render';
import { FORMS } from '../../src-main/core/print/forms';
import { FULL_CONTEXT, SAMPLE_CONTEXT } from '../fixtures/print/context';
import { flat, pageCount, pdfFonts, pdfText } from './tools';

const HEADER = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN XÃ HÒA AN'];
const NAME = 'Nguyễn Thị Hồng Đào';
const CODE = '000.17.22.H56-260205-0007';
const DUE = '16 giờ 30 phút, ngày 05 tháng 02 năm 2026';
const DATE_LINE = 'Hòa An, ngày 05 tháng 02 năm 2026';

const EXPECTED: Record<FormId, string[]> = {
  mau01: [
    ...HEADER,
    DATE_LINE,
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    `Mã hồ sơ: ${CODE}`,
    '(Liên 1: Lưu)',
    '(Liên 2: Giao khách hàng)',
    'Bộ phận tiếp nhận và trả kết quả: Trung tâm Phục vụ hành chính công xã Hòa An',
    `Tiếp nhận hồ sơ của: ${NAME}`,
    'Địa chỉ: Số 12, ấp Phú Thạnh, xã Hòa An, thành phố Cần Thơ',
    'Số điện thoại: 0912 345 678',
    'Email: hongdao.nguyen@example.vn',
    'Nội dung yêu cầu giải quyết: Chứng thực bản sao từ bản chính giấy tờ',
    '1. Thành phần hồ sơ nộp gồm:',
    '(1) Bản chính Giấy khai sinh (bản chính: 01; bản sao: 00)',
    '(2) Bản chụp Giấy khai sinh cần chứng thực (bản chính: 00; bản sao: 03)',
    '2. Số lượng hồ sơ: 01 (bộ)',
    '3. Thời gian giải quyết hồ sơ theo quy định là: Trong ngày làm việc',
    '4. Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 05 tháng 02 năm 2026',
    `5. Thời gian trả kết quả giải quyết hồ sơ: ${DUE}`,
    '6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công xã Hòa An',
    '7. Phí, lệ phí: Phí chứng thực bản sao (3 trang): 6.000 đồng',
    'Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026 Số thứ tự: 57',
    'NGƯỜI NỘP HỒ SƠ',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    '(Ký và ghi rõ họ tên)',
    'Trần Văn Bình',
    'Ghi chú:',
    'Giấy tiếp nhận và hẹn trả kết quả được lập thành 2 liên',
  ],
  mau02: [
    ...HEADER,
    DATE_LINE,
    'Số: 15/HDHS',
    'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    `Mã hồ sơ: ${CODE}`,
    `Tiếp nhận hồ sơ/yêu cầu của Ông/Bà: ${NAME}`,
    'Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:',
    'Bản chính Giấy khai sinh để đối chiếu',
    'Bản chụp Căn cước của người yêu cầu',
    'Bản chính',
    'Bản photo',
    'Lý do: Bản chụp nộp kèm bị mờ, không đọc được số định danh cá nhân.',
    'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với Trần Văn Bình số điện thoại 0939 111 222 để được hướng dẫn./.',
    'NGƯỜI HƯỚNG DẪN',
  ],
  mau03: [
    ...HEADER,
    DATE_LINE,
    'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    `Mã hồ sơ: ${CODE}`,
    `Tiếp nhận hồ sơ của: ${NAME}`,
    'Qua xem xét, Bộ phận tiếp nhận hồ sơ của Ủy ban nhân dân xã Hòa An thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: Bản chính giấy tờ bị tẩy xóa',
    'Xin thông báo cho Ông/Bà được biết và thực hiện./.',
    'NGƯỜI NỘP HỒ SƠ',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
  ],
  mau04: [
    ...HEADER,
    DATE_LINE,
    'Số: 15/PXL',
    'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
    `Kính gửi: ${NAME}`,
    `Ngày 05 tháng 02 năm 2026, Ủy ban nhân dân xã Hòa An tiếp nhận giải quyết hồ sơ của Ông/Bà ${NAME} về việc Chứng thực bản sao`,
    `Mã số hồ sơ: ${CODE}`,
    `Ngày hẹn trả kết quả giải quyết hồ sơ (ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả): ${DUE}`,
    'Tuy nhiên đến nay, Ủy ban nhân dân xã Hòa An chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hạn',
    'Lý do: Cơ quan có thẩm quyền chưa gửi kết quả xác minh thông tin hộ tịch.',
    'xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào 16 giờ 00 phút, ngày 10 tháng 02 năm 2026.',
    'Kính mong nhận được sự thông cảm của Ông/Bà./.',
    'Nơi nhận:',
    '- Lưu: VT.',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    '(Ký, ghi rõ họ tên và đóng dấu)',
    'Phạm Quốc Hưng',
  ],
  mau05: [
    ...HEADER,
    DATE_LINE,
    'Số: 15/TB',
    'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
    `Kính gửi: ${NAME}`,
    `Mã số hồ sơ: ${CODE}`,
    'Ngày 06 tháng 02 năm 2026, Ông/Bà có yêu cầu rút hồ sơ, dừng giải quyết hồ sơ nêu trên.',
    'Ủy ban nhân dân xã Hòa An thông báo dừng giải quyết hồ sơ nêu trên.',
    'Lý do: Người nộp hồ sơ có văn bản đề nghị rút hồ sơ.',
    'Phạm Quốc Hưng',
  ],
  mau06: [
    ...HEADER,
    'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    `Mã hồ sơ: ${CODE}`,
    '(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)',
    'Cơ quan (bộ phận) giải quyết hồ sơ: Ủy ban nhân dân xã Hòa An',
    'TÊN CƠ QUAN',
    'Trước hạn',
    'Đúng hạn',
  ],
  mau07: [
    ...HEADER,
    'SỔ THEO DÕI HỒ SƠ',
    'Từ ngày 01/02/2026 đến ngày 28/02/2026',
    'Quyển số: 01/2026',
    'Ngày, tháng, năm',
    'Tại quầy',
  ],
  report_ii06a: [
    ...HEADER,
    'Biểu số II.06a/VPCP/KSTT',
    'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ HÒA AN',
    'Kỳ báo cáo: Quý I năm 2026 (Từ ngày 01/01/2026 đến ngày 31/03/2026)',
    'Đơn vị tính: Số hồ sơ TTHC',
    '- Đơn vị nhận báo cáo: Văn phòng Ủy ban nhân dân thành phố Cần Thơ',
    '(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13)',
    'Chứng thực 355 12 340 3 351 300 50 1 4 4 0',
    'Hộ tịch 132 40 85 7 122 90 30 2 10 9 1',
    'Tổng số 487 52 425 10 473 390 80 3 14 13 1',
    'Võ Thanh Tâm',
  ],
  ticket: [
    'PHIẾU HẸN TRẢ KẾT QUẢ',
    CODE,
    `Người nộp: ${NAME}`,
    `Hẹn trả kết quả: ${DUE}`,
    'Tra cứu:',
  ],
};

/**
 * Text inside narrow table cells wraps, and -layout interleaves neighbouring cells' lines, so
 * these are checked on the raw (content-order) text, where a cell's lines stay together.
 */
const IN_CELLS: Partial<Record<FormId, string[]>> = {
  mau02: ['Bản chứng thực'],
  mau06: [
    'THỜI GIAN GIAO, NHẬN HỒ SƠ',
    'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)',
    '1. Giao: Trung tâm Phục vụ hành chính công xã Hòa An 2. Nhận: Phòng Văn hóa - Xã hội xã Hòa An',
    '08 giờ 20 phút, ngày 05 tháng 02 năm 2026',
    '15 giờ 10 phút, ngày 05 tháng 02 năm 2026',
    'Lê Thị Mỹ Duyên',
    'Đã ký chứng thực',
  ],
  mau07: ['Nhận hồ sơ', 'Hẹn trả kết quả', NAME, '05/02/2026 08:05', '05/02/2026 16:30'],
  report_ii06a: ['Trực tuyến', 'Trực tiếp, dịch vụ bưu chính', 'Từ kỳ trước', 'Lĩnh vực, công việc giải quyết theo cấp'],
};

/** Long unbreakable strings (codes, links) may be split anywhere; compare without whitespace. */
const UNSPACED: Partial<Record<FormId, string[]>> = {
  mau07: [CODE, 'Trảkếtquả(Ngày/Phươngthứcnhận)'],
  ticket: [`Tracứu:https://dvc.cantho.example.vn/tra-cuu/${CODE}`],
};

describe.each(FORM_IDS.map((id) => [id]))('form %s', (id) => {
  it('prints the official wording and the dossier values', async () => {
    const { pdf } = await renderForm(id, FULL_CONTEXT);
    const text = flat(pdfText(pdf));
    for (const s of EXPECTED[id]) expect(text).toContain(s);
    expect(text.normalize('NFC')).toBe(text);
    const raw = flat(pdfText(pdf, undefined, true));
    for (const s of IN_CELLS[id] ?? []) expect(raw).toContain(s);
    const unspaced = raw.replace(/\s+/g, '');
    for (const s of UNSPACED[id] ?? []) expect(unspaced).toContain(s);
  });

  it('embeds every font it uses, and only Liberation Serif', async () => {
    const { pdf } = await renderForm(id, FULL_CONTEXT);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.emb).toBe('yes');
      expect(f.name).toMatch(/^[A-Z]{6}\+LiberationSerif/);
    }
  });

  it('re-renders byte-identically, with the hash of the bytes', async () => {
    const a = await renderForm(id, FULL_CONTEXT);
    const b = await renderForm(id, structuredClone(FULL_CONTEXT));
    expect(b.pdf.equals(a.pdf)).toBe(true);
    expect(a.sha256).toBe(createHash('sha256').update(a.pdf).digest('hex'));
    expect(a.templateVersion).toBe(FORMS[id].version);
  });
});

describe('printing is a function of the context', () => {
  it('takes its dates from printedAt, not from the clock', async () => {
    const a = await renderForm('mau02', FULL_CONTEXT);
    const b = await renderForm('mau02', { ...FULL_CONTEXT, printedAt: '2026-03-15T03:00:00.000Z' });
    expect(b.sha256).not.toBe(a.sha256);
    const text = flat(pdfText(b.pdf));
    // Month 3 is not zero-padded in the date line (NĐ 30/2020).
    expect(text).toContain('Hòa An, ngày 15 tháng 3 năm 2026');
  });

  it('prints decomposed (NFD) input exactly like the NFC form', async () => {
    const nfd = JSON.parse(JSON.stringify(SAMPLE_CONTEXT).normalize('NFD'));
    const a = await renderForm('mau01', SAMPLE_CONTEXT);
    const b = await renderForm('mau01', nfd);
    expect(b.sha256).toBe(a.sha256);
  });

  it('Mẫu 01 prints each liên on its own page', async () => {
    const { pdf } = await renderForm('mau01', SAMPLE_CONTEXT);
    expect(pageCount(pdf)).toBe(2);
    expect(flat(pdfText(pdf, { first: 1, last: 1 }))).toContain('(Liên 1: Lưu)');
    const p2 = flat(pdfText(pdf, { first: 2, last: 2 }));
    expect(p2).toContain('(Liên 2: Giao khách hàng)');
    expect(p2).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('marks a provisional appointment time as such', async () => {
    const ctx = { ...SAMPLE_CONTEXT, dossier: { ...SAMPLE_CONTEXT.dossier!, dueProvisional: true } };
    const text = flat(pdfText((await renderForm('mau01', ctx)).pdf));
    expect(text).toContain(`${DUE} (dự kiến)`);
  });

  it('refuses, in Vietnamese, a form whose data is missing', async () => {
    const err = await renderForm('mau03', SAMPLE_CONTEXT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INVALID_INPUT');
    expect((err as AppError).message).toBe('Thiếu lý do từ chối để in Mẫu 03.');
  });

  it('refuses an unbalanced II.06a report rather than print it', async () => {
    const report = FULL_CONTEXT.report!;
    const bad = { ...FULL_CONTEXT, report: { ...report, rows: [{ ...report.rows[0]!, pendingLate: 5 }] } };
    const err = await renderForm('report_ii06a', bad).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('INVALID_INPUT');
    expect((err as AppError).message).toContain('không cân đối');
  });

  it('lets a province swap the wording without code changes', async () => {
    const tpl = FORMS.mau03.template as typeof FORMS.mau03.template & { texts: Record<string, unknown> };
    const swapped = { ...tpl, version: 'tinh-2026.1', texts: { ...tpl.texts, closing: 'Trân trọng thông báo./.' } };
    const r = await renderForm('mau03', FULL_CONTEXT, { template: swapped });
    expect(r.templateVersion).toBe('tinh-2026.1');
    expect(flat(pdfText(r.pdf))).toContain('Trân trọng thông báo./.');
  });
});
