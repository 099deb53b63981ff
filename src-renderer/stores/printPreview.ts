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
  /**
   * What the asking screen does once the preview has gone (e.g. the intake form clears itself). A
   * screen that gives one also places focus itself: the dialog does not hand focus back then.
   */
  afterClose: (() => void) | null;
  show(request: PrintRequest, caption?: string, afterClose?: () => void): void;
  close(): void;
  /** Called by the preview when its closing is over, after the dialog has handed focus back. */
  closed(): void;
}

export const usePrintPreview = create<PrintPreviewState>((set, get) => ({
  request: null,
  caption: null,
  afterClose: null,
  show: (request, caption, afterClose) => set({ request, caption: caption ?? null, afterClose: afterClose ?? null }),
  close: () => set({ request: null, caption: null }),
  closed: () => {
    const { afterClose, request } = get();
    if (request !== null) return;
    set({ afterClose: null });
    afterClose?.();
  },
}));
