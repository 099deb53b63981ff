/**
 * Mẫu 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ (ProcessControlSheet). One row per
 * hand-over (giao → nhận) from the dossier timeline; it travels with Liên 1 of Mẫu 01. With no
 * hand-over yet, one empty row is left to fill by hand.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatAppointmentVi } from '@shared/domain/text';
import { BLANK, orBlank } from '../format';
import { field, td, th, titleBlock } from '../layout';
import { fill } from '../templates/types';
import { mau06Template } from '../templates/mau06';
import { a4Document, counterHeader, dossierQr, requireDossier } from './shared';
import { defineForm } from './types';

export const mau06 = defineForm(mau06Template, {
  build(ctx, tpl) {
    const t = tpl.texts;
    const { dossier, procedure } = requireDossier(ctx, 'mau06');
    const events = ctx.events ?? [];
    const rows: TableCell[][] =
      events.length === 0
        ? [[td(`${fill(t.giver, { unit: BLANK })}\n${fill(t.receiver, { unit: BLANK })}`), td('\n\n\n'), td(''), td('')]]
        : events.map((e): TableCell[] => [
            td(`${fill(t.giver, { unit: e.fromUnit })}\n${fill(t.receiver, { unit: e.toUnit })}`),
            {
              stack: [
                { text: formatAppointmentVi(e.at), style: 'tableCell' },
                {
                  columns: [
                    { text: `${t.giverSign}\n\n${e.fromPerson ?? ''}`, style: 'tableCell', alignment: 'center' },
                    { text: `${t.receiverSign}\n\n${e.toPerson ?? ''}`, style: 'tableCell', alignment: 'center' },
                  ],
                  margin: [0, 4, 0, 0],
                },
              ],
            },
            td(e.outcome ? t.outcomes[e.outcome] : '', 'center'),
            td(e.note ?? ''),
          ]);

    const content: Content[] = [
      ...counterHeader(ctx, tpl.formNumber),
      titleBlock(
        tpl.title,
        [
          { text: [`${t.codeLabel} `, { text: dossier.code, bold: true }], style: 'subtitle' },
          { text: t.attached, style: 'subtitle', italics: true },
        ],
        dossierQr(ctx, dossier),
      ),
      field(t.resolvingLabel, orBlank(procedure.resolvingAgency ?? ctx.office.governingBody)),
      field(t.coordinatingLabel, BLANK, { margin: [0, 0, 0, 8] }),
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['*', 150, 84, 62],
          body: [t.columns.map((c) => th(c)), ...rows],
        },
      },
    ];
    return a4Document(content);
  },
});
