/** RPC handlers for the office's settings (src-shared/rpc/settings.ts). */
import type { settingsRows } from '@shared/rpc/settings';
import { audited } from '../audit/audited';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { SettingsService } from './settings';

export function settingsHandlers(s: { db: CounterDb; clock: Clock; settings: SettingsService }): HandlerGroup<keyof typeof settingsRows> {
  return {
    'settings.get': () => s.settings.get(),
    'settings.update': (input, ctx) =>
      audited(s.db, s.clock, { officerId: signedIn(ctx).id, action: 'settings.update', details: { keys: Object.keys(input) } }, () => s.settings.update(input)),
  };
}
