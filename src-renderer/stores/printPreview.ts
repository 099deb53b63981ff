/**
 * The one in-app print preview: a screen asks for a form (with its dossier or details), the
 * preview renders it through core and offers "In". The same request goes to print.send, so what
 * is printed is exactly what was previewed (core renders from committed data either way).
 */
import { create } from 'zustand';
import type { RpcInput } from '@shared/rpc';

export type PrintRequest = RpcInput<'print.render'>;

interface PrintPreviewState {
  request: PrintRequest | null;
  /** Shown above the PDF, e.g. the dossier code just received. */
  caption: string | null;
  show(request: PrintRequest, caption?: string): void;
  close(): void;
}

export const usePrintPreview = create<PrintPreviewState>((set) => ({
  request: null,
  caption: null,
  show: (request, caption) => set({ request, caption: caption ?? null }),
  close: () => set({ request: null, caption: null }),
}));
