/**
 * 80 mm appointment ticket (phiếu hẹn khổ nhỏ). Not a statutory form: it accompanies, never
 * replaces, Mẫu 01, so its wording is the office's own.
 */
import type { FormTemplate } from './types';

export const ticketTemplate = {
  formId: 'ticket',
  formNumber: '',
  title: 'PHIẾU HẸN TRẢ KẾT QUẢ',
  legalBasis: 'Không phải mẫu pháp định: phiếu hẹn khổ 80 mm của đơn vị, kèm theo Mẫu số 01',
  effectiveFrom: '2026-01-01',
  source: 'Office wording; times as DOMAIN.md §4.5',
  version: '2026.1',
  texts: {
    codeLabel: 'Mã hồ sơ',
    applicantLabel: 'Người nộp:',
    procedureLabel: 'Thủ tục:',
    receivedLabel: 'Nhận hồ sơ:',
    dueLabel: 'Hẹn trả kết quả:',
    provisionalNote: ' (dự kiến)',
    officerLabel: 'Người tiếp nhận:',
    lookup: 'Tra cứu: {url}',
    keep: 'Vui lòng mang theo phiếu này và giấy tờ tùy thân khi đến nhận kết quả.',
  },
} satisfies FormTemplate;

export type TicketTemplate = typeof ticketTemplate;
