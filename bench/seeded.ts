/**
 * A counter's data folder holding many dossiers (seedDemo), as the big benchmarks need it. Seeding
 * a million takes minutes, so `cachedSeededDir` keeps one seeded folder per size and schema under
 * the system's temporary folder (a schema change makes a new one) and hands each run a fresh copy.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../src-main/core/core';
import { seedDemo } from '../src-main/core/demo/seed-demo';
import { APP_ROOT } from '../src-main/core/paths';
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

/** The counter schema's fingerprint: its migrations' names and contents. */
function schemaKey(): string {
  const dir = path.join(APP_ROOT, 'migrations', 'counter');
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  return hash.digest('hex').slice(0, 12);
}

/** A fresh data folder holding the office and `size` dossiers, copied from the cache (seeded once). */
export async function cachedSeededDir(size: number, name: string): Promise<string> {
  const cached = path.join(os.tmpdir(), `motcua-bench-seeded-${size}-${schemaKey()}`);
  if (!fs.existsSync(path.join(cached, '.complete'))) {
    fs.rmSync(cached, { recursive: true, force: true });
    const t0 = performance.now();
    await seedCounter(cached, size);
    fs.writeFileSync(path.join(cached, '.complete'), '');
    console.log(`  seeded ${size} dossiers in ${((performance.now() - t0) / 1000).toFixed(0)} s (cached in ${cached})`);
  }
  const dir = tmpDataDir(name);
  fs.cpSync(cached, dir, { recursive: true, filter: (src) => path.basename(src) !== '.complete' });
  return dir;
}
