/** RPC handlers for sync with the province hub (src-shared/rpc/sync.ts). */
import type { syncRows } from '@shared/rpc/sync';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { SyncEngine } from './engine';

export function syncHandlers(engine: SyncEngine): HandlerGroup<keyof typeof syncRows> {
  return {
    'sync.enroll': (i, c) => engine.enroll(i, signedIn(c)),
    'sync.status': () => engine.status(),
    'sync.now': () => engine.syncNow(),
    'sync.rejected': () => ({ items: engine.rejected() }),
    'sync.resubmit': (i, c) => engine.resubmit(i.opId, signedIn(c)),
    'sync.overrideClock': (i, c) => engine.overrideClock(i.reason, signedIn(c)),
  };
}
