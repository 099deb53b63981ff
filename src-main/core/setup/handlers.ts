/** RPC handlers for first run and the office record (src-shared/rpc/setup.ts). */
import type { setupRows } from '@shared/rpc/setup';
import type { HandlerGroup } from '../rpc/handlers';
import type { OfficeService } from './office';

export function setupHandlers(office: OfficeService): HandlerGroup<keyof typeof setupRows> {
  return {
    'setup.status': () => ({ initialized: office.isInitialized() }),
    'setup.initialize': (input) => office.initialize(input.office, input.admin),
    'office.get': () => office.get(),
  };
}
