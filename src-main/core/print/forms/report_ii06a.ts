/**
 * Biểu số II.06a/VPCP/KSTT — tình hình, kết quả giải quyết TTHC for a period (DOMAIN.md §9.1).
 * Totals are computed here from the per-field figures; the identity "received = resolved +
 * pending" ((3) = (7) + (11)) is checked so an unbalanced report is never printed.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { AppError } from '../../../../src-shared/errors';
import { formatDateVi } from '@shared/domain/text';
import { formatPlaceDate, upperVi } from '../format';
import { officialHeader, signatures, td, th } from '../layout';
import type { ReportRow } from '../model';
import { fill } from '../templates/types';
import { reportIi06aTemplate } from '../templates/report_ii06a';
import { a4Document, required } from './shared';
import { defineForm } from './types';

/** Columns (3)–(13) of one line. */
export function reportFigures(r: ReportRow): number[] {
  const received = r.receivedOnline + r.receivedDirect + r.carriedOver;
  const resolved = r.resolvedEarly + r.resolvedOnTime + r.resolvedLate;
  const pending = r.pendingInTime + r.pendingLate;
  return [
    received,
    r.receivedOnline,
    r.receivedDirect,
    r.carriedOver,
    resolved,
    r.resolvedEarly,
    r.resolvedOnTime,
    r.resolvedLate,
    pending,
    r.pendingInTime,
    r.pendingLate,
  ];
}

export const reportIi06a = defineForm(reportIi06aTemplate, {
  build(ctx, tpl) {
    const t = tpl.texts;
    const c = t.columns;
    const report = required(ctx.report, 'report_ii06a', 'số liệu báo cáo');

    const lines = report.rows.map(reportFigures);
    lines.forEach((f, i) => {
      if (f[0] !== f[4]! + f[8]!) {
        throw new AppError('INVALID_INPUT', `Số liệu lĩnh vực "${report.rows[i]!.field}" không cân đối: số tiếp nhận khác tổng đã giải quyết và đang giải quyết.`, {
          field: report.rows[i]!.field,
          figures: f,
        });
      }
    });
    const totals = Array.from({ length: 11 }, (_, k) => lines.reduce((s, f) => s + f[k]!, 0));

    const header: TableCell[][] = [
      [
        th(c.no, { rowSpan: 3 }),
        th(c.field, { rowSpan: 3 }),
        th(c.received, { colSpan: 4 }), {}, {}, {},
        th(c.resolved, { colSpan: 4 }), {}, {}, {},
        th(c.pending, { colSpan: 3 }), {}, {},
      ],
      [
        {}, {},
        th(c.receivedTotal, { rowSpan: 2 }), th(c.receivedOf, { colSpan: 3 }), {}, {},
        th(c.resolvedTotal, { rowSpan: 2 }), th(c.early, { rowSpan: 2 }), th(c.onTime, { rowSpan: 2 }), th(c.late, { rowSpan: 2 }),
        th(c.pendingTotal, { rowSpan: 2 }), th(c.inTime, { rowSpan: 2 }), th(c.pendingLate, { rowSpan: 2 }),
      ],
      [{}, {}, {}, th(c.online), th(c.direct), th(c.carriedOver), {}, {}, {}, {}, {}, {}, {}],
      Array.from({ length: 13 }, (_, k) => th(`(${k + 1})`, { bold: false, italics: true })),
    ];
    const body: TableCell[][] = [
      [td(''), { text: t.totalRow, style: 'tableCell', bold: true }, ...totals.map((n) => ({ text: String(n), style: 'tableCell', bold: true, alignment: 'center' }) as TableCell)],
      ...report.rows.map((r, i): TableCell[] => [
        td(String(i + 1), 'center'),
        td(r.field),
        ...lines[i]!.map((n) => td(String(n), 'center')),
      ]),
    ];

    const content: Content[] = [
      ...officialHeader({
        parent: ctx.office.governingBody,
        unit: report.reportingUnit,
        placeDate: formatPlaceDate(ctx.office.place, ctx.printedAt),
        formNumber: tpl.formNumber,
        orientation: 'landscape',
      }),
      { text: fill(tpl.title, { unit: upperVi(report.reportingUnit) }), style: 'docTitle', margin: [40, 12, 40, 2] },
      {
        text: fill(t.period, {
          label: report.periodLabel,
          from: formatDateVi(report.from),
          to: formatDateVi(report.to),
        }),
        style: 'subtitle',
        italics: true,
      },
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: fill(t.reportingUnit, { unit: report.reportingUnit }), fontSize: 12 },
              { text: fill(t.receivingUnit, { unit: report.receivingUnit }), fontSize: 12 },
            ],
          },
          { width: 'auto', text: t.unitOfMeasure, fontSize: 12, italics: true, alignment: 'right' },
        ],
        margin: [0, 8, 0, 6],
      },
      {
        table: { headerRows: 4, dontBreakRows: true, widths: [22, '*', 42, 46, 62, 42, 42, 42, 42, 42, 42, 42, 42], body: [...header, ...body] },
        layout: { paddingLeft: () => 2, paddingRight: () => 2 },
      },
      {
        unbreakable: true,
        stack: [
          { text: t.notesHeading, style: 'footnote', bold: true, margin: [0, 8, 0, 2] },
          ...t.notes.map((n) => ({ text: n, style: 'footnote' })),
        ],
      },
      signatures([
        null,
        { title: report.signer?.title ?? t.signTitle, note: t.signNote, name: report.signer?.fullName ?? '' },
      ]),
    ];
    return a4Document(content, 'landscape');
  },
});
