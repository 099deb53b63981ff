/**
 * The số hóa batch of the intake form being filled: pages scanned before the dossier exists wait
 * under it, and `dossiers.receive` binds them. Kept outside the screen so a trip to another screen
 * keeps the pages with the form; a new form gets a new batch.
 */
import { create } from 'zustand';

const fresh = () => `intake-${crypto.randomUUID()}`;

interface ScanBatchState {
  batch: string;
  renew(): void;
}

export const useScanBatch = create<ScanBatchState>((set) => ({
  batch: fresh(),
  renew: () => set({ batch: fresh() }),
}));
