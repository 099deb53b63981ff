/**
 * Builds the hub's Fastify instance over an open database. No listening, no process concerns:
 * tests drive it with `app.inject`, main.ts adds the socket and signals.
 */
import { join } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { MAX_PUSH_BYTES } from '@shared/sync/protocol';
import { rateLimitKeyFor } from './auth/rate-limit-key';
import { systemClock, type Clock } from './clock';
import type { HubDatabase } from './db/types';
import { installErrorHandling } from './errors';
import { loggerOptions, type LogOptions } from './logging';
import { registerAdminRoutes } from './routes/admin';
import { registerAdminPage } from './routes/admin-page';
import { registerDeviceRoutes } from './routes/devices';
import { registerExportRoutes } from './routes/export';
import { registerFileRoutes } from './routes/files';
import { registerOfflineBundleFileRoutes } from './routes/offline-bundle-files';
import { FsPaperStore, type PaperStore } from './files/paper-store';
import { DEFAULT_STAGED_MAX_AGE_MS } from './files/staged-uploads';
import { registerHealthRoutes } from './routes/health';
import { registerPublicLookupRoutes } from './routes/public-lookup';
import { registerSyncRoutes } from './routes/sync';
import { HUB_VERSION } from './version';

export interface HubOptions {
  database: HubDatabase;
  /** false in tests that don't look at logs. */
  logger?: LogOptions | false;
  /** Requests per verified device or administrator (per address for anyone else) per window; pushes have their own budget. */
  rateLimit?: RateLimits;
  version?: string;
  /** Trust X-Forwarded-For from the TLS reverse proxy in front of the hub. */
  trustProxy?: boolean;
  /** The built admin page (dist/hub-admin by default); the API works without it. */
  adminUiDir?: string;
  /** Where the hub reads the time (the system's by default; tests and `--clock` start their own). */
  clock?: Clock;
  /**
   * Dossiers' papers: uploads in progress are staged in `<dir>/incoming`, verified files kept in
   * `store` (the filesystem under `<dir>/sha256` unless another store is given). Without it the
   * hub takes no files. Unfinished uploads idle past `stagedMaxAgeMs` (7 days) are removed.
   */
  files?: { dir: string; store?: PaperStore; stagedMaxAgeMs?: number };
}

export interface RateLimits {
  max: number;
  timeWindowMs: number;
  /**
   * Pushes per device per window. Larger than `max`: a counter back from a long outage drains its
   * outbox in back-to-back pushes of ≤100 ops, and the province wants 50,000 pending ops through
   * in ≤30 s (issue #6), i.e. ~1,000 pushes a minute. The cap still stops a runaway client.
   */
  pushMax: number;
}

export const DEFAULT_RATE_LIMIT: RateLimits = { max: 300, timeWindowMs: 60_000, pushMax: 1_800 };

export async function buildApp(options: HubOptions): Promise<FastifyInstance> {
  const { db, kind } = options.database;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: loggerOptions(options.logger ?? {}),
    bodyLimit: MAX_PUSH_BYTES,
    trustProxy: options.trustProxy ?? false,
  });
  installErrorHandling(app);

  const limits = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  await app.register(rateLimit, {
    global: true,
    max: limits.max,
    timeWindow: limits.timeWindowMs,
    // Keyed by verified identity (a device, an administrator), by address for everyone else: a
    // made-up token buys no budget of its own (auth/rate-limit-key.ts).
    keyGenerator: rateLimitKeyFor(db, clock),
  });

  registerHealthRoutes(app, db, kind, options.version ?? HUB_VERSION);
  registerPublicLookupRoutes(app, db);
  registerDeviceRoutes(app, db, clock);
  registerSyncRoutes(app, db, clock, { max: limits.pushMax, timeWindow: limits.timeWindowMs });
  if (options.files) {
    const { dir, store, stagedMaxAgeMs = DEFAULT_STAGED_MAX_AGE_MS } = options.files;
    // Uploads share the pushes' budget: a counter back from an outage sends many files in a row.
    const limit = { max: limits.pushMax, timeWindow: limits.timeWindowMs };
    const paperStore = store ?? new FsPaperStore(join(dir, 'sha256'));
    registerFileRoutes(app, db, clock, { store: paperStore, stagingDir: join(dir, 'incoming'), limit, stagedMaxAgeMs });
    registerOfflineBundleFileRoutes(app, db, clock, { store: paperStore, stagingDir: join(dir, 'incoming'), limit });
  }
  registerAdminRoutes(app, db, clock);
  await registerAdminPage(app, options.adminUiDir);
  registerExportRoutes(app, db, clock);
  return app;
}
