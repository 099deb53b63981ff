/** Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (DOMAIN.md §2.3). */
import type { FormTemplate } from './types';

export const mau01Template = {
  formId: 'mau01',
  formNumber: 'Mẫu số 01',
  title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  legalBasis: 'TT 01/2018/TT-VPCP, Mẫu số 01 (mẫu 2018; chờ đối chiếu TT 03/2025/TT-VPCP)',
  effectiveFrom: '2018-11-23',
  source: 'DOMAIN.md §2.3: TT 01/2018 text as reproduced line by line by OpenCPS [C][R5]',
  version: '2018.1',
  texts: {
    /** One page per copy (liên); the first is kept with Mẫu 06, the second goes to the citizen. */
    copies: ['Liên 1: Lưu', 'Liên 2: Giao khách hàng'],
    codeLabel: 'Mã hồ sơ:',
    receivingUnitLabel: 'Bộ phận tiếp nhận và trả kết quả:',
    applicantLabel: 'Tiếp nhận hồ sơ của:',
    addressLabel: 'Địa chỉ:',
    phoneLabel: 'Số điện thoại:',
    emailLabel: 'Email:',
    requestLabel: 'Nội dung yêu cầu giải quyết:',
    documentsHeading: '1. Thành phần hồ sơ nộp gồm:',
    /** {n} item number, {name}, {originals}, {copies}. */
    documentLine: '({n}) {name} (bản chính: {originals}; bản sao: {copies})',
    setsLine: '2. Số lượng hồ sơ: {sets} (bộ)',
    deadlineLine: '3. Thời gian giải quyết hồ sơ theo quy định là: {deadline}',
    receivedLine: '4. Thời gian nhận hồ sơ: {receivedAt}',
    dueLine: '5. Thời gian trả kết quả giải quyết hồ sơ: {dueAt}',
    /** Appended when the due time was computed on a calendar the commune has not confirmed. */
    provisionalNote: ' (dự kiến)',
    deliveryLine: '6. Đăng ký nhận kết quả tại: {place}',
    deliveryPostal: 'Nhà riêng (trụ sở tổ chức) qua dịch vụ bưu chính: {address}',
    /** Printed only when the dossier has fee lines (the 2018 text has no fee item). */
    feesLine: '7. Phí, lệ phí: {fees}',
    feeExempt: 'miễn',
    registerLine: 'Vào Sổ theo dõi hồ sơ, Quyển số: {book} Số thứ tự: {seq}',
    signLeftTitle: 'NGƯỜI NỘP HỒ SƠ',
    signRightTitle: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
    signNote: '(Ký và ghi rõ họ tên)',
    notesHeading: 'Ghi chú:',
    notes: [
      '- Giấy tiếp nhận và hẹn trả kết quả được lập thành 2 liên; một liên chuyển kèm theo Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại Bộ phận tiếp nhận và trả kết quả; một liên giao cho cá nhân, tổ chức nộp hồ sơ;',
      '- Cá nhân, tổ chức có thể đăng ký nhận kết quả tại Bộ phận tiếp nhận và trả kết quả hoặc tại nhà (trụ sở tổ chức) qua dịch vụ bưu chính.',
    ],
  },
} satisfies FormTemplate;

export type Mau01Template = typeof mau01Template;
