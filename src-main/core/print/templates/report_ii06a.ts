/** Biểu số II.06a/VPCP/KSTT — periodic TTHC report (DOMAIN.md §9.1), A4 landscape. */
import type { FormTemplate } from './types';

export const reportIi06aTemplate = {
  formId: 'report_ii06a',
  formNumber: 'Biểu số II.06a/VPCP/KSTT',
  /** {unit}: the reporting unit, uppercased. */
  title: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI {unit}',
  legalBasis: 'TT 01/2020/TT-VPCP, Biểu số II.06a/VPCP/KSTT (cột theo hệ thống cấp tỉnh; chờ đối chiếu biểu chính thức)',
  effectiveFrom: '2020-10-21',
  source: 'DOMAIN.md §9.1: columns as implemented by a provincial system [C][R45]; footnote paraphrased',
  version: '2020.1',
  texts: {
    period: 'Kỳ báo cáo: {label} (Từ ngày {from} đến ngày {to})',
    unitOfMeasure: 'Đơn vị tính: Số hồ sơ TTHC',
    reportingUnit: '- Đơn vị báo cáo: {unit}',
    receivingUnit: '- Đơn vị nhận báo cáo: {unit}',
    columns: {
      no: 'TT',
      field: 'Lĩnh vực, công việc giải quyết theo cấp',
      received: 'Số hồ sơ nhận giải quyết',
      receivedTotal: 'Tổng số',
      receivedOf: 'Trong đó',
      online: 'Trực tuyến',
      direct: 'Trực tiếp, dịch vụ bưu chính',
      carriedOver: 'Từ kỳ trước',
      resolved: 'Số lượng hồ sơ đã giải quyết',
      resolvedTotal: 'Tổng số',
      early: 'Trước hạn',
      onTime: 'Đúng hạn',
      late: 'Quá hạn',
      pending: 'Số lượng hồ sơ đang giải quyết',
      pendingTotal: 'Tổng số',
      inTime: 'Trong hạn',
      pendingLate: 'Quá hạn',
    },
    totalRow: 'Tổng số',
    notesHeading: 'Ghi chú:',
    notes: [
      '- Hồ sơ đang chờ bổ sung, hoàn thiện và hồ sơ do cá nhân, tổ chức rút được tính là đúng hạn (nếu đã giải quyết) hoặc trong hạn (nếu đang giải quyết).',
    ],
    signTitle: 'THỦ TRƯỞNG ĐƠN VỊ',
    signNote: '(Ký, ghi rõ họ tên và đóng dấu)',
  },
} satisfies FormTemplate;

export type ReportIi06aTemplate = typeof reportIi06aTemplate;
