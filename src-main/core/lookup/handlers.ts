/** RPC handlers for the receipt lookup kiosk (src-shared/rpc/lookup.ts). */
import type { lookupRows } from '@shared/rpc/lookup';
import type { HandlerGroup } from '../rpc/handlers';
import type { LookupService } from './lookup';

export function lookupHandlers(lookup: LookupService): HandlerGroup<keyof typeof lookupRows> {
  return {
    'lookup.dossier': (input) => lookup.find(input),
  };
}
