/**
 * The waiting-room number (phiếu số thứ tự, issue #18 item 1) on the same 80 mm roll as the
 * appointment ticket (ticket.ts): the number large enough to read at arm's length, the field, the
 * time taken and how many were waiting before. Not a legal form and nothing personal on it; the
 * office's own wording.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDateTimeVi } from '@shared/domain/text';
import type { Ticket } from '@shared/rpc/queue';
import { upperVi } from '../format';
import { DEFAULT_STYLE } from '../layout';
import type { PrintContext } from '../model';
import { PRODUCER } from '../render';
import { TICKET_WIDTH } from './ticket';

const MARGIN = 12;

export const QUEUE_TICKET_TEXTS = {
  title: 'SỐ THỨ TỰ',
  field: 'Lĩnh vực:',
  takenAt: 'Thời gian lấy số:',
  waiting: (n: number) => (n === 0 ? 'Không có ai chờ trước quý khách' : `Có ${n} người đang chờ trước quý khách`),
  listen: 'Vui lòng chờ đến khi số của quý khách được mời trên màn hình.',
};

export function queueTicketDocument(office: Pick<PrintContext['office'], 'name' | 'governingBody'>, ticket: Ticket, waitingBefore: number): TDocumentDefinitions {
  const t = QUEUE_TICKET_TEXTS;
  const rule = (): Content => ({
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: TICKET_WIDTH - 2 * MARGIN, y2: 0, lineWidth: 0.5, dash: { length: 2 } }],
    margin: [0, 4, 0, 4],
  });
  const takenAt = new Date(ticket.takenAt);
  return {
    pageSize: { width: TICKET_WIDTH, height: 'auto' as unknown as number },
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    defaultStyle: DEFAULT_STYLE,
    info: { title: `${t.title} ${ticket.label}`, author: office.name, producer: PRODUCER, creator: PRODUCER, creationDate: takenAt, modDate: takenAt },
    content: [
      { text: upperVi(office.governingBody), fontSize: 8, alignment: 'center' },
      { text: upperVi(office.name), fontSize: 9, bold: true, alignment: 'center' },
      rule(),
      { text: t.title, fontSize: 12, bold: true, alignment: 'center' },
      { text: ticket.label, fontSize: 56, bold: true, alignment: 'center', margin: [0, 0, 0, 2] },
      { text: [{ text: `${t.field} `, bold: true }, ticket.fieldName], fontSize: 10, alignment: 'center' },
      { text: [{ text: `${t.takenAt} `, bold: true }, formatDateTimeVi(ticket.takenAt)], fontSize: 9, alignment: 'center', margin: [0, 2, 0, 0] },
      { text: t.waiting(waitingBefore), fontSize: 9, alignment: 'center', margin: [0, 2, 0, 0] },
      rule(),
      { text: t.listen, fontSize: 8, italics: true, alignment: 'center' },
    ],
  };
}
