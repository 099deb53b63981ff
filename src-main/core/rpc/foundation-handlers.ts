/** Handlers for first run, sign-in, officers and settings. */
import { audited } from '../audit/audited';
import type { OfficerService } from '../officers/officers';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import type { SessionService } from '../auth/sessions';
import type { SettingsService } from '../settings/settings';
import type { OfficeService } from '../setup/office';
import { signedIn, type HandlerGroup } from './handlers';

type FoundationRows =
  | 'setup.status'
  | 'setup.initialize'
  | 'office.get'
  | 'auth.login'
  | 'auth.me'
  | 'auth.logout'
  | 'officers.list'
  | 'officers.create'
  | 'settings.get'
  | 'settings.update';

export function foundationHandlers(s: {
  db: CounterDb;
  clock: Clock;
  office: OfficeService;
  officers: OfficerService;
  sessions: SessionService;
  settings: SettingsService;
}): HandlerGroup<FoundationRows> {
  return {
    'setup.status': () => ({ initialized: s.office.isInitialized() }),
    'setup.initialize': (input) => s.office.initialize(input.office, input.admin),
    'office.get': () => s.office.get(),
    'auth.login': (input) => s.sessions.login(input.username, input.password),
    'auth.me': (_input, ctx) => ({ officer: signedIn(ctx) }),
    'auth.logout': (_input, ctx) => {
      if (ctx.token) s.sessions.logout(ctx.token);
      return { ok: true as const };
    },
    'officers.list': () => ({ items: s.officers.list() }),
    'officers.create': async (input, ctx) => {
      const row = await s.officers.prepare(input); // scrypt runs outside the transaction
      return audited(s.db, s.clock, { officerId: signedIn(ctx).id, action: 'officer.create', target: row.username, details: { role: row.role } }, () =>
        s.officers.insert(row),
      );
    },
    'settings.get': () => s.settings.get(),
    'settings.update': (input, ctx) =>
      audited(s.db, s.clock, { officerId: signedIn(ctx).id, action: 'settings.update', details: { keys: Object.keys(input) } }, () => s.settings.update(input)),
  };
}
