/** Core → every connected window (IPC in Electron, SSE in the browser host). */
import { EventEmitter } from 'node:events';
import type { RpcEventName, RpcEvents } from '@shared/rpc';

export type EventListener = <N extends RpcEventName>(name: N, payload: RpcEvents[N]) => void;

export class CoreEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every SSE client and window adds a listener; dozens are normal on a busy LAN host.
    this.emitter.setMaxListeners(0);
  }

  emit<N extends RpcEventName>(name: N, payload: RpcEvents[N]): void {
    this.emitter.emit('event', name, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
