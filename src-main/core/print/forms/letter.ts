/**
 * The parts Mẫu 04 and Mẫu 05 share: both are letters from the resolving agency to the citizen,
 * addressed "Kính gửi", signed by its head, with "Nơi nhận".
 */
import type { Content } from 'pdfmake/interfaces';
import type { Dossier } from '../../../../src-shared/dossier';
import { formatPlaceDate, orBlank } from '../format';
import { officialHeader, titleBlock } from '../layout';
import type { PrintContext } from '../model';
import { fill } from '../templates/types';
import { dossierQr, numberLine } from './shared';

interface LetterTexts {
  numberSuffix: string;
  codeLabel: string;
  recipient: string;
  recipientDetails: string;
}

/** Header (issued by the agency, not the counter), title with QR, and the addressee. */
export function letterOpening(
  ctx: PrintContext,
  dossier: Dossier,
  tpl: { formNumber: string; title: string; texts: LetterTexts },
  agency: string,
): Content[] {
  const t = tpl.texts;
  const a = dossier.applicant;
  // When the agency is the governing body itself (UBND xã), it is the only issuer line.
  const parent = agency === ctx.office.governingBody ? undefined : ctx.office.governingBody;
  return [
    ...officialHeader({
      ...(parent ? { parent } : {}),
      unit: agency,
      numberLine: numberLine(ctx.docNumber, t.numberSuffix),
      placeDate: formatPlaceDate(ctx.office.place, ctx.printedAt),
      formNumber: tpl.formNumber,
    }),
    titleBlock(
      tpl.title,
      [
        { text: fill(t.recipient, { name: a.fullName }), style: 'subtitle', margin: [0, 4, 0, 0] },
        {
          text: fill(t.recipientDetails, { address: orBlank(a.address), phone: orBlank(a.phone) }),
          style: 'subtitle',
          fontSize: 12,
        },
      ],
      dossierQr(ctx, dossier),
    ),
  ];
}
