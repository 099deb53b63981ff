/** RPC handlers for first run and the office record (src-shared/rpc/setup.ts). */
import type { setupRows } from '@shared/rpc/setup';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { OfficeService } from './office';

export function setupHandlers(office: OfficeService): HandlerGroup<keyof typeof setupRows> {
  return {
    'setup.status': (_input, ctx) => ({ initialized: office.isInitialized(), setupCodeRequired: office.setupCodeRequired(ctx.caller) }),
    'setup.initialize': (input, ctx) => office.initialize(input.office, input.admin, ctx.caller, input.setupCode),
    'office.get': () => office.get(),
    'office.update': (input, ctx) => office.update(input, signedIn(ctx)),
  };
}
