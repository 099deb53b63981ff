/**
 * Opening the core: the database (migrated, with a backup first), the services over it, and the
 * one dispatch function every host calls. Hosts (Electron, browser, CLI) hold nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/errors';
import { authHandlers } from './auth/handlers';
import { SessionService, type EndReason } from './auth/sessions';
import { officerHandlers } from './officers/handlers';
import { OfficerService } from './officers/officers';
import { systemClock, type Clock } from './clock';
import { WalCheckpointer } from './db/checkpointer';
import { runMigrations, type MigrationReport } from './db/migrate';
import { wrapDrizzle, type CounterDb } from './db/open';
import { CoreEvents } from './events';
import { DeviceService, isDeviceToken } from './devices/devices';
import { deviceHandlers } from './devices/handlers';
import { queueHandlers } from './queue/handlers';
import { lookupHandlers } from './lookup/handlers';
import { LookupService } from './lookup/lookup';
import { boardHandlers } from './board/handlers';
import { BoardService } from './board/board';
import { feedbackHandlers } from './feedback/handlers';
import { FeedbackService } from './feedback/feedback';
import { backfillFeedbackOps } from './feedback/feedback-op';
import { QueueService } from './queue/queue';
import { ratingHandlers } from './ratings/handlers';
import { enqueueRatingAnswer } from './ratings/rating-op';
import { RatingService } from './ratings/ratings';
import { DEVICE_EVENTS } from '@shared/rpc/devices';
import type { RpcEventName } from '@shared/rpc';
import { createDispatch, type Dispatch, type Logger } from './rpc/dispatch';
import type { Handlers } from './rpc/handlers';
import { CalendarService } from './calendar/calendar-service';
import { CatalogService, seedPath } from './catalog/catalog-service';
import { calendarHandlers } from './calendar/handlers';
import { catalogHandlers } from './catalog/handlers';
import { recomputePendingDues } from './dossiers/due-revisions';
import type { CounterAct } from './dossiers/context';
import { dossierHandlers } from './dossiers/handlers';
import { repairLegalDueDates } from './dossiers/repair-legal-due';
import { printHandlers } from './print/handlers';
import { reportHandlers } from './reports/handlers';
import { platformPrinterAdapter } from './print/printers/for-platform';
import type { PrinterAdapter } from './print/printers/types';
import { setFontsDir } from './print/fonts';
import { PrintService } from './print/service';
import { settingsHandlers } from './settings/handlers';
import { SettingsService } from './settings/settings';
import { setupHandlers } from './setup/handlers';
import { OfficeService } from './setup/office';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backup/handlers';
import { BackupService } from './backup/backups';
import { applyPendingRestore } from './backup/restore';
import { openGuarded } from './backup/startup-guard';
import { defaultCorePaths, type CorePaths } from './paths';
import { moveDeviceTokenOutOfDatabase } from './secrets/move-token-out';
import { FileSecretStore, type SecretStore } from './secrets/secret-store';
import { SyncEngine, type SyncEngineOptions } from './sync/engine';
import { storageHandlers } from './storage/handlers';
import type { StorageThresholds } from './storage/storage';
import { syncHandlers } from './sync/handlers';
import { FileStore } from './files/store';
import { platformScanner } from './scans/capture/for-platform';
import type { ScannerAdapter } from './scans/capture/types';
import { scanHandlers } from './scans/handlers';
import { ScanService } from './scans/service';
import { OcrWorker, type OcrOptions } from './scans/ocr/worker';
import { signingHandlers } from './signing/handlers';
import { LazySigning } from './signing/lazy';
import type { Pkcs11Factory } from './signing/token';
import { deleteMeta, readMeta } from './sync/meta';

export interface CoreOptions extends Partial<CorePaths> {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  /** The OS printer seam; defaults to this platform's (CUPS, or pdf-to-printer on Windows). */
  printer?: PrinterAdapter;
  /** The scanner adapter; defaults to the platform's (SANE, WIA). */
  scanner?: ScannerAdapter;
  /** The hub transport and randomness of the sync engine (the simulation injects faults here). */
  sync?: SyncEngineOptions;
  /** Where the device token is kept: the OS under Electron, a 0600 file in the data folder otherwise. */
  secrets?: SecretStore;
  /** When the data disk counts as low or critical (tests use a small disk). */
  storage?: StorageThresholds;
  /** The background OCR of scanned pages: program paths (tests name a missing one), or off. */
  ocr?: OcrOptions;
  /** The PKCS#11 loader (pkcs11js); tests wrap it to emulate what SoftHSM2 cannot (a PIN lock). */
  pkcs11?: Pkcs11Factory;
  /** Leave the background jobs (day's backup, OCR, owed timestamps) to `startBackground`, for a host that serves sign-in first. */
  deferBackground?: boolean;
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
    backups: BackupService;
    sync: SyncEngine;
    files: FileStore;
    scans: ScanService;
    ocr: OcrWorker;
    signing: LazySigning;
  };
  dispatch: Dispatch;
  /** For the hosts' event streams: a stream ends with its session, and is silent while it is locked. */
  sessions: SessionWatch;
  /** The first-run code for the host to print on its console; null once the office exists. */
  setupCode(): string | null;
  events: CoreEvents;
  migration: MigrationReport;
  /** Copies the WAL back into the database file off the request path (db/checkpointer.ts). */
  checkpointer: WalCheckpointer;
  /** The previous run was killed or lost power; its quick_check passed (else openCore threw). */
  uncleanShutdown: boolean;
  /** Starts the background jobs; openCore does unless told `deferBackground`. Idempotent. */
  startBackground(): void;
  close(): void;
}

export interface SessionWatch {
  /**
   * Calls `onEnd` once when this token's session ends (logout, disabled officer, reset, expiry),
   * or, for a paired device's token, when the device is revoked.
   */
  watch(token: string, onEnd: (reason: EndReason | 'revoked') => void): () => void;
  /** open: events may go to its window; locked: hold them back; gone: close the stream. */
  status(token: string): 'open' | 'locked' | 'gone';
  /** Whether this event may go to this token's stream: every event to an officer, a device only its page's. */
  mayReceive(token: string, event: RpcEventName, payload?: unknown): boolean;
  /** The row that answers who holds this token, for the stream's first check. */
  whoRow(token: string): 'auth.me' | 'devices.me';
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

  const dbFile = path.join(paths.dataDir, DB_FILE_NAME);
  await applyPendingRestore(paths.dataDir, dbFile, clock.now());
  const guarded = openGuarded(dbFile);
  guarded.markOpen(clock.now());
  const sqlite = guarded.sqlite;
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

  // After the migrations, which keep SQLite's own checkpointing (one long transaction each).
  const checkpointer = new WalCheckpointer(sqlite, dbFile, log);

  const officers = new OfficerService(db, clock);
  const settings = new SettingsService(db, clock);
  const sessions = new SessionService(db, officers, clock, () => {
    const { idleLockMinutes, sessionMaxHours } = settings.get();
    return { idleLockMinutes, maxHours: sessionMaxHours };
  });
  const office = new OfficeService(db, officers, clock);
  const events = new CoreEvents();
  const devices = new DeviceService(db, clock, events);
  const catalog = new CatalogService(db, clock, seedPath(paths.assetsDir, 'catalog.json'));
  const calendar = new CalendarService(db, clock, seedPath(paths.assetsDir, 'calendar-vn.json'));
  // A calendar change moves the legal due dates of pending dossiers, in the same transaction.
  calendar.onChange(({ next, versionId, origin, officerId, note }) => {
    const name = officerId ? officers.findById(officerId)?.fullName : undefined;
    recomputePendingDues(db, {
      calendar: next,
      versionId,
      at: clock.now().toISOString(),
      actor: officerId && name ? { id: officerId, fullName: name } : { id: null, fullName: origin === 'province' ? 'Lịch làm việc do tỉnh ban hành' : 'Lịch làm việc kèm theo ứng dụng' },
      countingBasis: catalog.current().conventions.workingDayCounting.legalBasis,
      note: note ?? 'Lịch làm việc thay đổi',
    });
  });
  catalog.ensureSeeded();
  calendar.ensureSeeded();
  repairLegalDueDates({
    db,
    clock,
    calendar,
    catalog,
    // Once per database: migration 0008 leaves the marker, the repair clears it in its transaction.
    marker: { pending: (tx) => readMeta(tx, 'legalDueRepairPending') !== null, clear: (tx) => deleteMeta(tx, 'legalDueRepairPending') },
  });

  const secrets = opts.secrets ?? new FileSecretStore(path.join(paths.dataDir, 'secrets'));
  moveDeviceTokenOutOfDatabase(sqlite, secrets);

  // Before print: printing appointment dates asks sync whether the device clock is trusted.
  const files = new FileStore(path.join(paths.dataDir, 'files'));
  const uploadRate = () => {
    const kbps = settings.get().uploadLimitKbps;
    return kbps > 0 ? (kbps * 1000) / 8 : null;
  };
  const sync = new SyncEngine({ db, clock, events, catalog, calendar, log, secrets, files, uploadRate, ...opts.sync });

  setFontsDir(path.join(paths.assetsDir, 'fonts'));
  const print = new PrintService({
    db,
    catalog,
    settings,
    now: () => clock.now(),
    archiveDir: path.join(paths.dataDir, 'prints'),
    adapter: opts.printer ?? platformPrinterAdapter(),
    clockGuard: () => sync.assertAppointmentPrintAllowed(),
  });

  const signing = new LazySigning({ db, clock, events, files, ...(opts.pkcs11 ? { pkcs11: opts.pkcs11 } : {}) });

  const scans = new ScanService({ db, clock, files, scanner: opts.scanner ?? platformScanner(), dataDir: paths.dataDir });
  const ocr = new OcrWorker({ db, clock, files, log }, opts.ocr);

  backfillFeedbackOps(db);
  const queue = new QueueService(db, clock, events);
  const ratings = new RatingService(db, clock, events, (officerId) => queue.seatOf(officerId), enqueueRatingAnswer);
  const onCounterAct = (act: CounterAct) => {
    if (act.event === 'received') queue.linkReceived(act.officer.id, act.dossier.id);
    ratings.open(act);
  };

  const backups = new BackupService({ sqlite, db, dataDir: paths.dataDir, clock, log, isInitialized: () => office.isInitialized() });
  // One group per capability (src-shared/rpc/<capability>.ts); a row without a handler fails the build here.
  const handlers: Handlers = {
    ...setupHandlers(office),
    ...authHandlers(sessions),
    ...officerHandlers({ db, clock, officers, endSessionsOf: (id, reason) => sessions.endSessionsOf(id, reason) }),
    ...settingsHandlers({ db, clock, settings }),
    ...catalogHandlers({ db, clock, catalog }),
    ...calendarHandlers({ db, clock, calendar, catalog }),
    ...dossierHandlers({ db, clock, catalog, calendar, settings, events, bindScans: (tx, batch, id, officer) => scans.bindBatch(tx, batch, id, officer), onCounterAct }),
    ...printHandlers(print),
    ...reportHandlers({ db, clock, office }),
    ...backupHandlers({ db, clock, backups }),
    ...syncHandlers(sync),
    ...auditHandlers({ db }),
    ...signingHandlers(signing),
    ...scanHandlers(scans, ocr),
    ...storageHandlers(paths.dataDir, opts.storage),
    ...deviceHandlers(devices),
    ...queueHandlers(queue, (ticket, waitingBefore) => print.printQueueTicket(ticket, waitingBefore)),
    ...lookupHandlers(new LookupService(db)),
    ...boardHandlers(new BoardService(catalog)),
    ...feedbackHandlers(new FeedbackService(db, clock, settings), settings),
    ...ratingHandlers({ db, clock, ratings }),
  };
  // A device token ("dv.…") is resolved among paired devices, any other among officers' sessions.
  const resolver = {
    resolve: (token: string, o: { passive: boolean }) => (isDeviceToken(token) ? devices.resolve(token) : sessions.resolve(token, o)),
  };
  const sessionWatch: SessionWatch = {
    watch: (token, onEnd) => (isDeviceToken(token) ? devices.watch(token, onEnd) : sessions.watch(token, onEnd)),
    status: (token) => (isDeviceToken(token) ? devices.status(token) : sessions.status(token)),
    mayReceive: (token, event, payload) => {
      if (!isDeviceToken(token)) return true;
      const me = devices.resolve(token);
      if (me instanceof AppError || !DEVICE_EVENTS[me.device.scope].includes(event)) return false;
      // A rating tablet asks about its own counter's citizens only.
      if (event === 'device.changed') return (payload as { id?: string } | undefined)?.id === me.device.id;
      return event !== 'rating.opened' || (payload as { counterNo?: number } | undefined)?.counterNo === me.device.counterNo;
    },
    whoRow: (token) => (isDeviceToken(token) ? 'devices.me' : 'auth.me'),
  };

  let background = false;
  const startBackground = () => {
    if (background) return;
    background = true;
    backups.start();
    signing.start();
    ocr.start();
  };
  if (!opts.deferBackground) startBackground();
  return {
    paths,
    db,
    clock,
    services: { office, officers, settings, catalog, calendar, print, backups, sync, files, signing, scans, ocr },
    dispatch: backups.guard(createDispatch(handlers, resolver, { log, dataDir: paths.dataDir })),
    sessions: sessionWatch,
    setupCode: () => office.setupCode,
    events,
    migration,
    checkpointer,
    uncleanShutdown: guarded.uncleanShutdown,
    startBackground,
    close: () => {
      backups.stop();
      sync.stop();
      signing.stop();
      // Kills the page being read (it stays queued) and leaves the loop before the database closes.
      void ocr.stop();
      // The worker's connection closes first: the writer's close is then the last one, and folds
      // and removes the WAL with nothing running beside it.
      checkpointer.stop();
      sqlite.close();
      guarded.markClean();
    },
  };
}

function stripUndefined(opts: CoreOptions): Partial<CorePaths> {
  const out: Partial<CorePaths> = { dataDir: opts.dataDir };
  if (opts.migrationsDir) out.migrationsDir = opts.migrationsDir;
  if (opts.assetsDir) out.assetsDir = opts.assetsDir;
  return out;
}
