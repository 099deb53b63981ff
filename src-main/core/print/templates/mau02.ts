/** Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (DOMAIN.md §2.4). */
import type { FormTemplate } from './types';

export const mau02Template = {
  formId: 'mau02',
  formNumber: 'Mẫu số 02',
  title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  legalBasis: 'TT 01/2018/TT-VPCP, Mẫu số 02 (mẫu 2018; chờ đối chiếu TT 03/2025/TT-VPCP)',
  effectiveFrom: '2018-11-23',
  source: 'DOMAIN.md §2.4: implementation citing TT 01/2018 Mẫu số 02 [C][R7]; table variant',
  version: '2018.1',
  texts: {
    /** Ký hiệu after "Số: …/" — hướng dẫn hồ sơ. */
    numberSuffix: 'HDHS',
    codeLabel: 'Mã hồ sơ:',
    applicantLabel: 'Tiếp nhận hồ sơ/yêu cầu của Ông/Bà:',
    requestLabel: 'Nội dung yêu cầu giải quyết:',
    addressLabel: 'Địa chỉ:',
    phoneLabel: 'Số điện thoại:',
    emailLabel: 'Email:',
    itemsIntro: 'Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:',
    columns: {
      no: 'TT',
      name: 'Thành phần hồ sơ',
      quantity: 'Số lượng',
      originals: 'Bản chính',
      certifiedCopies: 'Bản chứng thực',
      photocopies: 'Bản photo',
    },
    reasonLabel: 'Lý do:',
    contactSentence:
      'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với {contact} số điện thoại {phone} để được hướng dẫn./.',
    signTitle: 'NGƯỜI HƯỚNG DẪN',
    signNote: '(Ký và ghi rõ họ tên)',
  },
} satisfies FormTemplate;

export type Mau02Template = typeof mau02Template;
