/**
 * The last known sync status, shared by the header's indicator (polled every 30 s) and the
 * Đồng bộ screen, so both always say the same thing.
 */
import { create } from 'zustand';
import type { SyncStatus } from '@shared/rpc/sync';
import { call } from '../rpc/client';
import { errorText } from '../ui/errors';

interface SyncStatusState {
  status: SyncStatus | null;
  /** Why the last status call failed (e.g. the sync engine is unavailable). */
  error: string | null;
  refresh(): Promise<void>;
  set(status: SyncStatus): void;
}

export const useSyncStatus = create<SyncStatusState>((set) => ({
  status: null,
  error: null,
  async refresh() {
    try {
      set({ status: await call('sync.status', {}), error: null });
    } catch (err) {
      set({ error: errorText(err) });
    }
  },
  set: (status) => set({ status, error: null }),
}));
