/** Typed calls to core: `call('auth.login', { … })` is checked against src-shared/rpc.ts. */
import type { RpcEventName, RpcEvents, RpcInput, RpcName, RpcOutput } from '@shared/rpc';
import { transport } from './transport';

export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

let currentToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setToken(token: string | null): void {
  currentToken = token;
}

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export async function call<N extends RpcName>(name: N, input: RpcInput<N>): Promise<RpcOutput<N>> {
  const answer = await transport.invoke(name, input, currentToken);
  if (answer.ok) return answer.result as RpcOutput<N>;
  if (answer.error.code === 'UNAUTHENTICATED' && name !== 'auth.login') onUnauthenticated();
  throw new RpcError(answer.error.code, answer.error.message, answer.error.details);
}

/** Zod issues from an INVALID_INPUT answer, keyed by field path ("office.name"). */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof RpcError) || err.code !== 'INVALID_INPUT') return {};
  const issues = (err.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? [];
  return Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
}

/** Follows core's pushed events (SSE or IPC) while the caller needs them; returns the unsubscribe. */
export function subscribeEvents(onEvent: <N extends RpcEventName>(name: N, payload: RpcEvents[N]) => void): () => void {
  if (transport.kind === 'http' && !currentToken) return () => {};
  return transport.subscribe(currentToken ?? '', onEvent);
}
