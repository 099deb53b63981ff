/**
 * A counter's data folder holding many dossiers (seedDemo), as the big benchmarks need it. Seeding
 * a million takes over half an hour on a shared machine, so `cachedSeededDir` keeps one seeded
 * folder per size and SEED_VERSION under the system's temporary folder and hands each run a fresh
 * copy, opened once with the current code so its migrations run forward on the copy (as they would
 * at a counter that updates the app) before anything is timed. A new migration therefore reuses
 * the cache; only a change to what the seed writes makes a new one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src-main/core/clock';
import { DB_FILE_NAME, openCore } from '../src-main/core/core';
import { runMigrations } from '../src-main/core/db/migrate';
import { openSqlite, wrapDrizzle } from '../src-main/core/db/open';
import { defaultCorePaths } from '../src-main/core/paths';
import { seedDemo } from '../src-main/core/demo/seed-demo';
import { BENCH_SETUP, tmpDataDir } from './support';

/** Sets the sample office up in `dataDir` and seeds `size` dossiers into it. */
export async function seedCounter(dataDir: string, size: number): Promise<void> {
  const core = await openCore({ dataDir });
  try {
    await core.services.office.initialize(BENCH_SETUP.office, BENCH_SETUP.admin);
    if (size > 0) {
      const step = Math.max(1, Math.round(size / 5));
      seedDemo(core, { dossiers: size, onProgress: (done, total) => done % step === 0 && console.log(`  seeded ${done}/${total}`) });
    }
  } finally {
    core.close();
  }
}

/**
 * The seeded data set's version. Bump it when seedDemo (src-main/core/demo/) or seedCounter writes
 * different rows, or when a migration rewrites seeded rows in a way the benchmarks must not inherit
 * from an older cache; a migration that only adds tables or columns does not need it.
 */
export const SEED_VERSION = 1;

/**
 * Runs the pending migrations on a copied folder, as the host would at its first start, so the
 * timed starts do not include them. Only the migrations: opening the whole core would also make
 * the day's backup, which the day's first timed start must still do. The pre-migration copy that
 * protects a real counter is taken and then dropped (the cache is the copy here).
 */
async function migrateForward(dir: string): Promise<void> {
  const t0 = performance.now();
  const sqlite = openSqlite(path.join(dir, DB_FILE_NAME));
  const backupDir = path.join(dir, 'pre-migration');
  try {
    const { applied } = await runMigrations(wrapDrizzle(sqlite), { migrationsDir: defaultCorePaths(dir).migrationsDir, backupDir, now: () => systemClock.now() });
    if (applied.length) console.log(`  migrated the copy forward (${applied.join(', ')}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    sqlite.close();
    fs.rmSync(backupDir, { recursive: true, force: true });
  }
}

/**
 * A fresh data folder holding the office and `size` dossiers at the current schema: a copy of the
 * cache (seeded once), migrated forward by opening it.
 */
export async function cachedSeededDir(size: number, name: string): Promise<string> {
  const cached = path.join(os.tmpdir(), `motcua-bench-seeded-${size}-v${SEED_VERSION}`);
  if (!fs.existsSync(path.join(cached, '.complete'))) {
    fs.rmSync(cached, { recursive: true, force: true });
    const t0 = performance.now();
    await seedCounter(cached, size);
    fs.writeFileSync(path.join(cached, '.complete'), '');
    console.log(`  seeded ${size} dossiers in ${((performance.now() - t0) / 1000).toFixed(0)} s (cached in ${cached})`);
  }
  const dir = tmpDataDir(name);
  fs.cpSync(cached, dir, { recursive: true, filter: (src) => path.basename(src) !== '.complete' });
  await migrateForward(dir);
  return dir;
}
