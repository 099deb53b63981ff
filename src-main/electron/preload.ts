/**
 * The bridge: `window.motcua = { invoke(name, input), on(event, cb) }` and nothing else.
 * Bundled to CommonJS for the sandboxed preload; imports only electron's renderer half.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const IPC_INVOKE = 'motcua:invoke';
const IPC_EVENT = 'motcua:event';

contextBridge.exposeInMainWorld('motcua', {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE, String(name), input),
  on: (event: string, cb: (payload: unknown) => void) => {
    if (event !== 'event') return () => {};
    const listener = (_e: IpcRendererEvent, payload: unknown) => cb(payload);
    ipcRenderer.on(IPC_EVENT, listener);
    return () => ipcRenderer.off(IPC_EVENT, listener);
  },
});
