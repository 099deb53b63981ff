/** RPC handlers for the administrator's list of officers (src-shared/rpc/officers.ts). */
import { AppError } from '@shared/errors';
import type { officerRows } from '@shared/rpc/officers';
import { audited } from '../audit/audited';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { OfficerService } from './officers';

export interface OfficerHandlerDeps {
  db: CounterDb;
  clock: Clock;
  officers: OfficerService;
  /**
   * Ends every session of an officer at once, event streams included (auth/ provides it; passed
   * in because sessions sit above officers in core's order). Runs inside the caller's transaction.
   */
  endSessionsOf(officerId: string, reason: 'disabled' | 'password_reset'): void;
}

export function officerHandlers(s: OfficerHandlerDeps): HandlerGroup<keyof typeof officerRows> {
  return {
    'officers.list': () => ({ items: s.officers.list() }),
    'officers.create': async (input, ctx) => {
      const row = await s.officers.prepare(input); // policy and scrypt run outside the transaction
      return audited(s.db, s.clock, { officerId: signedIn(ctx).id, action: 'officer.create', target: row.username, details: { role: row.role } }, () =>
        s.officers.insert(row),
      );
    },
    'officers.setActive': (input, ctx) => {
      const by = signedIn(ctx);
      const target = s.officers.get(input.id);
      const action = input.active ? 'officer.enable' : 'officer.disable';
      return audited(s.db, s.clock, { officerId: by.id, action, target: target.username }, () => {
        const account = s.officers.setActive(input.id, input.active, by);
        if (!input.active) s.endSessionsOf(input.id, 'disabled');
        return account;
      });
    },
    'officers.resetPassword': async (input, ctx) => {
      const by = signedIn(ctx);
      const target = s.officers.get(input.id);
      if (target.id === by.id) throw new AppError('CONFLICT', 'Hãy dùng "Đổi mật khẩu" để đổi mật khẩu của chính mình');
      const hash = await s.officers.hashNewPassword(target, input.password, ['password']);
      // The password itself is never in the audit row; who reset whose, and when, is.
      return audited(s.db, s.clock, { officerId: by.id, action: 'officer.password_reset', target: target.username }, () => {
        const account = s.officers.setPasswordHash(target.id, hash, true);
        s.endSessionsOf(target.id, 'password_reset');
        return account;
      });
    },
  };
}
