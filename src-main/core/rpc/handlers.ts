/**
 * The handler map type: exactly one handler per row of src-shared/rpc.ts. Building the map as
 * `Handlers` makes TypeScript fail the build when a row has no handler or a handler returns the
 * wrong shape.
 */
import type { Officer, RpcName, RpcOutput, RpcParsedInput } from '@shared/rpc';

export interface CallContext {
  /** The signed-in officer; null only for public rows. */
  officer: Officer | null;
  token: string | null;
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
