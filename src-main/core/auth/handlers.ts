/** RPC handlers for signing in and out (src-shared/rpc/auth.ts). */
import type { authRows } from '@shared/rpc/auth';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { SessionService } from './sessions';

export function authHandlers(sessions: SessionService): HandlerGroup<keyof typeof authRows> {
  return {
    'auth.login': (input) => sessions.login(input.username, input.password),
    'auth.me': (_input, ctx) => ({ officer: signedIn(ctx) }),
    'auth.logout': (_input, ctx) => {
      if (ctx.token) sessions.logout(ctx.token);
      return { ok: true as const };
    },
  };
}
