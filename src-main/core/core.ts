/**
 * Opening the core: the database (migrated, with a backup first), the services over it, and the
 * one dispatch function every host calls. Hosts (Electron, browser, CLI) hold nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OfficerService } from './auth/officers';
import { SessionService } from './auth/sessions';
import { systemClock, type Clock } from './clock';
import { runMigrations, type MigrationReport } from './db/migrate';
import { openSqlite, wrapDrizzle, type CounterDb } from './db/open';
import { CoreEvents } from './events';
import { createDispatch, type Dispatch, type Logger } from './rpc/dispatch';
import { foundationHandlers } from './rpc/foundation-handlers';
import type { Handlers } from './rpc/handlers';
import { CalendarService } from './calendar/calendar-service';
import { CatalogService, seedPath } from './catalog/catalog-service';
import { registryHandlers } from './dossiers/handlers';
import { printHandlers } from './print/handlers';
import { reportHandlers } from './reports/handlers';
import { platformPrinterAdapter } from './print/printers/for-platform';
import type { PrinterAdapter } from './print/printers/types';
import { setFontsDir } from './print/fonts';
import { PrintService } from './print/service';
import { SettingsService } from './settings/settings';
import { OfficeService } from './setup/office';
import { defaultCorePaths, type CorePaths } from './paths';

export interface CoreOptions extends Partial<CorePaths> {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  /** The OS printer seam; defaults to this platform's (CUPS, or pdf-to-printer on Windows). */
  printer?: PrinterAdapter;
}

export interface Core {
  paths: CorePaths;
  db: CounterDb;
  clock: Clock;
  /** The services behind the handlers, for hosts' own jobs (CLI, demo data, sync scheduler). */
  services: {
    office: OfficeService;
    officers: OfficerService;
    settings: SettingsService;
    catalog: CatalogService;
    calendar: CalendarService;
    print: PrintService;
  };
  dispatch: Dispatch;
  events: CoreEvents;
  migration: MigrationReport;
  close(): void;
}

export const DB_FILE_NAME = 'motcua.sqlite';

const consoleLogger: Logger = {
  error: (message, err) => console.error(`[core] ${message}:`, err),
};

export async function openCore(opts: CoreOptions): Promise<Core> {
  const paths = { ...defaultCorePaths(opts.dataDir), ...stripUndefined(opts) };
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? consoleLogger;
  fs.mkdirSync(paths.dataDir, { recursive: true });

  const sqlite = openSqlite(path.join(paths.dataDir, DB_FILE_NAME));
  const db = wrapDrizzle(sqlite);
  let migration: MigrationReport;
  try {
    migration = await runMigrations(db, {
      migrationsDir: paths.migrationsDir,
      backupDir: path.join(paths.dataDir, 'backups'),
      now: () => clock.now(),
    });
  } catch (err) {
    sqlite.close();
    throw err;
  }

  const officers = new OfficerService(db, clock);
  const sessions = new SessionService(db, officers, clock);
  const office = new OfficeService(db, officers, clock);
  const settings = new SettingsService(db, clock);
  const events = new CoreEvents();
  const catalog = new CatalogService(db, clock, seedPath(paths.assetsDir, 'catalog.json'));
  const calendar = new CalendarService(db, clock, seedPath(paths.assetsDir, 'calendar-vn.json'));
  catalog.ensureSeeded();
  calendar.ensureSeeded();

  setFontsDir(path.join(paths.assetsDir, 'fonts'));
  const print = new PrintService({
    db,
    catalog,
    settings,
    now: () => clock.now(),
    archiveDir: path.join(paths.dataDir, 'prints'),
    adapter: opts.printer ?? platformPrinterAdapter(),
  });

  const handlers: Handlers = {
    ...foundationHandlers({ office, officers, sessions, settings }),
    ...registryHandlers({ db, clock, catalog, calendar, settings, events }),
    ...printHandlers(print),
    ...reportHandlers({ db, clock, office }),
  };

  return {
    paths,
    db,
    clock,
    services: { office, officers, settings, catalog, calendar, print },
    dispatch: createDispatch(handlers, sessions, log),
    events,
    migration,
    close: () => sqlite.close(),
  };
}

function stripUndefined(opts: CoreOptions): Partial<CorePaths> {
  const out: Partial<CorePaths> = { dataDir: opts.dataDir };
  if (opts.migrationsDir) out.migrationsDir = opts.migrationsDir;
  if (opts.assetsDir) out.assetsDir = opts.assetsDir;
  return out;
}
