/** RPC handlers for printing (src-shared/rpc/print.ts). */
import type { printRows } from '@shared/rpc/print';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { PrintService } from './service';

export function printHandlers(print: PrintService): HandlerGroup<keyof typeof printRows> {
  return {
    'print.render': (i, c) => print.render(i, signedIn(c)),
    'print.send': (i, c) => print.send(i, signedIn(c)),
    'print.retry': (i, c) => print.retry(i.recordId, i.printer, signedIn(c)),
    'print.printers': () => print.printers(),
    'print.records': (i) => print.records(i.dossierId),
  };
}
