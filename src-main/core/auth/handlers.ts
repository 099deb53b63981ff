/** RPC handlers for signing in and out and the session's own state (src-shared/rpc/auth.ts). */
import type { authRows } from '@shared/rpc/auth';
import { sessionOf, signedIn, type HandlerGroup } from '../rpc/handlers';
import type { SessionService } from './sessions';

export function authHandlers(sessions: SessionService): HandlerGroup<keyof typeof authRows> {
  return {
    'auth.login': (input, ctx) => sessions.login(input.username, input.password, ctx.caller),
    'auth.me': (_input, ctx) => ({ officer: signedIn(ctx) }),
    'auth.session': (_input, ctx) => sessions.state(sessionOf(ctx)),
    'auth.lock': (input, ctx) => sessions.lock(sessionOf(ctx), input.reason),
    'auth.unlock': (input, ctx) => sessions.unlock(sessionOf(ctx), input.password, ctx.caller),
    'auth.changePassword': (input, ctx) => sessions.changePassword(sessionOf(ctx), input.currentPassword, input.newPassword, ctx.caller),
    'auth.logout': (_input, ctx) => {
      if (ctx.token) sessions.logout(ctx.token);
      return { ok: true as const };
    },
  };
}
