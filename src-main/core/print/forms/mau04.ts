/**
 * Mẫu 04 — Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (ApologyLetter). Signed and
 * stamped by the head of the agency that caused the delay; the new date is given once.
 */
import type { Content } from 'pdfmake/interfaces';
import { formatAppointmentVi, formatDateLineVi } from '@shared/domain/text';
import { field, recipientsAndSigner } from '../layout';
import { fill } from '../templates/types';
import { mau04Template } from '../templates/mau04';
import { letterOpening } from './letter';
import { a4Document, capitalize, required, requireDossier } from './shared';
import { defineForm } from './types';

export const mau04 = defineForm(mau04Template, {
  build(ctx, tpl) {
    const t = tpl.texts;
    const { dossier, procedure } = requireDossier(ctx, 'mau04');
    const apology = required(ctx.apology, 'mau04', 'nội dung xin lỗi, hẹn lại');
    const agency = apology.agencyName ?? ctx.office.governingBody;
    const name = dossier.applicant.fullName;
    const content: Content[] = [
      ...letterOpening(ctx, dossier, tpl, agency),
      {
        text: fill(t.received, {
          receivedDate: capitalize(formatDateLineVi(dossier.receivedAt)),
          agency,
          name,
          procedure: procedure.name,
        }),
        style: 'paragraph',
      },
      { text: fill(t.codeLine, { code: dossier.code }), style: 'paragraph' },
      { text: fill(t.dueLine, { dueAt: formatAppointmentVi(dossier.dueAt) }), style: 'paragraph' },
      { text: fill(t.notYet, { agency }), style: 'paragraph' },
      { ...(field(t.reasonLabel, apology.reason) as object), style: 'paragraph' } as Content,
      { text: fill(t.apology, { agency, newDueAt: formatAppointmentVi(apology.newDueAt) }), style: 'paragraph' },
      { text: t.closing, style: 'paragraph' },
      recipientsAndSigner(
        t.recipientsHeading,
        t.recipients.map((r) => fill(r, { unit: ctx.office.name })),
        { title: apology.signer.title, note: t.signNote, name: apology.signer.fullName },
      ),
    ];
    return a4Document(content);
  },
});
