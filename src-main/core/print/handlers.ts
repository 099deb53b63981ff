/** RPC handlers for printing. */
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { PrintService } from './service';

export function printHandlers(print: PrintService): HandlerGroup<'print.render' | 'print.send' | 'print.retry' | 'print.printers' | 'print.records'> {
  return {
    'print.render': (i, c) => print.render(i, signedIn(c)),
    'print.send': (i, c) => print.send(i, signedIn(c)),
    'print.retry': (i, c) => print.retry(i.recordId, i.printer, signedIn(c)),
    'print.printers': () => print.printers(),
    'print.records': (i) => print.records(i.dossierId),
  };
}
