/** RPC handlers for the administrator's list of officers (src-shared/rpc/officers.ts). */
import type { officerRows } from '@shared/rpc/officers';
import { audited } from '../audit/audited';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { OfficerService } from './officers';

export function officerHandlers(s: { db: CounterDb; clock: Clock; officers: OfficerService }): HandlerGroup<keyof typeof officerRows> {
  return {
    'officers.list': () => ({ items: s.officers.list() }),
    'officers.create': async (input, ctx) => {
      const row = await s.officers.prepare(input); // scrypt runs outside the transaction
      return audited(s.db, s.clock, { officerId: signedIn(ctx).id, action: 'officer.create', target: row.username, details: { role: row.role } }, () =>
        s.officers.insert(row),
      );
    },
  };
}
