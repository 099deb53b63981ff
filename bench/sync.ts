/**
 * `npm run bench -- sync`: sync throughput against a hub on real PostgreSQL (a throwaway cluster
 * from tests/support/postgres.ts, or DATABASE_URL). The hub runs as a separate process, as in
 * production, so its RSS can be read from /proc/<pid>/status. All traffic stays on 127.0.0.1.
 *
 * (a) one counter draining a 50,000-op backlog through the real sync engine (goal ≤ 30 s);
 * (b) N simulated communes pushing 100 dossiers each at once (pre-built ops over plain HTTP, not
 *     full cores), N = 100, 600, 3,321 (goal: 3,321 in ≤ 5 min, 0 errors);
 * (c) the hub's ingest rate as a ratio of a plain batched INSERT of the same rows (goal ≥ 0.25).
 *
 * Both load generators of (b) and (c) build their payloads before the clock starts: on this 2-core
 * machine the simulated communes share the CPU with the hub and PostgreSQL, while in a province
 * they are 3,321 other PCs. What stays inside the clock is sending, and reading the answers.
 *
 * The hub's per-device rate limits (DEFAULT_RATE_LIMIT: 1,800 pushes/min) stay on: where they throttle a legitimate
 * push, the table says so instead of the limit being switched off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Dossier, DossierEvent } from '@shared/dossier';
import type { Op, PushResponse } from '@shared/sync/protocol';
import { openCore } from '../src-main/core/core';
import { deviceEpoch } from '../src-main/core/outbox/outbox';
import { createCommune, issueEnrollmentCode } from '../src-server/admin/communes';
import { enrollDevice } from '../src-server/admin/enroll';
import { openDatabase } from '../src-server/db/open';
import type { HubDatabase } from '../src-server/db/types';
import { startTestPostgres } from '../tests/support/postgres';
import { printTable, summarise, writeResults, type Row } from './stats';
import { BENCH_SETUP, tmpDataDir } from './support';

const REPO = path.resolve(import.meta.dirname, '..');
const BACKLOG_OPS = 50_000;
const DOSSIERS_PER_COMMUNE = 100;
const COMMUNE_COUNTS = (process.env.SYNC_BENCH_COMMUNES ?? '100,600,3321').split(',').map(Number);
/** Each phase stops taking new communes after this long and reports a projection instead. */
const PHASE_BUDGET_MS = Number(process.env.SYNC_BENCH_PHASE_SECONDS ?? 360) * 1000;
/** Simultaneous HTTP requests from the simulated communes (connections to one hub process). */
const CLIENT_CONCURRENCY = 64;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** CPU seconds (user + system) of a process from /proc/<pid>/stat; with its reaped children if asked. */
function cpuSeconds(pid: number, withReapedChildren = false): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (withReapedChildren ? Number(fields[13]) + Number(fields[14]) : 0);
    return ticks / 100; // USER_HZ
  } catch {
    return 0; // exited
  }
}

/** CPU seconds of a PostgreSQL cluster: the postmaster, its live backends and those already gone. */
function clusterCpuSeconds(postmasterPid: number | undefined): number | null {
  if (postmasterPid === undefined || !fs.existsSync(`/proc/${postmasterPid}/task/${postmasterPid}/children`)) return null;
  const children = fs.readFileSync(`/proc/${postmasterPid}/task/${postmasterPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return cpuSeconds(postmasterPid, true) + children.reduce((sum, pid) => sum + cpuSeconds(Number(pid)), 0);
}

/** CPU per op (µs) of each party over a timed phase: where the time of the 2 cores went. */
function cpuMeter(postmasterPid: number | undefined, hubPid?: number) {
  const pg0 = clusterCpuSeconds(postmasterPid);
  const hub0 = hubPid === undefined ? 0 : cpuSeconds(hubPid);
  const self0 = process.cpuUsage();
  return (ops: number) => {
    const pg1 = clusterCpuSeconds(postmasterPid);
    const self = process.cpuUsage(self0);
    const perOp = (seconds: number) => Math.round((seconds * 1e6) / ops);
    return {
      postgresUsPerOp: pg0 === null || pg1 === null ? null : perOp(pg1 - pg0),
      hubUsPerOp: hubPid === undefined ? null : perOp(cpuSeconds(hubPid) - hub0),
      clientUsPerOp: perOp((self.user + self.system) / 1e6),
    };
  };
}

function cpuNote(cpu: { postgresUsPerOp: number | null; hubUsPerOp: number | null; clientUsPerOp: number }): string {
  const us = (v: number | null) => (v === null ? 'n/a' : `${v} µs`);
  return [cpu.postgresUsPerOp, ...(cpu.hubUsPerOp === null ? [] : [cpu.hubUsPerOp]), cpu.clientUsPerOp].map(us).join(' / ');
}

interface HubProcess {
  url: string;
  child: ChildProcess;
  rssMb(): number;
  stop(): Promise<void>;
}

/** The hub as `serve` runs it; node --import tsx directly, so the pid is the server's own. */
async function startHubProcess(databaseUrl: string): Promise<HubProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts', 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('hub exited during start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    rssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function makeDossier(agencyCode: string, n: number): Dossier {
  return {
    id: uuidv7(),
    code: `${agencyCode}-261122-${String(n).padStart(5, '0')}`,
    agencyCode,
    procedureCode: '1.004194',
    procedureName: 'Đăng ký tạm trú',
    applicant: { fullName: 'Nguyễn Thị Hoa', birthDate: '1990-04-12', gender: 'female', address: 'Thôn Phú Lộc', phone: '0912345678' },
    documents: [{ name: 'Tờ khai thay đổi thông tin cư trú', originals: 1, copies: 0 }],
    fees: [{ label: 'Lệ phí đăng ký tạm trú', amount: 15_000 }],
    channel: 'direct',
    delivery: 'counter',
    status: 'received',
    receivedAt: '2026-11-22T01:30:00.000Z',
    dueAt: '2026-11-25T10:00:00.000Z',
    dueProvisional: false,
    receivedBy: 'Lê Văn Nam',
    finishedAt: null,
    returnedAt: null,
    updatedAt: '2026-11-22T01:30:00.000Z',
  };
}

function receivedEvent(d: Dossier): DossierEvent {
  return { id: uuidv7(), dossierId: d.id, type: 'receive', fromStatus: null, toStatus: 'received', at: d.receivedAt, officer: d.receivedBy };
}

/** Runs fn over items with at most `limit` in flight; stops starting new ones once `until()` is false. */
async function withConcurrency<T>(items: T[], limit: number, fn: (item: T) => Promise<void>, until: () => boolean = () => true): Promise<number> {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length && until()) {
        await fn(items[next++]!);
        done += 1;
      }
    }),
  );
  return done;
}

/**
 * One POST over a keep-alive connection. node:http rather than fetch: undici's fetch cost the load
 * generator ~40 µs of CPU per op on the cores the hub and PostgreSQL need.
 */
function postJson(agent: http.Agent, url: string, token: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${token}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const progress = (message: string) => process.stderr.write(`[sync bench] ${message}\n`);

// ── (a) one counter, 50,000 pending ops ─────────────────────────────────────────────────────

async function backlogBench(hub: HubProcess, db: HubDatabase) {
  const agency = 'BENCH.A.H56';
  await createCommune(db.db, { code: agency, name: 'UBND xã đo tải' });
  const core = await openCore({ dataDir: tmpDataDir('sync'), log: { error: () => undefined } });
  try {
    const setup = await core.dispatch('setup.initialize', { ...BENCH_SETUP, office: { ...BENCH_SETUP.office, agencyCode: agency } }, { token: null });
    if (!setup.ok) throw new Error(setup.error.message);
    const login = await core.dispatch('auth.login', { username: BENCH_SETUP.admin.username, password: BENCH_SETUP.admin.password }, { token: null });
    const token = (login as { result: { token: string } }).result.token;
    const code = (await issueEnrollmentCode(db.db, agency, new Date())).code;
    const enrolled = await core.dispatch('sync.enroll', { hubUrl: hub.url, code }, { token });
    if (!enrolled.ok) throw new Error(enrolled.error.message);

    // Valid ops written straight into the outbox (receipts through dispatch would take minutes).
    const epoch = deviceEpoch(core.db);
    const insert = core.db.$client.prepare(
      "INSERT INTO outbox (op_id, device_epoch, op_type, entity_id, payload, created_at, state) VALUES (?, ?, ?, ?, ?, ?, 'pending')",
    );
    core.db.$client.transaction(() => {
      for (let i = 0; i < BACKLOG_OPS / 2; i++) {
        const d = makeDossier(agency, i + 1);
        const e = receivedEvent(d);
        insert.run(uuidv7(), epoch, 'dossier.upsert', d.id, JSON.stringify(d), d.receivedAt);
        insert.run(uuidv7(), epoch, 'dossier.event', e.id, JSON.stringify(e), d.receivedAt);
      }
    })();

    const t0 = performance.now();
    let passes = 0;
    let throttled = 0;
    let pending = BACKLOG_OPS;
    while (pending > 0 && passes < 400 && performance.now() - t0 < 10 * 60_000) {
      const status = await core.services.sync.syncNow();
      passes += 1;
      pending = status.pending;
      if (status.lastError?.code === 'rate_limited') {
        throttled += 1;
        await new Promise((r) => setTimeout(r, 1_000));
      } else if (status.lastError && pending > 0) {
        throw new Error(`push failed: ${status.lastError.code} ${status.lastError.message}`);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const states = core.db.$client.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all();
    return { ops: BACKLOG_OPS, seconds, opsPerSecond: BACKLOG_OPS / seconds, passes, throttledPasses: throttled, pending, states };
  } finally {
    core.close();
  }
}

// ── (b) N communes pushing at once ───────────────────────────────────────────────────────────

interface Device {
  agency: string;
  deviceId: string;
  token: string;
}

async function enrollCommunes(db: HubDatabase, prefix: string, n: number): Promise<Device[]> {
  const devices: Device[] = [];
  const indexes = Array.from({ length: n }, (_, i) => i);
  await withConcurrency(indexes, 16, async (i) => {
    const agency = `${prefix}.${String(i + 1).padStart(4, '0')}.H56`;
    await createCommune(db.db, { code: agency, name: `UBND xã ${i + 1}` });
    const { code } = await issueEnrollmentCode(db.db, agency, new Date());
    const enrolled = await enrollDevice(db.db, { code, deviceName: 'Quầy 1' }, new Date());
    devices.push({ agency, deviceId: enrolled.deviceId, token: enrolled.token });
  });
  return devices;
}

async function communesBench(hub: HubProcess, db: HubDatabase, n: number, postmasterPid: number | undefined) {
  const devices = await enrollCommunes(db, `N${n}`, n);
  const latencies: number[] = [];
  let errors = 0;
  let peakRss = hub.rssMb();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, hub.rssMb())), 250);
  // The request bodies are built before the clock starts (see the header).
  const pushes = devices.map((dev) => {
    const epoch = uuidv7();
    const ops: Op[] = Array.from({ length: DOSSIERS_PER_COMMUNE }, (_, i) => {
      const d = makeDossier(dev.agency, i + 1);
      return { opId: uuidv7(), seq: i + 1, deviceEpoch: epoch, opType: 'dossier.upsert', entityId: d.id, payload: d, createdAt: d.receivedAt };
    });
    const body = JSON.stringify({ deviceId: dev.deviceId, deviceEpoch: epoch, clientTime: new Date().toISOString(), pending: 0, ops });
    return { dev, body: Buffer.from(body) };
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENT_CONCURRENCY });
  const meter = cpuMeter(postmasterPid, hub.child.pid);
  const t0 = performance.now();
  const completed = await withConcurrency(pushes, CLIENT_CONCURRENCY, async ({ dev, body }) => {
    const started = performance.now();
    try {
      const res = await postJson(agent, `${hub.url}/v1/sync/push`, dev.token, body);
      const answer = JSON.parse(res.body) as PushResponse;
      if (res.status !== 200 || answer.results.some((r) => r.result !== 'applied')) errors += 1;
    } catch {
      errors += 1;
    }
    latencies.push(performance.now() - started);
  }, () => performance.now() - t0 < PHASE_BUDGET_MS);
  agent.destroy();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const ops = completed * DOSSIERS_PER_COMMUNE;
  const result = {
    communes: n,
    completed,
    ops,
    seconds,
    opsPerSecond: ops / seconds,
    /** Linear projection when the phase hit its time budget before every commune had pushed. */
    projectedSeconds: completed < n ? (seconds * n) / completed : seconds,
    latency: summarise(latencies),
    errors,
    peakRssMb: Math.round(peakRss),
    cpu: meter(ops),
  };
  progress(`${n} communes: ${completed} done in ${seconds.toFixed(1)} s, ${Math.round(result.opsPerSecond)} ops/s, ${errors} errors`);
  return result;
}

// ── (c) the same rows as a plain batched INSERT ──────────────────────────────────────────────

async function plainInsertBench(url: string, rows: number, postmasterPid: number | undefined) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    await pool.query(
      'CREATE TABLE IF NOT EXISTS bench_plain_dossier (id uuid PRIMARY KEY, code text NOT NULL UNIQUE, commune_code text NOT NULL, status text NOT NULL, snapshot jsonb NOT NULL, received_at timestamptz NOT NULL)',
    );
    // The rows are built before the clock starts, as the pushes are (see the header).
    const text = `INSERT INTO bench_plain_dossier (id, code, commune_code, status, snapshot, received_at) VALUES ${Array.from(
      { length: DOSSIERS_PER_COMMUNE },
      (_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`,
    ).join(', ')}`;
    const batches = Array.from({ length: Math.ceil(rows / DOSSIERS_PER_COMMUNE) }, (_, b) =>
      Array.from({ length: DOSSIERS_PER_COMMUNE }, (_, i) => makeDossier(`PLAIN.${b}`, i + 1)).flatMap((d) => [
        d.id,
        d.code,
        d.agencyCode,
        d.status,
        JSON.stringify(d),
        d.receivedAt,
      ]),
    );
    const meter = cpuMeter(postmasterPid);
    const t0 = performance.now();
    await withConcurrency(batches, 10, async (values) => {
      await pool.query(text, values);
    });
    const seconds = (performance.now() - t0) / 1000;
    return { rows, seconds, rowsPerSecond: rows / seconds, cpu: meter(rows) };
  } finally {
    await pool.end();
  }
}

export async function runSyncBench(): Promise<string> {
  const postgres = await startTestPostgres();
  const database = await openDatabase({ kind: 'postgresql', url: postgres.url, poolSize: 4 });
  const hub = await startHubProcess(postgres.url);
  try {
    const backlog = await backlogBench(hub, database);
    progress(`backlog: ${backlog.seconds.toFixed(1)} s, ${Math.round(backlog.opsPerSecond)} ops/s`);
    const communes = [];
    for (const n of COMMUNE_COUNTS) communes.push(await communesBench(hub, database, n, postgres.postmasterPid));
    const largest = communes.at(-1)!;
    const plain = await plainInsertBench(postgres.url, Math.max(largest.ops, 10_000), postgres.postmasterPid);
    const ratio = largest.opsPerSecond / plain.rowsPerSecond;

    const rows: Row[] = [
      {
        measure: `(a) 1 counter, ${BACKLOG_OPS.toLocaleString('en')} pending ops`,
        goal: '≤ 30 s',
        note: `${backlog.seconds.toFixed(1)} s, ${Math.round(backlog.opsPerSecond)} ops/s, ${backlog.passes} passes, ${backlog.throttledPasses} stopped by the per-device push limit, ${backlog.pending} left`,
      },
      ...communes.map((c) => ({
        measure: `(b) ${c.communes} communes × ${DOSSIERS_PER_COMMUNE} dossiers`,
        median: c.latency.median,
        p95: c.latency.p95,
        goal: c.communes === 3_321 ? '≤ 300 s, 0 errors' : '',
        note:
          (c.completed < c.communes ? `stopped at the ${PHASE_BUDGET_MS / 1000} s budget after ${c.completed}: projected ${c.projectedSeconds.toFixed(0)} s; ` : '') +
          `${c.seconds.toFixed(1)} s, ${Math.round(c.opsPerSecond)} ops/s, ${c.errors} errors, hub RSS peak ${c.peakRssMb} MB`,
      })),
      {
        measure: '(c) hub ingest / plain batched INSERT',
        goal: '≥ 0.25',
        note: `${ratio.toFixed(2)} (${Math.round(largest.opsPerSecond)} vs ${Math.round(plain.rowsPerSecond)} rows/s)`,
      },
      {
        measure: '    CPU per op, push: PostgreSQL / hub / load generator',
        note: cpuNote(largest.cpu),
      },
      {
        measure: '    CPU per row, plain INSERT: PostgreSQL / load generator',
        note: cpuNote(plain.cpu),
      },
    ];
    printTable('Đồng bộ — hub on PostgreSQL (separate process), 127.0.0.1', rows);
    return writeResults('sync', { backlog, communes, plain, ingestRatio: ratio, clientConcurrency: CLIENT_CONCURRENCY });
  } finally {
    await hub.stop();
    await database.close();
    await postgres.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(`→ ${await runSyncBench()}`);
}
