/** Biểu II.06a as a file: CSV (UTF-8 with BOM, for Excel) or XLSX (exceljs), formulas neutralised. */
import type { II06a } from '@shared/rpc/reports';
import { neutraliseCell, toCsv } from './csv';

const HEADERS = [
  'TT', 'Lĩnh vực', 'Tiếp nhận: Tổng số (3)', 'Trực tuyến (4)', 'Trực tiếp, dịch vụ bưu chính (5)', 'Từ kỳ trước (6)',
  'Đã giải quyết: Tổng số (7)', 'Trước hạn (8)', 'Đúng hạn (9)', 'Quá hạn (10)', 'Đang giải quyết: Tổng số (11)', 'Trong hạn (12)', 'Quá hạn (13)',
];

function tableRows(report: II06a): (string | number)[][] {
  const line = (n: string, r: II06a['total']) => [
    n, r.fieldLabel, r.received, r.receivedOnline, r.receivedDirect, r.carriedOver, r.resolved, r.resolvedEarly, r.resolvedOnTime, r.resolvedLate,
    r.pending, r.pendingInTime, r.pendingLate,
  ];
  return [...report.rows.map((r, i) => line(String(i + 1), r)), line('', report.total)];
}

export async function exportII06a(report: II06a, format: 'csv' | 'xlsx', unit: string) {
  const base = `bieu-II06a-${report.from}-${report.to}`;
  const title = ['TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', unit, report.periodLabel];
  if (format === 'csv') {
    const csv = toCsv([...title.map((t) => [t]), [], HEADERS, ...tableRows(report)]);
    return { fileName: `${base}.csv`, mimeType: 'text/csv; charset=utf-8', base64: Buffer.from(csv, 'utf8').toString('base64') };
  }
  // Loaded on the first XLSX export, not at start: exceljs and its zip libraries took 1.4–7 s
  // of the host's start (CPU profile, loaded machine) for a file made a few times a month.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Một Cửa Xã';
  wb.created = new Date(`${report.to}T00:00:00+07:00`);
  const ws = wb.addWorksheet('II.06a');
  for (const t of title) ws.addRow([neutraliseCell(t)]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(HEADERS).font = { bold: true };
  for (const r of tableRows(report)) ws.addRow(r.map((c) => neutraliseCell(c)));
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 40 : 14));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${base}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buffer.toString('base64') };
}
