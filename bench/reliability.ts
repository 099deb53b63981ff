/**
 * What reliability costs on a commune PC: a verified backup (copy + quick_check), the check after
 * an unclean stop, walking the audit chain, exporting pending sync work for USB carry, and
 * staging + applying a restore. BENCH_RELIABILITY_DOSSIERS sets the database size (default
 * 100,000 demo dossiers, plus 500 received through the real dispatch so the outbox and the audit
 * log have real rows).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { verifyAudit } from '../src-main/core/audit/audit-log';
import { exportPendingBundle } from '../src-main/core/backup/export-pending';
import { verifyOfflineBundle } from '../src-main/core/backup/offline-bundle';
import { applyPendingRestore, stageRestore } from '../src-main/core/backup/restore';
import { markerPath } from '../src-main/core/backup/startup-guard';
import { quickCheck, verifyDatabaseFile } from '../src-main/core/db/verify';
import { DB_FILE_NAME, openCore } from '../src-main/core/core';
import { seedDemo } from '../src-main/core/demo/seed-demo';
import { readTally } from '../tests/support/tally';
import { APP_ROOT } from '../src-main/core/paths';
import { printTable, writeResults, type Row } from './stats';
import { BENCH_SETUP, tmpDataDir } from './support';

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

export async function runReliabilityBench(): Promise<object> {
  const size = Number(process.env.BENCH_RELIABILITY_DOSSIERS ?? 100_000);
  const dataDir = tmpDataDir('reliability');
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  let core = await openCore({ dataDir });
  await core.services.office.initialize(BENCH_SETUP.office, BENCH_SETUP.admin);
  seedDemo(core, { dossiers: size });
  const login = await core.dispatch('auth.login', { username: BENCH_SETUP.admin.username, password: BENCH_SETUP.admin.password }, { token: null });
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.result as { token: string }).token;
  const received = 500;
  for (let i = 0; i < received; i++) {
    const r = await core.dispatch('dossiers.receive', { procedureCode: '1.004194', applicant: { fullName: `Công dân ${i}`, idNumber: '038186001234' } }, { token });
    if (!r.ok) throw new Error(r.error.message);
  }
  core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = fs.statSync(dbFile).size;

  const [backup, backupMs] = await timed(() => core.services.backups.create('manual'));
  const backupFile = path.join(dataDir, 'backups', backup.name);
  const [, verifyCopyMs] = await timed(() => verifyDatabaseFile(backupFile, { requireCounterTables: true }));
  const [, quickCheckMs] = await timed(() => quickCheck(core.db.$client));
  const auditRows = (core.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const [, auditMs] = await timed(() => verifyAudit(core.db));
  const [bundle, exportMs] = await timed(() => exportPendingBundle(core.db, new Date()));
  const bundleText = JSON.stringify(bundle);
  const [, bundleVerifyMs] = await timed(() => verifyOfflineBundle(bundleText));
  core.close();

  const [, openCleanMs] = await timed(async () => (await openCore({ dataDir })).close());
  fs.writeFileSync(markerPath(dbFile), JSON.stringify({ pid: 0, openedAt: '' }));
  const [, openUncleanMs] = await timed(async () => {
    core = await openCore({ dataDir });
    core.close();
  });
  const [, stageMs] = await timed(() => stageRestore(dataDir, backupFile, { officerId: null, via: 'cli', now: new Date() }));
  const [, applyMs] = await timed(() => applyPendingRestore(dataDir, dbFile, new Date()));

  const figures = {
    dossiers: size + received,
    databaseMb: mb(dbBytes),
    backupMb: mb(backup.sizeBytes),
    backupMs,
    verifyCopyMs,
    quickCheckMs,
    openCleanMs,
    openAfterUncleanStopMs: openUncleanMs,
    auditRows,
    auditVerifyMs: auditMs,
    pendingOps: bundle.body.ops.length,
    bundleMb: mb(Buffer.byteLength(bundleText)),
    exportPendingMs: exportMs,
    bundleVerifyMs,
    restoreStageMs: stageMs,
    restoreApplyMs: applyMs,
  };
  const rows: Row[] = [
    { measure: `backup (db.backup + journal fold + quick_check), ${figures.backupMb} MB`, median: backupMs, goal: '≤ 30 s at 1M', note: 'runs in the background' },
    { measure: 'verify a backup file (read-only quick_check)', median: verifyCopyMs },
    { measure: `quick_check of the live database (${figures.databaseMb} MB)`, median: quickCheckMs },
    { measure: 'openCore after a clean close', median: openCleanMs },
    { measure: 'openCore after an unclean stop (+ quick_check)', median: openUncleanMs, goal: '≤ 10 s', note: 'what an officer waits after a power cut' },
    { measure: `verify audit chain (${auditRows} rows)`, median: auditMs },
    { measure: `export pending (${figures.pendingOps} ops, ${figures.bundleMb} MB, signed)`, median: exportMs },
    { measure: 'verify the signed bundle (hub side)', median: bundleVerifyMs },
    { measure: 'restore: stage (verify, copy, new epoch, audit)', median: stageMs },
    { measure: 'restore: apply at start (save current, swap)', median: applyMs },
  ];
  printTable(`Reliability — ${figures.dossiers.toLocaleString('vi-VN')} dossiers`, rows);
  const campaigns = runCampaigns();
  const resultsFile = writeResults('reliability', { ...figures, campaigns });
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { ...figures, campaigns, resultsFile };
}

interface CrashTally { kills: number; acknowledged: number; lost: number; uncleanReported: number }
interface FuzzTally { violations: number; casesPerRow?: Record<string, number>; casesPerEndpoint?: Record<string, number> }

/**
 * The crash and hostile-input campaigns are the test suites themselves (tests/crash, tests/fuzz):
 * run them and report what they did — kills survived, acknowledged dossiers lost, fuzz cases
 * per RPC row and hub endpoint, violations.
 */
function runCampaigns() {
  const run = spawnSync(process.execPath, [path.join(APP_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/crash', 'tests/fuzz', '--reporter=dot'], {
    cwd: APP_ROOT,
    env: { ...process.env, SKIP_RENDERER_BUILD: '1' },
    stdio: 'inherit',
  });
  const crash = readTally<CrashTally>('crash');
  const rpc = readTally<FuzzTally>('fuzz-rpc');
  const hub = readTally<FuzzTally>('fuzz-hub');
  const spread = (m: Record<string, number> | undefined) => {
    const v = Object.values(m ?? {});
    return v.length ? `${v.length} × ${Math.min(...v)}–${Math.max(...v)} cases (${v.reduce((a, b) => a + b, 0)} in all)` : 'not run';
  };
  const table: Row[] = [
    { measure: 'campaign suites (tests/crash, tests/fuzz)', note: run.status === 0 ? 'passed' : `FAILED (exit ${run.status})` },
    { measure: 'SIGKILLs survived', note: crash ? `${crash.kills} (unclean starts detected: ${crash.uncleanReported})` : 'not run' },
    { measure: 'acknowledged dossiers / lost', note: crash ? `${crash.acknowledged} / ${crash.lost}` : 'not run', goal: 'lost = 0' },
    { measure: 'fuzz cases per RPC row', note: spread(rpc?.casesPerRow) },
    { measure: 'fuzz cases per hub endpoint', note: spread(hub?.casesPerEndpoint) },
    { measure: 'violations (5xx, or a refusal that changed data)', note: String((rpc?.violations ?? 0) + (hub?.violations ?? 0)), goal: '0' },
  ];
  printTable('Reliability campaigns', table);
  return { passed: run.status === 0, crash, rpcFuzz: rpc, hubFuzz: hub };
}
