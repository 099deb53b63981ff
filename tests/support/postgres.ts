/**
 * A real PostgreSQL for tests, with a fresh database per call.
 *
 * - DATABASE_URL set: a new database is created on that server and dropped afterwards.
 * - Otherwise: a throwaway cluster from the Debian binaries (ENVIRONMENT.md recipe: initdb as the
 *   postgres user, loopback only, random free port, fsync off), removed afterwards.
 * - Neither possible: throws. Hub tests must fail loudly, never silently skip PostgreSQL.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  url: string;
  /** The throwaway cluster's postmaster (absent with DATABASE_URL), for CPU accounting in benches. */
  postmasterPid?: number;
  stop(): Promise<void>;
}

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

async function createDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hubtest_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** initdb refuses to run as root: run the cluster as the postgres user then. */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]] : [join(PG_BIN, bin), args];
}

async function startCluster(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const exec = (bin: string, args: string[]) => {
    const [cmd, argv] = asPostgres(bin, args);
    return run(cmd, argv, { timeout: 60_000 });
  };
  try {
    await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    await exec('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`,
      'start',
    ]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Không khởi động được PostgreSQL thử nghiệm: ${(err as Error).message}`);
  }
  const serverUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const database = await createDatabase(serverUrl);
  return {
    url: database.url,
    postmasterPid: Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop: async () => {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch((err: { code?: unknown }) => {
        if (typeof err.code !== 'number') throw err; // pg_ctl exiting non-zero: the server had stopped already
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.DATABASE_URL) {
    const database = await createDatabase(process.env.DATABASE_URL);
    return { url: database.url, stop: database.drop };
  }
  if (existsSync(join(PG_BIN, 'initdb'))) return startCluster();
  throw new Error(
    `PostgreSQL is required for the hub tests: set DATABASE_URL or install Debian's postgresql (${PG_BIN}/initdb not found).`,
  );
}
