/**
 * Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (SupplementRequest). Lists every missing item
 * at once (hướng dẫn một lần, đầy đủ); the table variant of the 2018 form.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatCount, orBlank } from '../format';
import { field, fieldPair, signatures, td, th, titleBlock } from '../layout';
import { fill } from '../templates/types';
import { mau02Template } from '../templates/mau02';
import { a4Document, counterHeader, dossierQr, numberLine, required, requireDossier } from './shared';
import { defineForm } from './types';

export const mau02 = defineForm(mau02Template, {
  build(ctx, tpl) {
    const t = tpl.texts;
    const { dossier, procedure } = requireDossier(ctx, 'mau02');
    const supplement = required(ctx.supplement, 'mau02', 'nội dung yêu cầu bổ sung');
    const a = dossier.applicant;
    const c = t.columns;

    const body: TableCell[][] = [
      [th(c.no, { rowSpan: 2 }), th(c.name, { rowSpan: 2 }), th(c.quantity, { colSpan: 3 }), {}, {}],
      [{}, {}, th(c.originals), th(c.certifiedCopies), th(c.photocopies)],
      ...supplement.items.map((item, i): TableCell[] => [
        td(String(i + 1), 'center'),
        td(item.name),
        td(formatCount(item.originals), 'center'),
        td(formatCount(item.certifiedCopies), 'center'),
        td(formatCount(item.photocopies), 'center'),
      ]),
    ];

    const content: Content[] = [
      ...counterHeader(ctx, tpl.formNumber, { numberLine: numberLine(ctx.docNumber, t.numberSuffix) }),
      titleBlock(
        tpl.title,
        [{ text: [`${t.codeLabel} `, { text: dossier.code, bold: true }], style: 'subtitle' }],
        dossierQr(ctx, dossier),
      ),
      { text: `${ctx.office.name}:`, style: 'body', bold: true, margin: [0, 0, 0, 3] },
      field(t.applicantLabel, a.fullName),
      field(t.requestLabel, procedure.name),
      field(t.addressLabel, orBlank(a.address)),
      fieldPair(t.phoneLabel, orBlank(a.phone), t.emailLabel, orBlank(a.email)),
      { text: t.itemsIntro, style: 'body', margin: [0, 3, 0, 4] },
      {
        table: { headerRows: 2, widths: [24, '*', 52, 62, 52], body },
        margin: [0, 0, 0, 6],
      },
      field(t.reasonLabel, supplement.reason),
      {
        text: fill(t.contactSentence, {
          contact: supplement.contactName ?? ctx.officer.fullName,
          phone: orBlank(supplement.contactPhone ?? ctx.officer.phone ?? ctx.office.phone),
        }),
        style: 'paragraph',
      },
      signatures([null, { title: t.signTitle, note: t.signNote, name: ctx.officer.fullName }]),
    ];
    return a4Document(content);
  },
});
