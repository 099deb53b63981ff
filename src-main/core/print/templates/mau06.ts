/** Mẫu 06 (2025) / Mẫu 05 (2018) — Phiếu kiểm soát quá trình giải quyết hồ sơ (DOMAIN.md §2.8). */
import type { FormTemplate } from './types';

export const mau06Template = {
  formId: 'mau06',
  formNumber: 'Mẫu số 06',
  title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  legalBasis:
    'TT 01/2018/TT-VPCP, Mẫu số 05 (mẫu 2018; là Mẫu số 06 theo TT 03/2025/TT-VPCP; chờ đối chiếu TT 03/2025)',
  effectiveFrom: '2018-11-23',
  source: 'DOMAIN.md §2.8: confirmed column structure [C][R8][S][R6]; subtitle and coordinating line [M]',
  version: '2018.1',
  texts: {
    codeLabel: 'Mã hồ sơ:',
    attached: '(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)',
    resolvingLabel: 'Cơ quan (bộ phận) giải quyết hồ sơ:',
    coordinatingLabel: 'Cơ quan phối hợp giải quyết hồ sơ:',
    columns: [
      'TÊN CƠ QUAN',
      'THỜI GIAN GIAO, NHẬN HỒ SƠ',
      'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)',
      'GHI CHÚ',
    ],
    giver: '1. Giao: {unit}',
    receiver: '2. Nhận: {unit}',
    giverSign: 'Người giao',
    receiverSign: 'Người nhận',
    outcomes: { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' },
  },
} satisfies FormTemplate;

export type Mau06Template = typeof mau06Template;
