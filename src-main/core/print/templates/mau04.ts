/**
 * Mẫu 04 — Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (DOMAIN.md §2.6).
 * The 2025 body text was not retrieved: the 2025 title carries the 2018 letter's sentences.
 */
import type { FormTemplate } from './types';

export const mau04Template = {
  formId: 'mau04',
  formNumber: 'Mẫu số 04',
  title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
  legalBasis:
    'TT 03/2025/TT-VPCP, Mẫu số 04 (tiêu đề); nội dung theo TT 01/2018/TT-VPCP Mẫu số 04 "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (mẫu 2018; chờ đối chiếu TT 03/2025)',
  effectiveFrom: '2025-09-15',
  source: 'DOMAIN.md §2.6: 2018 structure reconstructed from memory and a 2026 provincial implementation [M][S][R8]',
  version: '2025.0-draft',
  texts: {
    numberSuffix: 'PXL',
    codeLabel: 'Mã hồ sơ:',
    recipient: 'Kính gửi: {name}',
    recipientDetails: '(Địa chỉ: {address}; Số điện thoại: {phone})',
    /** {receivedDate} "Ngày 05 tháng 02 năm 2026", {agency}, {name}, {procedure}. */
    received: '{receivedDate}, {agency} tiếp nhận giải quyết hồ sơ của Ông/Bà {name} về việc {procedure}.',
    codeLine: 'Mã số hồ sơ: {code}',
    dueLine: 'Ngày hẹn trả kết quả giải quyết hồ sơ (ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả): {dueAt}',
    notYet:
      'Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    reasonLabel: 'Lý do:',
    apology:
      'Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {agency} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào {newDueAt}.',
    closing: 'Kính mong nhận được sự thông cảm của Ông/Bà./.',
    recipientsHeading: 'Nơi nhận:',
    /** {unit} the one-stop unit. */
    recipients: ['- Như trên;', '- {unit};', '- Lưu: VT.'],
    signNote: '(Ký, ghi rõ họ tên và đóng dấu)',
  },
} satisfies FormTemplate;

export type Mau04Template = typeof mau04Template;
