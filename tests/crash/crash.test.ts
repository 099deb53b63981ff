/**
 * Power cut at the counter: a child process runs the real core and receives dossiers through
 * the real dispatch; it is SIGKILLed at seeded random moments (during start-up, migrations,
 * the daily backup, sign-in, or between and inside receipts), 50 times on one data folder, so
 * each restart continues the same database. After every kill the database must be sound and
 * hold every dossier the officer was shown, with all its rows and nothing half-written; the
 * next start must notice the unclean stop.
 *
 * SIGKILL loses what the process had not handed to the OS; a real power cut also loses what
 * the OS had not written to disk, which synchronous=FULL covers and a test cannot (see
 * database.test.ts for the pragma on every open).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../src-main/core/backup/backup-files';
import { markerPath } from '../../src-main/core/backup/startup-guard';
import { verifyDatabaseFile } from '../../src-main/core/db/verify';
import { DB_FILE_NAME, openCore } from '../../src-main/core/core';
import { runningClock } from '../support/clock';
import { recordTally } from '../support/tally';
import { REPO_ROOT, tempDir } from '../support/web-host';
import { checkConsistency } from './invariants';

const KILLS = 50;
const SEED = 20261122;
const WRITER = path.join(REPO_ROOT, 'tests', 'artifacts', 'crash-writer.mjs');
/** One working day for the whole campaign: every restart of the writer picks up its time. */
const day = runningClock();

/** mulberry32: a tiny seeded PRNG, so the kill schedule is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  acks: [string, string][];
  unclean: boolean | null;
  reachedReady: boolean;
  errors: string[];
}

/** Starts the writer and kills it at the planned moment: after `ms` milliseconds, or right after the n-th ack. */
function runAndKill(dataDir: string, plan: { afterMs: number } | { afterAcks: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const args = [WRITER, dataDir, path.join(REPO_ROOT, 'migrations', 'counter'), path.join(REPO_ROOT, 'assets'), day.now().toISOString()];
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { acks: [], unclean: null, reachedReady: false, errors: [] };
    let buffer = '';
    let stderr = '';
    const kill = () => child.kill('SIGKILL');
    const watchdog = setTimeout(kill, 15_000);
    if ('afterMs' in plan) setTimeout(kill, plan.afterMs);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const [word, a, b] = line.split(' ');
        if (word === 'ack') {
          run.acks.push([a!, b!]);
          if ('afterAcks' in plan && run.acks.length >= plan.afterAcks) kill();
        } else if (word === 'open') run.unclean = a === 'unclean=1';
        else if (word === 'ready') {
          run.reachedReady = true;
          if ('afterAcks' in plan && plan.afterAcks === 0) kill();
        } else run.errors.push(line);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      // An ack line split by the kill is not an ack: the officer never saw it.
      if (signal !== 'SIGKILL') run.errors.push(`writer exited by itself (${code}): ${stderr.slice(0, 2000)}`);
      resolve(run);
    });
  });
}

const dataDir = tempDir('motcua-crash-');
const dbFile = path.join(dataDir, DB_FILE_NAME);
const acked = new Map<string, string>();
const summary = { kills: 0, acked: 0, killedBeforeReady: 0, uncleanReported: 0 };

beforeAll(async () => {
  await build({
    entryPoints: [path.join(REPO_ROOT, 'tests', 'crash', 'writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Everything but the native addons in one file: resolving hundreds of package.json files at
    // each of the restarts would cost more than the kills themselves.
    external: ['better-sqlite3', 'pkcs11js'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    alias: { '@shared': path.join(REPO_ROOT, 'src-shared') },
    outfile: WRITER,
    logLevel: 'warning',
  });
});

afterAll(() => {
  // Counted afresh from the database file: an acknowledged dossier that is not there is lost.
  let lost = acked.size;
  if (fs.existsSync(dbFile)) {
    const db = new Database(dbFile, { readonly: true });
    const has = db.prepare('SELECT 1 FROM dossier WHERE id = ? AND code = ?');
    lost = [...acked].filter(([code, id]) => !has.get(id, code)).length;
    db.close();
  }
  recordTally('crash', { kills: summary.kills, acknowledged: acked.size, lost, killedBeforeReady: summary.killedBeforeReady, uncleanReported: summary.uncleanReported });
  console.log(`crash test: ${summary.kills} kills, ${summary.acked} acknowledged dossiers, ${summary.killedBeforeReady} kills before sign-in, ${summary.uncleanReported} unclean starts detected`);
});

describe('SIGKILL while receiving dossiers', () => {
  it(`keeps every acknowledged dossier whole across ${KILLS} kills at random moments`, { timeout: 240_000 }, async () => {
    const rand = prng(SEED);
    for (let i = 0; i < KILLS; i++) {
      const markerBefore = fs.existsSync(markerPath(dbFile));
      // A quarter of the kills land on a timer (start-up, migrations, backup, sign-in); the rest after k receipts.
      const plan = rand() < 0.25 ? { afterMs: Math.floor(rand() * 700) } : { afterAcks: Math.floor(rand() * 20) };
      const run = await runAndKill(dataDir, plan);
      summary.kills += 1;
      if (!run.reachedReady) summary.killedBeforeReady += 1;
      expect(run.errors, `run ${i}`).toEqual([]);
      if (run.unclean !== null) {
        expect(run.unclean, `run ${i}: the start after a kill notices it`).toBe(markerBefore);
        if (run.unclean) summary.uncleanReported += 1;
      }
      for (const [code, id] of run.acks) acked.set(code, id);

      const sqlite = new Database(dbFile);
      try {
        expect(checkConsistency(sqlite, acked), `after kill ${i} (${JSON.stringify(plan)})`).toEqual([]);
      } finally {
        sqlite.close();
      }
    }
    summary.acked = acked.size;
    expect(summary.kills).toBe(KILLS);
    expect(acked.size).toBeGreaterThan(KILLS);
    expect(summary.uncleanReported).toBeGreaterThan(KILLS / 2);
  });

  it('leaves only sound backups behind, never a half-written one under a final name', () => {
    const files = listBackups(path.join(dataDir, 'backups'));
    expect(files.map((f) => f.kind)).toContain('daily');
    for (const f of files) expect(verifyDatabaseFile(path.join(dataDir, 'backups', f.name)), f.name).toEqual({ ok: true });
  });

  it('opens cleanly afterwards, reports the unclean stop once, and not again after a clean close', async () => {
    const first = await openCore({ dataDir, clock: day });
    expect(first.uncleanShutdown).toBe(true);
    const res = await first.dispatch('setup.status', {}, { token: null });
    expect(res).toEqual({ ok: true, result: { initialized: true, setupCodeRequired: false } });
    first.close();
    expect(fs.existsSync(markerPath(dbFile))).toBe(false);
    const second = await openCore({ dataDir, clock: day });
    expect(second.uncleanShutdown).toBe(false);
    second.close();
  });
});
