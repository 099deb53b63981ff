/**
 * The handler map type: exactly one handler per row of src-shared/rpc.ts. Building the map as
 * `Handlers` makes TypeScript fail the build when a row has no handler or a handler returns the
 * wrong shape.
 */
import type { LockReason } from '@shared/rpc/auth';
import type { Officer, RpcName, RpcOutput, RpcParsedInput } from '@shared/rpc';
import type { DeviceSelf } from '@shared/rpc/devices';
import type { Caller } from './dispatch';

/** An officer's session as core holds it (auth/sessions.ts): the lock is here, not in the page. */
export interface SessionInfo {
  /** The SHA-256 of the bearer token: how core names a session without holding the token. */
  id: string;
  state: 'open' | 'locked';
  lockReason: LockReason | null;
  mustChangePassword: boolean;
  createdAt: string;
  expiresAt: string;
}

export type OfficerPrincipal = { kind: 'officer'; officer: Officer; session: SessionInfo };

/** A paired LAN device (devices/): its scope names the only rows it may call. */
export type DevicePrincipal = { kind: 'device'; device: DeviceSelf };

/**
 * Who is calling: an officer's session, or a paired device (kiosk, calling screen, rating
 * tablet…) whose scope the dispatcher's authorise() checks before any handler.
 */
export type Principal = OfficerPrincipal | DevicePrincipal;

export interface CallContext {
  /** Who called; null only for public rows. */
  principal: Principal | null;
  /** The signed-in officer (principal.officer); null for public rows and devices' rows. */
  officer: Officer | null;
  token: string | null;
  caller: Caller;
}

export type Handler<N extends RpcName> = (
  input: RpcParsedInput<N>,
  ctx: CallContext,
) => RpcOutput<N> | Promise<RpcOutput<N>>;

export type Handlers = { [N in RpcName]: Handler<N> };

/**
 * The handlers of one capability, named from its rows: `HandlerGroup<keyof typeof xRows>` in
 * `core/<x>/handlers.ts`. core.ts unions the groups into `Handlers`.
 */
export type HandlerGroup<K extends RpcName> = { [N in K]: Handler<N> };

/** The signed-in officer of a non-public row (the dispatcher guarantees it is there). */
export function signedIn(ctx: CallContext): Officer {
  if (!ctx.officer) throw new Error('signedIn() used on a public row');
  return ctx.officer;
}

/** The officer's session of a non-public row. */
export function sessionOf(ctx: CallContext): OfficerPrincipal {
  if (ctx.principal?.kind !== 'officer') throw new Error('sessionOf() used on a row without an officer session');
  return ctx.principal;
}

/** The calling device of a device's row (the dispatcher guarantees it is there). */
export function deviceOf(ctx: CallContext): DeviceSelf {
  if (ctx.principal?.kind !== 'device') throw new Error('deviceOf() used on a row without a device');
  return ctx.principal.device;
}

/** Whether the call came from this PC (its own window, the CLI) rather than over the LAN. */
export function isLocalCaller(caller: Caller): boolean {
  if (caller.address === undefined) return true;
  const a = caller.address.replace(/^::ffff:/i, '');
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}
