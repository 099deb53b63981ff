/** Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ (DOMAIN.md §2.5). */
import type { FormTemplate } from './types';

export const mau03Template = {
  formId: 'mau03',
  formNumber: 'Mẫu số 03',
  title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  legalBasis: 'TT 01/2018/TT-VPCP, Mẫu số 03 (mẫu 2018; chờ đối chiếu TT 03/2025/TT-VPCP)',
  effectiveFrom: '2018-11-23',
  source: 'DOMAIN.md §2.5: provincial implementation (Thanh Hóa) [S][R7]',
  version: '2018.1',
  texts: {
    codeLabel: 'Mã hồ sơ:',
    applicantLabel: 'Tiếp nhận hồ sơ của:',
    addressLabel: 'Địa chỉ:',
    phoneLabel: 'Số điện thoại:',
    emailLabel: 'Email:',
    requestLabel: 'Nội dung yêu cầu giải quyết:',
    /** {agency} governing body, {reason} the refusal reason. */
    refusalSentence:
      'Qua xem xét, Bộ phận tiếp nhận hồ sơ của {agency} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: {reason}',
    closing: 'Xin thông báo cho Ông/Bà được biết và thực hiện./.',
    signLeftTitle: 'NGƯỜI NỘP HỒ SƠ',
    signRightTitle: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
    signNote: '(Ký và ghi rõ họ tên)',
  },
} satisfies FormTemplate;

export type Mau03Template = typeof mau03Template;
