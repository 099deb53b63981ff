/** RPC handlers for the waiting-room queue (src-shared/rpc/queue.ts). */
import type { queueRows } from '@shared/rpc/queue';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { QueueService } from './queue';

export function queueHandlers(queue: QueueService): HandlerGroup<keyof typeof queueRows> {
  return {
    'queue.fields': () => ({ items: queue.fields() }),
    'queue.saveFields': (input) => ({ items: queue.saveFields(input.fields) }),
    'queue.kioskFields': () => ({ items: queue.fields().filter((f) => f.active).map(({ id, name }) => ({ id, name })) }),
    'queue.takeTicket': (input) => queue.takeTicket(input.fieldId, 'kiosk'),
    'queue.issueTicket': (input, ctx) => queue.takeTicket(input.fieldId, signedIn(ctx).id),
    'queue.counter': (input, ctx) => queue.counter(input.counterNo, signedIn(ctx).id),
    'queue.callNext': (input, ctx) => queue.callNext(signedIn(ctx).id, input.counterNo),
    'queue.recall': (input) => queue.recall(input.counterNo),
    'queue.skip': (input) => queue.skip(input.counterNo),
    'queue.transfer': (input) => queue.transfer(input.counterNo, input.toCounterNo),
    'queue.display': () => queue.display(),
  };
}
