/** Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ (CounterRefusal). */
import type { Content } from 'pdfmake/interfaces';
import { orBlank } from '../format';
import { field, fieldPair, signatures, titleBlock } from '../layout';
import { fill } from '../templates/types';
import { mau03Template } from '../templates/mau03';
import { a4Document, counterHeader, dossierQr, required, requireDossier } from './shared';
import { defineForm } from './types';

export const mau03 = defineForm(mau03Template, {
  build(ctx, tpl) {
    const t = tpl.texts;
    const { dossier, procedure } = requireDossier(ctx, 'mau03');
    const refusal = required(ctx.refusal, 'mau03', 'lý do từ chối');
    const a = dossier.applicant;
    const content: Content[] = [
      ...counterHeader(ctx, tpl.formNumber),
      titleBlock(
        tpl.title,
        [{ text: [`${t.codeLabel} `, { text: dossier.code, bold: true }], style: 'subtitle' }],
        dossierQr(ctx, dossier),
      ),
      { text: `${ctx.office.name}:`, style: 'body', bold: true, margin: [0, 0, 0, 3] },
      field(t.applicantLabel, a.fullName),
      field(t.addressLabel, orBlank(a.address)),
      fieldPair(t.phoneLabel, orBlank(a.phone), t.emailLabel, orBlank(a.email)),
      field(t.requestLabel, procedure.name),
      {
        text: fill(t.refusalSentence, { agency: ctx.office.governingBody, reason: refusal.reason }),
        style: 'paragraph',
        margin: [0, 6, 0, 6],
      },
      { text: t.closing, style: 'paragraph' },
      signatures([
        { title: t.signLeftTitle, note: t.signNote, name: a.fullName },
        { title: t.signRightTitle, note: t.signNote, name: ctx.officer.fullName },
      ]),
    ];
    return a4Document(content);
  },
});
