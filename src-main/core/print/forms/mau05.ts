/** Mẫu 05 — Thông báo dừng giải quyết hồ sơ (StopNotice), e.g. after a withdrawal request. */
import type { Content } from 'pdfmake/interfaces';
import { formatDateLineVi } from '@shared/domain/text';
import { field, recipientsAndSigner } from '../layout';
import { fill } from '../templates/types';
import { mau05Template } from '../templates/mau05';
import { letterOpening } from './letter';
import { a4Document, capitalize, required, requireDossier } from './shared';
import { defineForm } from './types';

export const mau05 = defineForm(mau05Template, {
  build(ctx, tpl) {
    const t = tpl.texts;
    const { dossier, procedure } = requireDossier(ctx, 'mau05');
    const stop = required(ctx.stop, 'mau05', 'lý do dừng giải quyết');
    const agency = stop.agencyName ?? ctx.office.governingBody;
    const content: Content[] = [
      ...letterOpening(ctx, dossier, tpl, agency),
      {
        text: fill(t.received, {
          receivedDate: capitalize(formatDateLineVi(dossier.receivedAt)),
          unit: ctx.office.name,
          name: dossier.applicant.fullName,
          procedure: procedure.name,
        }),
        style: 'paragraph',
      },
      { text: fill(t.codeLine, { code: dossier.code }), style: 'paragraph' },
      ...(stop.requestedAt
        ? [
            {
              text: fill(t.withdrawal, { requestedDate: capitalize(formatDateLineVi(stop.requestedAt)) }),
              style: 'paragraph',
            } as Content,
          ]
        : []),
      { text: fill(t.stopSentence, { agency }), style: 'paragraph' },
      { ...(field(t.reasonLabel, stop.reason) as object), style: 'paragraph' } as Content,
      { text: t.closing, style: 'paragraph' },
      recipientsAndSigner(
        t.recipientsHeading,
        t.recipients.map((r) => fill(r, { unit: ctx.office.name })),
        { title: stop.signer.title, note: t.signNote, name: stop.signer.fullName },
      ),
    ];
    return a4Document(content);
  },
});
