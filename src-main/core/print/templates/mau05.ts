/**
 * Mẫu 05 — Thông báo dừng giải quyết hồ sơ (new in TT 03/2025, DOMAIN.md §2.7).
 * The official body text was not retrieved: these sentences are ours, in the style of Mẫu 04,
 * and must be replaced by the official wording before go-live.
 */
import type { FormTemplate } from './types';

export const mau05Template = {
  formId: 'mau05',
  formNumber: 'Mẫu số 05',
  title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
  legalBasis:
    'TT 03/2025/TT-VPCP, Mẫu số 05 (tiêu đề); nội dung do đơn vị soạn tạm, chưa có văn bản mẫu chính thức (chờ đối chiếu TT 03/2025)',
  effectiveFrom: '2025-09-15',
  source: 'DOMAIN.md §2.7 (title only [C][R3]; body [?]), sentences modelled on Mẫu 04',
  version: '2025.0-draft',
  texts: {
    numberSuffix: 'TB',
    codeLabel: 'Mã hồ sơ:',
    recipient: 'Kính gửi: {name}',
    recipientDetails: '(Địa chỉ: {address}; Số điện thoại: {phone})',
    received: '{receivedDate}, {unit} tiếp nhận hồ sơ của Ông/Bà {name} về việc {procedure}.',
    codeLine: 'Mã số hồ sơ: {code}',
    /** Printed only when the citizen asked to withdraw; {requestedDate} "Ngày …". */
    withdrawal: '{requestedDate}, Ông/Bà có yêu cầu rút hồ sơ, dừng giải quyết hồ sơ nêu trên.',
    stopSentence: '{agency} thông báo dừng giải quyết hồ sơ nêu trên.',
    reasonLabel: 'Lý do:',
    closing: 'Xin thông báo để Ông/Bà được biết./.',
    recipientsHeading: 'Nơi nhận:',
    recipients: ['- Như trên;', '- {unit};', '- Lưu: VT.'],
    signNote: '(Ký, ghi rõ họ tên và đóng dấu)',
  },
} satisfies FormTemplate;

export type Mau05Template = typeof mau05Template;
