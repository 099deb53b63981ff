/** RPC handlers for paired LAN devices (src-shared/rpc/devices.ts). */
import type { deviceRows } from '@shared/rpc/devices';
import { deviceOf, signedIn, type HandlerGroup } from '../rpc/handlers';
import type { DeviceService } from './devices';

export function deviceHandlers(devices: DeviceService): HandlerGroup<keyof typeof deviceRows> {
  return {
    'devices.startPairing': (input, ctx) => devices.startPairing(signedIn(ctx), input),
    'devices.pair': (input, ctx) => devices.pair(input.code, ctx.caller),
    'devices.list': () => ({ items: devices.list() }),
    'devices.revoke': (input, ctx) => devices.revoke(signedIn(ctx), input.id),
    'devices.setCounter': (input, ctx) => devices.setCounter(signedIn(ctx), input.id, input.counterNo),
    'devices.ratingCounters': () => ({ counters: devices.ratingCounters() }),
    'devices.me': (_input, ctx) => deviceOf(ctx),
  };
}
