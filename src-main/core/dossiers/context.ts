/** What the dossier operations need from the rest of core. */
import type { Officer } from '@shared/rpc';
import type { Clock } from '../clock';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogService } from '../catalog/catalog-service';
import type { CounterDb, DbExecutor } from '../db/open';
import type { SettingsService } from '../settings/settings';
import type { CoreEvents } from '../events';

export interface DossierContext {
  db: CounterDb;
  clock: Clock;
  catalog: CatalogService;
  calendar: CalendarService;
  settings: SettingsService;
  events: CoreEvents;
  /**
   * Binds the intake form's scanned pages to the dossier inside the receipt's transaction. Passed
   * in by core.ts because scans/ sits below dossiers/ in the dependency order.
   */
  bindScans: (tx: DbExecutor, batch: string, dossierId: string, officer: Officer) => unknown;
  /**
   * After a dossier is received or its result returned at a counter (committed): the queue links
   * the number served, the counter's rating tablet is asked. Dossiers do not know either.
   */
  onCounterAct?: (act: CounterAct) => void;
}

export interface CounterAct {
  event: 'received' | 'returned';
  dossier: { id: string; code: string; procedureName: string; procedureField: string };
  officer: { id: string; fullName: string };
}
