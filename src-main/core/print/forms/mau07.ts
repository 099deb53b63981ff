/**
 * Mẫu 07 — Sổ theo dõi hồ sơ (DossierRegister) for a date range: A4 landscape, the two header
 * rows repeated on every page, rows never split across pages.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDateVi } from '@shared/domain/text';
import { vnParts } from '@shared/domain/vn-time';
import { contentWidth, officialHeader, td, th } from '../layout';
import { formatPlaceDate } from '../format';
import type { PrintContext, RegisterRow } from '../model';
import { fill } from '../templates/types';
import { mau07Template, type Mau07Template } from '../templates/mau07';
import { a4Document, required } from './shared';
import { defineForm } from './types';

/** "05/02/2026\n08:05": date first, as the register is read by day. */
function stamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = vnParts(iso);
  return `${formatDateVi(iso)}\n${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

function row(r: RegisterRow, i: number, t: Mau07Template['texts']): TableCell[] {
  const d = r.dossier;
  const contact = [d.applicant.address, d.applicant.phone].filter(Boolean).join('; ');
  const returned = d.returnedAt ? [stamp(d.returnedAt), t.deliveries[d.delivery], ...(r.collectedBy ? [fill(t.collectedBy, { name: r.collectedBy })] : [])].join('\n') : '';
  return [
    td(String(i + 1), 'center'),
    td(d.code),
    td(d.procedureName),
    td(String(r.sets ?? 1), 'center'),
    td(d.applicant.fullName),
    td(contact),
    td(r.resolvingAgency ?? ''),
    td(stamp(d.receivedAt), 'center'),
    // A dossier refused at the counter was never given an appointment.
    td(d.status === 'rejected' ? '' : stamp(d.dueAt), 'center'),
    td(stamp(r.transferredAt), 'center'),
    td(stamp(r.resultReceivedAt), 'center'),
    td(returned, 'center'),
    td(''),
    td(r.note ?? ''),
  ];
}

function build(ctx: PrintContext, tpl: Mau07Template) {
  const t = tpl.texts;
  const c = t.columns;
  const register = required(ctx.register, 'mau07', 'danh sách hồ sơ của sổ');
  const header: TableCell[][] = [
    [
      th(c.no, { rowSpan: 2 }),
      th(c.code, { rowSpan: 2 }),
      th(c.procedure, { rowSpan: 2 }),
      th(c.sets, { rowSpan: 2 }),
      th(c.applicant, { rowSpan: 2 }),
      th(c.contact, { rowSpan: 2 }),
      th(c.agency, { rowSpan: 2 }),
      th(c.dates, { colSpan: 5 }),
      {},
      {},
      {},
      {},
      th(c.signature, { rowSpan: 2 }),
      th(c.note, { rowSpan: 2 }),
    ],
    [{}, {}, {}, {}, {}, {}, {}, th(c.received), th(c.due), th(c.transferred), th(c.resultReceived), th(c.returned), {}, {}],
  ];
  const fixed = [14, 60, 0, 24, 56, 64, 50, 42, 42, 42, 42, 48, 30, 36];
  const padding = 14 * 4;
  // The procedure name takes what is left of the landscape width.
  fixed[2] = contentWidth('landscape') - padding - fixed.reduce((s, w) => s + w, 0);

  const body = register.rows.map((r, i) => row(r, i, t));
  const content: Content[] = [
    ...officialHeader({
      parent: ctx.office.governingBody,
      unit: ctx.office.name,
      placeDate: formatPlaceDate(ctx.office.place, ctx.printedAt),
      formNumber: tpl.formNumber,
      orientation: 'landscape',
    }),
    { text: tpl.title, style: 'docTitle', margin: [0, 14, 0, 2] },
    {
      text: fill(t.period, { from: formatDateVi(register.from), to: formatDateVi(register.to) }),
      style: 'subtitle',
      italics: true,
    },
    ...(register.book ? [{ text: fill(t.book, { book: register.book }), style: 'subtitle' } as Content] : []),
    {
      table: { headerRows: 2, dontBreakRows: true, widths: fixed, body: [...header, ...body] },
      layout: { paddingLeft: () => 2, paddingRight: () => 2 },
      fontSize: 9,
      margin: [0, 10, 0, 0],
    },
    ...(body.length === 0 ? [{ text: t.empty, style: 'body', italics: true, margin: [0, 6, 0, 0] } as Content] : []),
  ];
  const doc = a4Document(content, 'landscape');
  // Dense register: 9 pt cells (NĐ 30 allows smaller type in tables).
  return { ...doc, styles: { ...doc.styles, tableHeader: { fontSize: 9, bold: true, alignment: 'center' as const }, tableCell: { fontSize: 9 } } };
}

export const mau07 = defineForm(mau07Template, { build });
