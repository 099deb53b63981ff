/** RPC handlers for the waiting-room queue (src-shared/rpc/queue.ts). */
import type { queueRows, Ticket } from '@shared/rpc/queue';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { QueueService } from './queue';

/** Prints a number on this PC's printer (print/service.ts printQueueTicket). */
export type TicketPrinter = (ticket: Ticket, waitingBefore: number) => Promise<{ result: 'printed' | 'failed'; error: string | null }>;

export function queueHandlers(queue: QueueService, printTicket: TicketPrinter): HandlerGroup<keyof typeof queueRows> {
  const take = async (fieldId: string, issuedBy: string, print: boolean) => {
    const taken = queue.takeTicket(fieldId, issuedBy);
    if (!print) return { ...taken, print: null };
    const { result, error } = await printTicket(taken.ticket, taken.waitingBefore);
    return { ...taken, print: { result, error } };
  };
  return {
    'queue.fields': () => ({ items: queue.fields() }),
    'queue.saveFields': (input) => ({ items: queue.saveFields(input.fields) }),
    'queue.kioskFields': () => ({ items: queue.fields().filter((f) => f.active).map(({ id, name }) => ({ id, name })) }),
    'queue.takeTicket': (input) => take(input.fieldId, 'kiosk', input.print),
    'queue.issueTicket': (input, ctx) => take(input.fieldId, signedIn(ctx).id, input.print),
    'queue.counter': (input, ctx) => queue.counter(input.counterNo, signedIn(ctx).id),
    'queue.callNext': (input, ctx) => queue.callNext(signedIn(ctx).id, input.counterNo),
    'queue.recall': (input) => queue.recall(input.counterNo),
    'queue.skip': (input) => queue.skip(input.counterNo),
    'queue.transfer': (input) => queue.transfer(input.counterNo, input.toCounterNo),
    'queue.display': () => queue.display(),
  };
}
