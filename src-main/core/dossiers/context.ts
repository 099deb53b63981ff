/** What the dossier operations need from the rest of core. */
import type { Clock } from '../clock';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogService } from '../catalog/catalog-service';
import type { CounterDb } from '../db/open';
import type { SettingsService } from '../settings/settings';
import type { CoreEvents } from '../events';

export interface DossierContext {
  db: CounterDb;
  clock: Clock;
  catalog: CatalogService;
  calendar: CalendarService;
  settings: SettingsService;
  events: CoreEvents;
}
