/**
 * Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (AppointmentSlip). Two copies (liên), each
 * starting on its own page: Liên 1 stays with Mẫu 06 at the counter, Liên 2 goes to the citizen.
 */
import type { Content } from 'pdfmake/interfaces';
import { formatAppointmentVi, formatDongPrinted } from '@shared/domain/text';
import { formatCount, orBlank } from '../format';
import { field, fieldPair, signatures, titleBlock } from '../layout';
import type { PrintContext } from '../model';
import { fill } from '../templates/types';
import { mau01Template, type Mau01Template } from '../templates/mau01';
import { a4Document, counterHeader, dossierQr, requireDossier } from './shared';
import { defineForm } from './types';

function feesText(ctx: PrintContext, t: Mau01Template['texts']): string | null {
  const fees = ctx.dossier?.fees ?? [];
  if (fees.length === 0) return null;
  return fees
    .map((f) => `${f.label}: ${f.exemptReason ? `${t.feeExempt} (${f.exemptReason})` : formatDongPrinted(f.amount)}`)
    .join('; ');
}

function copyPage(ctx: PrintContext, tpl: Mau01Template, copyLabel: string): Content[] {
  const t = tpl.texts;
  const { dossier, procedure } = requireDossier(ctx, 'mau01');
  const a = dossier.applicant;
  const due = formatAppointmentVi(dossier.dueAt) + (dossier.dueProvisional ? t.provisionalNote : '');
  const deliveryPlace =
    dossier.delivery === 'postal' ? fill(t.deliveryPostal, { address: orBlank(a.address) }) : ctx.office.name;
  const fees = feesText(ctx, t);

  const docs: Content[] =
    dossier.documents.length === 0
      ? [{ text: `(1) ${orBlank('')}`, style: 'body', margin: [14, 0, 0, 2] }]
      : dossier.documents.map((d, i) => ({
          text: fill(t.documentLine, {
            n: String(i + 1),
            name: d.name,
            originals: formatCount(d.originals),
            copies: formatCount(d.copies),
          }),
          style: 'body',
          margin: [14, 0, 0, 2],
        }));

  return [
    ...counterHeader(ctx, tpl.formNumber),
    titleBlock(
      tpl.title,
      [
        { text: [`${t.codeLabel} `, { text: dossier.code, bold: true }], style: 'subtitle', margin: [0, 4, 0, 0] },
        { text: `(${copyLabel})`, style: 'subtitle', italics: true },
      ],
      dossierQr(ctx, dossier, { withLookupKey: true }),
    ),
    field(t.receivingUnitLabel, ctx.office.name),
    field(t.applicantLabel, a.fullName),
    field(t.addressLabel, orBlank(a.address)),
    fieldPair(t.phoneLabel, orBlank(a.phone), t.emailLabel, orBlank(a.email)),
    field(t.requestLabel, procedure.name),
    { text: t.documentsHeading, style: 'body', margin: [0, 0, 0, 2] },
    ...docs,
    { text: fill(t.setsLine, { sets: formatCount(ctx.sets ?? 1) }), style: 'body', margin: [0, 1, 0, 3] },
    { text: fill(t.deadlineLine, { deadline: orBlank(procedure.deadlineText) }), style: 'body', margin: [0, 0, 0, 3] },
    { text: fill(t.receivedLine, { receivedAt: formatAppointmentVi(dossier.receivedAt) }), style: 'body', margin: [0, 0, 0, 3] },
    { text: fill(t.dueLine, { dueAt: due }), style: 'body', bold: true, margin: [0, 0, 0, 3] },
    { text: fill(t.deliveryLine, { place: deliveryPlace }), style: 'body', margin: [0, 0, 0, 3] },
    ...(fees ? [{ text: fill(t.feesLine, { fees }), style: 'body', margin: [0, 0, 0, 3] } as Content] : []),
    {
      text: fill(t.registerLine, {
        book: orBlank(ctx.registerEntry?.book),
        seq: ctx.registerEntry ? String(ctx.registerEntry.seq) : orBlank(''),
      }),
      style: 'body',
      margin: [0, 2, 0, 0],
    },
    signatures([
      { title: t.signLeftTitle, note: t.signNote, name: a.fullName },
      { title: t.signRightTitle, note: t.signNote, name: ctx.officer.fullName },
    ]),
    {
      unbreakable: true,
      stack: [
        { text: t.notesHeading, style: 'footnote', bold: true, margin: [0, 12, 0, 2] },
        ...t.notes.map((n) => ({ text: n, style: 'footnote' })),
      ],
    },
  ];
}

export const mau01 = defineForm(mau01Template, {
  build(ctx, tpl) {
    const content: Content[] = [];
    tpl.texts.copies.forEach((label, i) => {
      const page = copyPage(ctx, tpl, label);
      // Each liên starts on a fresh page so the two can be separated.
      if (i > 0) page[0] = { ...(page[0] as object), pageBreak: 'before' } as Content;
      content.push(...page);
    });
    // Page numbers would run across both liên; each liên is a separate paper, so none are printed.
    return a4Document(content, 'portrait', false);
  },
});
