/**
 * 80 mm appointment ticket (phiếu hẹn) for thermal roll printers driven as ordinary printers:
 * 226.77 pt wide, height fitted to the content, with the QR large enough for a phone.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatAppointmentVi } from '@shared/domain/text';
import { upperVi } from '../format';
import { DEFAULT_STYLE } from '../layout';
import { fill } from '../templates/types';
import { ticketTemplate } from '../templates/ticket';
import { lookupUrl } from '../qr/payload';
import { qrCanvas } from '../qr/canvas';
import { dossierQr, requireDossier } from './shared';
import { defineForm } from './types';

/** 80 mm paper in points. */
export const TICKET_WIDTH = 226.77;
const MARGIN = 12;

export const ticket = defineForm(ticketTemplate, {
  build(ctx, tpl) {
    const t = tpl.texts;
    const { dossier, procedure } = requireDossier(ctx, 'ticket');
    const line = (label: string, value: string, bold = false): Content => ({
      text: [{ text: `${label} `, bold: true }, { text: value, bold }],
      fontSize: 9,
      margin: [0, 0, 0, 2],
    });
    // A fresh node per use: pdfmake positions a canvas's vectors in place, so one node drawn twice
    // ends up twice at the second position and the first rule goes missing.
    const rule = (): Content => ({
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: TICKET_WIDTH - 2 * MARGIN, y2: 0, lineWidth: 0.5, dash: { length: 2 } }],
      margin: [0, 4, 0, 4],
    });
    const content: Content[] = [
      { text: upperVi(ctx.office.governingBody), fontSize: 8, alignment: 'center' },
      { text: upperVi(ctx.office.name), fontSize: 9, bold: true, alignment: 'center' },
      rule(),
      { text: tpl.title, fontSize: 12, bold: true, alignment: 'center', margin: [0, 2, 0, 2] },
      { text: t.codeLabel, fontSize: 9, alignment: 'center' },
      { text: dossier.code, fontSize: 11, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      qrCanvas(dossierQr(ctx, dossier), { fit: 110, eccLevel: 'M', alignment: 'center', margin: [0, 0, 0, 6] }),
      line(t.applicantLabel, dossier.applicant.fullName),
      line(t.procedureLabel, procedure.name),
      line(t.receivedLabel, formatAppointmentVi(dossier.receivedAt)),
      line(t.dueLabel, formatAppointmentVi(dossier.dueAt) + (dossier.dueProvisional ? t.provisionalNote : ''), true),
      line(t.officerLabel, ctx.officer.fullName),
      rule(),
      ...(ctx.office.hubUrl
        ? [{ text: fill(t.lookup, { url: lookupUrl(ctx.office.hubUrl, dossier.code) }), fontSize: 8, alignment: 'center' } as Content]
        : []),
      { text: t.keep, fontSize: 8, italics: true, alignment: 'center', margin: [0, 2, 0, 0] },
    ];
    const doc: TDocumentDefinitions = {
      // height 'auto' fits the roll to the content (verified with pdfmake 0.3).
      pageSize: { width: TICKET_WIDTH, height: 'auto' as unknown as number },
      pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
      defaultStyle: DEFAULT_STYLE,
      content,
    };
    return doc;
  },
});
