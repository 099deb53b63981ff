/** Mẫu 07 (2025) / Mẫu 06 (2018) — Sổ theo dõi hồ sơ (DOMAIN.md §2.9), A4 landscape. */
import type { FormTemplate } from './types';

export const mau07Template = {
  formId: 'mau07',
  formNumber: 'Mẫu số 07',
  title: 'SỔ THEO DÕI HỒ SƠ',
  legalBasis:
    'TT 01/2018/TT-VPCP, Mẫu số 06 (mẫu 2018; là Mẫu số 07 theo TT 03/2025/TT-VPCP; chờ đối chiếu TT 03/2025)',
  effectiveFrom: '2018-11-23',
  source: 'DOMAIN.md §2.9: column set used by provincial systems [S][R6][M]',
  version: '2018.1',
  texts: {
    period: 'Từ ngày {from} đến ngày {to}',
    book: 'Quyển số: {book}',
    columns: {
      no: 'TT',
      code: 'Mã hồ sơ',
      procedure: 'Tên TTHC',
      sets: 'Số lượng hồ sơ (bộ)',
      applicant: 'Tên cá nhân, tổ chức',
      contact: 'Địa chỉ, số điện thoại',
      agency: 'Cơ quan chủ trì giải quyết',
      dates: 'Ngày, tháng, năm',
      received: 'Nhận hồ sơ',
      due: 'Hẹn trả kết quả',
      transferred: 'Chuyển hồ sơ đến cơ quan giải quyết',
      resultReceived: 'Nhận kết quả từ cơ quan giải quyết',
      returned: 'Trả kết quả (Ngày/Phương thức nhận)',
      signature: 'Ký nhận',
      note: 'Ghi chú',
    },
    deliveries: { counter: 'Tại quầy', postal: 'Bưu chính' },
    collectedBy: 'Người nhận: {name}',
    empty: 'Không có hồ sơ trong khoảng thời gian này.',
  },
} satisfies FormTemplate;

export type Mau07Template = typeof mau07Template;
