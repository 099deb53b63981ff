/** RPC handlers for the data disk's free space (src-shared/rpc/storage.ts). */
import type { storageRows } from '@shared/rpc/storage';
import type { HandlerGroup } from '../rpc/handlers';
import { storageStatus, type StorageThresholds } from './storage';

export function storageHandlers(dataDir: string, thresholds?: StorageThresholds): HandlerGroup<keyof typeof storageRows> {
  return {
    'storage.status': () => storageStatus(dataDir, thresholds),
  };
}
