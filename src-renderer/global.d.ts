/** What the Electron preload exposes (and nothing else). Absent in the browser host. */
interface MotCuaBridge {
  invoke(name: string, input: unknown): Promise<import('@shared/rpc').RpcEnvelope<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

interface Window {
  motcua?: MotCuaBridge;
}
