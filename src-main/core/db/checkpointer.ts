/**
 * WAL checkpoints off the request path.
 *
 * With SQLite's default (wal_autocheckpoint=1000), the commit that takes the WAL past 1000 pages
 * also copies them back into the database file and fsyncs it, before the officer sees the
 * dossier code: a receipt writes about 30 pages, so one receipt in thirty paid for it, from ten
 * milliseconds to a few hundred on a busy disk. Here a worker thread, with its own connection to
 * the same file, runs PASSIVE checkpoints shortly after commits (when writes pause, and every
 * 250 ms while they go on, about as many pages as SQLite's default copies at a time). PASSIVE
 * never takes the writer lock and never waits, so the writer never waits for it; after a
 * migration, the worker is also what copies its pages back.
 *
 * Durability is SQLite's own and does not change: every commit is fsynced in the WAL by the writer
 * (synchronous=FULL) before it returns. A checkpoint, whichever connection runs it, syncs the WAL
 * before copying, and the WAL is written over only after a checkpoint has copied every page and
 * synced the database file. A kill or a power cut in the middle leaves the WAL as the truth,
 * replayed at the next open (tests/crash kills the writer while the worker copies).
 *
 * The WAL is bounded. It starts over from its beginning at a commit that finds every page
 * copied, so each checkpoint is followed at once by small ones for what was committed while it
 * ran, until one ends with nothing new. The writer keeps an autocheckpoint, raised to
 * BACKSTOP_PAGES, that fires only when the worker has fallen that far behind (or died: then the
 * writer goes back to SQLite's default); journal_size_limit cuts the file back to the backstop's
 * size after a large transaction (a migration). The worker does not TRUNCATE on its own: that
 * rewrites the WAL header, which throws away the writer's page cache and restarts a running
 * online backup, and it would make the writer wait.
 *
 * stop() is synchronous and returns once the worker's connection is closed, so the writer's
 * close() that follows is the last one and checkpoints and removes the WAL as before.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** The writer's own autocheckpoint while the worker runs: 16 MB of WAL, reached only if it lags. */
export const BACKSTOP_PAGES = 4000;
/** SQLite's default, restored when the worker is gone. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

export interface CheckpointerTiming {
  /** How often the worker looks for new commits; a look that finds none after some is a pause. */
  tickMs: number;
  /** Commits that go on without a pause get a checkpoint at least this often. */
  maxDelayMs: number;
  /** Checkpoints in a row for what was committed during the one before. */
  catchUpRounds: number;
}

export const DEFAULT_TIMING: CheckpointerTiming = { tickMs: 25, maxDelayMs: 250, catchUpRounds: 3 };

export interface CheckpointerStats {
  /** PASSIVE checkpoints the worker ran. */
  checkpoints: number;
  /** Of those, how many copied every page the WAL held when they began. */
  complete: number;
  /** The most pages the worker has seen in the WAL. */
  maxLogPages: number;
  /** Time spent in checkpoints, in all and the longest one (whole milliseconds). */
  totalMs: number;
  maxMs: number;
  running: boolean;
}

/** Slots of the shared Int32Array both threads see. */
const SLOT = { state: 0, stop: 1, checkpoints: 2, complete: 3, maxLog: 4, totalMs: 5, maxMs: 6 } as const;
const STATE = { starting: 0, open: 1, closed: 2, cancelled: 3 } as const;
const STOP_WAIT_MS = 30_000;

interface WorkerData {
  file: string;
  sqliteModule: string;
  flags: SharedArrayBuffer;
  slot: typeof SLOT;
  state: typeof STATE;
  timing: CheckpointerTiming;
}

interface Logger {
  error(message: string, err: unknown): void;
}

export class WalCheckpointer {
  private readonly flags = new Int32Array(new SharedArrayBuffer(4 * 7));
  private readonly worker: Worker;
  private alive = true;

  constructor(
    private readonly sqlite: Database.Database,
    file: string,
    log: Logger,
    timing: CheckpointerTiming = DEFAULT_TIMING,
  ) {
    const data: WorkerData = {
      file,
      sqliteModule: createRequire(import.meta.url).resolve('better-sqlite3'),
      flags: this.flags.buffer as SharedArrayBuffer,
      slot: SLOT,
      state: STATE,
      timing,
    };
    sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    sqlite.pragma(`journal_size_limit = ${BACKSTOP_PAGES * (sqlite.pragma('page_size', { simple: true }) as number)}`);
    // Evaluated source rather than a file: the same code then runs under tsx, vitest, and the
    // esbuild bundles (Electron main, the crash-test writer), none of which would ship a worker
    // file. execArgv is cleared so the worker does not boot the parent's TypeScript loader.
    // Transpilers that keep function names (tsx does) wrap named inner functions in a __name()
    // helper that exists only in the parent's module: the worker gets a stand-in.
    const source = `const __name = (fn) => fn; (${checkpointerThread.toString()})(require, require('node:worker_threads'));`;
    this.worker = new Worker(source, {
      eval: true,
      execArgv: [],
      workerData: data,
    });
    this.worker.unref();
    this.worker.on('message', (m: { error?: string }) => {
      if (!m.error) return;
      this.gone();
      log.error('WAL checkpointer stopped; the writer checkpoints by itself again', m.error);
    });
    this.worker.on('error', (err) => {
      this.gone();
      log.error('WAL checkpointer failed; the writer checkpoints by itself again', err);
    });
    this.worker.on('exit', () => this.gone());
  }

  get stats(): CheckpointerStats {
    return {
      checkpoints: Atomics.load(this.flags, SLOT.checkpoints),
      complete: Atomics.load(this.flags, SLOT.complete),
      maxLogPages: Atomics.load(this.flags, SLOT.maxLog),
      totalMs: Atomics.load(this.flags, SLOT.totalMs),
      maxMs: Atomics.load(this.flags, SLOT.maxMs),
      running: this.alive && Atomics.load(this.flags, SLOT.state) <= STATE.open,
    };
  }

  /** Stops the worker and waits until its connection is closed. Safe to call twice. */
  stop(): void {
    Atomics.store(this.flags, SLOT.stop, 1);
    Atomics.notify(this.flags, SLOT.stop);
    // A worker that has not opened its connection yet never will.
    if (Atomics.compareExchange(this.flags, SLOT.state, STATE.starting, STATE.cancelled) === STATE.open) {
      Atomics.wait(this.flags, SLOT.state, STATE.open, STOP_WAIT_MS);
    }
    this.gone();
    void this.worker.terminate();
  }

  private gone(): void {
    if (!this.alive) return;
    this.alive = false;
    if (this.sqlite.open) this.sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  }
}

/**
 * The worker's whole program. It runs from its source text in another thread: it may use only
 * its parameters and globals, never this module's imports, constants or helpers.
 */
function checkpointerThread(require: NodeJS.Require, threads: typeof import('node:worker_threads')): void {
  const data = threads.workerData as WorkerData;
  const { slot, state, timing } = data;
  const flags = new Int32Array(data.flags);
  if (Atomics.compareExchange(flags, slot.state, state.starting, state.open) !== state.starting) return;
  let db: Database.Database | null = null;
  try {
    const Sqlite = require(data.sqliteModule) as typeof Database;
    db = new Sqlite(data.file, { fileMustExist: true });
    // A checkpoint syncs with its own connection's setting; OFF would skip the fsyncs.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const version = db.prepare('PRAGMA data_version').pluck();
    const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
    let seen = version.get();
    // Pages left by the migrations or a previous run are copied at the first look.
    let dirtySince: number | null = performance.now();
    while (Atomics.wait(flags, slot.stop, 0, timing.tickMs) === 'timed-out') {
      const now = performance.now();
      const v = version.get();
      const committed = v !== seen;
      if (committed) {
        seen = v;
        dirtySince ??= now;
      }
      // Commits that pause get their checkpoint at once; commits that go on, every maxDelayMs.
      if (dirtySince === null || (committed && now - dirtySince < timing.maxDelayMs)) continue;
      dirtySince = null;
      // The WAL starts over (instead of growing) only at a commit that finds every page copied.
      // So what was committed while a checkpoint copied gets another, small and quick one at
      // once, until one ends with nothing new.
      for (let round = 1; ; round++) {
        const started = performance.now();
        const r = checkpoint.get() as { busy: number; log: number; checkpointed: number };
        const ms = Math.round(performance.now() - started);
        Atomics.add(flags, slot.checkpoints, 1);
        Atomics.add(flags, slot.totalMs, ms);
        Atomics.store(flags, slot.maxMs, Math.max(Atomics.load(flags, slot.maxMs), ms));
        Atomics.store(flags, slot.maxLog, Math.max(Atomics.load(flags, slot.maxLog), r.log));
        if (r.busy !== 0 || r.checkpointed < r.log) {
          // A reader still needed old pages, or the writer's backstop held the lock.
          dirtySince = performance.now();
          break;
        }
        Atomics.add(flags, slot.complete, 1);
        const after = version.get();
        if (after === seen) break;
        seen = after;
        if (round === timing.catchUpRounds) {
          dirtySince = performance.now();
          break;
        }
      }
    }
  } catch (err) {
    threads.parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
  } finally {
    db?.close();
    Atomics.store(flags, slot.state, state.closed);
    Atomics.notify(flags, slot.state);
  }
}
