/** Typed calls to core: `call('auth.login', { … })` is checked against src-shared/rpc.ts. */
import type { RpcEventName, RpcEvents, RpcInput, RpcName, RpcOutput } from '@shared/rpc';
import type { LockReason } from '@shared/rpc/auth';
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

/** What the session store does when core says the session changed under a call. */
export interface SessionHandlers {
  /** The session is gone (logout elsewhere, disabled account, expiry). */
  unauthenticated(): void;
  /** Core holds a lock on this session (idle time elsewhere, another tab's click). */
  locked(reason: LockReason | null): void;
  /** An administrator reset the password: the officer must choose a new one first. */
  passwordChangeRequired(): void;
}

let currentToken: string | null = null;
let handlers: SessionHandlers = { unauthenticated: () => {}, locked: () => {}, passwordChangeRequired: () => {} };

/** The browser host's bearer token; under Electron there is none (the main process holds it). */
export function setToken(token: string | null): void {
  currentToken = token;
}

export function setSessionHandlers(h: SessionHandlers): void {
  handlers = h;
}

const ANSWERED_BY_THE_CALLER = new Set<RpcName>(['auth.login', 'auth.unlock', 'auth.changePassword']);

export async function call<N extends RpcName>(name: N, input: RpcInput<N>): Promise<RpcOutput<N>> {
  const answer = await transport.invoke(name, input, currentToken);
  if (answer.ok) return answer.result as RpcOutput<N>;
  const { code, message, details } = answer.error;
  if (!ANSWERED_BY_THE_CALLER.has(name)) {
    if (code === 'UNAUTHENTICATED') handlers.unauthenticated();
    else if (code === 'SESSION_LOCKED') handlers.locked(((details as { lockReason?: LockReason } | undefined)?.lockReason) ?? null);
    else if (code === 'PASSWORD_CHANGE_REQUIRED') handlers.passwordChangeRequired();
  }
  throw new RpcError(code, message, details);
}

/** Zod issues from an INVALID_INPUT answer, keyed by field path ("office.name"). */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof RpcError)) return {};
  const issues = (err.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? [];
  return Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
}

/** Follows core's pushed events (SSE or IPC) while the caller needs them; returns the unsubscribe. */
export function subscribeEvents(onEvent: <N extends RpcEventName>(name: N, payload: RpcEvents[N]) => void): () => void {
  if (transport.kind === 'http' && !currentToken) return () => {};
  return transport.subscribe(currentToken ?? '', onEvent);
}
