/**
 * For suites that move the clock by hours or days to test dossiers, deadlines and reports, not
 * sessions: an officer there signs in again whenever core has locked the screen for idleness or
 * ended the session at its lifetime, as one does after a break or the next morning. The suite
 * keeps the first token as the officer's name for itself; the helper maps it to the session in
 * use. (Sessions themselves are tested with the clock moved on purpose in
 * tests/integration/core/sessions.test.ts.)
 */
import type { RpcEnvelope } from '@shared/rpc';
import type { Core } from '../../src-main/core/core';
import { rpcCall } from './web-host';

type Send<A> = (name: string, input: unknown, token?: string) => Promise<A>;

export interface SigningInAgain<A> {
  /** Signs in and returns the token the suite names this officer by. */
  signIn(username: string, password: string): Promise<string>;
  /** The call with the officer's current session; signs in again once if core ended or locked it. */
  call(name: string, input: unknown, token?: string): Promise<A>;
}

const ENDED = new Set(['UNAUTHENTICATED', 'SESSION_LOCKED']);

function signingInAgain<A>(send: Send<A>, envelope: (a: A) => RpcEnvelope<any>): SigningInAgain<A> {
  const current = new Map<string, string>();
  const credentials = new Map<string, { username: string; password: string }>();
  const login = async (c: { username: string; password: string }) => {
    const answer = envelope(await send('auth.login', c));
    if (!answer.ok) throw new Error(`auth.login ${c.username}: ${answer.error.code} ${answer.error.message}`);
    return (answer.result as { token: string }).token;
  };
  return {
    async signIn(username, password) {
      const token = await login({ username, password });
      credentials.set(token, { username, password });
      return token;
    },
    async call(name, input, token) {
      const answer = await send(name, input, token ? (current.get(token) ?? token) : undefined);
      const e = envelope(answer);
      const c = token ? credentials.get(token) : undefined;
      if (e.ok || !c || !ENDED.has(e.error.code) || name.startsWith('auth.')) return answer;
      current.set(token!, await login(c));
      return send(name, input, current.get(token!));
    },
  };
}

/** Over the browser host's HTTP API, answering like rpcCall ({ status, body }). */
export function signingInAgainOverHttp(url: () => string) {
  return signingInAgain((name, input, token) => rpcCall(url(), name, input, token), (a) => a.body as RpcEnvelope<any>);
}

/** Straight into core's dispatch, answering its envelope. */
export function signingInAgainInCore(core: () => Core) {
  return signingInAgain((name, input, token) => core().dispatch(name, input, { token: token ?? null }), (a) => a);
}
