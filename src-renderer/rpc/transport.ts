/**
 * The two ways the UI reaches core, picked once at start: Electron's preload bridge when it is
 * there, HTTP to the browser host otherwise. Both speak the same envelope.
 */
import { isFetchFailure } from '@shared/errors';
import type { RpcEnvelope, RpcEventName, RpcEvents } from '@shared/rpc';

export interface Transport {
  kind: 'ipc' | 'http';
  invoke(name: string, input: unknown, token: string | null): Promise<RpcEnvelope<unknown>>;
  subscribe(token: string, onEvent: <N extends RpcEventName>(name: N, payload: RpcEvents[N]) => void): () => void;
}

function ipcTransport(bridge: MotCuaBridge): Transport {
  return {
    kind: 'ipc',
    // The main process keeps the session of its own window; no token crosses the bridge.
    invoke: (name, input) => bridge.invoke(name, input),
    subscribe: (_token, onEvent) => bridge.on('event', (p) => {
      const { name, payload } = p as { name: RpcEventName; payload: never };
      onEvent(name, payload);
    }),
  };
}

const NETWORK_ERROR: RpcEnvelope<never> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'Không kết nối được tới máy chủ của ứng dụng. Kiểm tra máy chủ rồi thử lại.' },
};

function httpTransport(): Transport {
  return {
    kind: 'http',
    async invoke(name, input, token) {
      try {
        const res = await fetch(`api/rpc/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as RpcEnvelope<unknown>;
      } catch (err) {
        // The host is gone, or something between answered with a page that is not JSON.
        if (!isFetchFailure(err) && !(err instanceof SyntaxError)) throw err;
        return NETWORK_ERROR;
      }
    },
    subscribe(token, onEvent) {
      // fetch streaming instead of EventSource: EventSource cannot send the Authorization header.
      const abort = new AbortController();
      void (async () => {
        while (!abort.signal.aborted) {
          try {
            const res = await fetch('api/events', { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal });
            if (!res.ok || !res.body) return;
            const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer += value;
              let cut: number;
              while ((cut = buffer.indexOf('\n\n')) >= 0) {
                const block = buffer.slice(0, cut);
                buffer = buffer.slice(cut + 2);
                const name = block.match(/^event: (.+)$/m)?.[1];
                const data = block.match(/^data: (.+)$/m)?.[1];
                if (name && data) onEvent(name as RpcEventName, JSON.parse(data) as never);
              }
            }
          } catch (err) {
            if (abort.signal.aborted) return;
            // The stream broke (host restarted) or a block was cut short: reconnect. Anything
            // else (an event handler failing) is a bug to see, not to retry.
            if (!isFetchFailure(err) && !(err instanceof SyntaxError)) throw err;
          }
          await new Promise((r) => setTimeout(r, 3000)); // reconnect
        }
      })();
      return () => abort.abort();
    },
  };
}

export const transport: Transport = typeof window !== 'undefined' && window.motcua ? ipcTransport(window.motcua) : httpTransport();
