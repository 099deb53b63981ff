/** RPC handlers for backups (src-shared/rpc/backup.ts): list, a copy now, and staging a restore (administrators only). */
import type { backupRows } from '@shared/rpc/backup';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { BackupService } from './backups';

export function backupHandlers(s: { db: CounterDb; clock: Clock; backups: BackupService }): HandlerGroup<keyof typeof backupRows> {
  return {
    'backup.list': () => ({ items: s.backups.list() }),
    'backup.create': async (_i, c) => {
      const file = await s.backups.create('manual');
      appendAudit(s.db, { at: s.clock.now().toISOString(), officerId: signedIn(c).id, action: 'backup.create', target: file.name, details: { sizeBytes: file.sizeBytes } });
      return file;
    },
    'backup.restore': (i, c) => s.backups.restore(i.name, signedIn(c)),
  };
}
