/**
 * `npm run province -- <command>`: the province hub's command line.
 *
 *   serve            [--port 4320] [--host 127.0.0.1]          run the hub (default command)
 *   create-commune   --code <agency code> --name <name>        register a commune
 *   enrollment-code  --commune <code> [--ttl-hours 72]         print a one-time enrollment code
 *   revoke-device    --device <id>                             stop a counter from syncing
 *   create-admin     --username <name>                         password from HUB_ADMIN_PASSWORD or stdin
 *   stats            [--json]                                  per-commune sync health
 *
 * Every command takes `--clock ISO` (e.g. 2026-11-17T09:00:00+07:00): the hub's clock starts at
 * that instant instead of the machine's and runs on (tests, training); under `serve` only the
 * parent process can move it, over IPC.
 *
 * Database: PostgreSQL when DATABASE_URL is set, else embedded PGlite in --data-dir (default: the
 * per-user data folder). PGlite is single-process: stop `serve` before running other commands on
 * the same data folder, or use the admin API.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createCommuneInputSchema } from '@shared/hub-admin/api';
import { createCommune, issueEnrollmentCode, revokeDevice } from './admin/communes';
import { adminCredentialsSchema, upsertAdmin } from './admin/admins';
import { communeStats } from './admin/stats';
import { buildApp } from './app';
import { acceptClockMoves, hostClock, type Clock } from './clock';
import { DEFAULT_HOST, DEFAULT_PORT, defaultDataDir } from './config';
import { openDatabase } from './db/open';
import { S3PaperStore, s3StorageFromEnv } from './files/s3-paper-store';
import type { HubDatabase } from './db/types';
import { HubError } from './errors';

const COMMANDS = ['serve', 'create-commune', 'enrollment-code', 'revoke-device', 'create-admin', 'stats'] as const;
type Command = (typeof COMMANDS)[number];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    commune: { type: 'string' },
    'ttl-hours': { type: 'string' },
    device: { type: 'string' },
    username: { type: 'string' },
    json: { type: 'boolean', default: false },
    clock: { type: 'string' },
  },
});

function dataDir(): string {
  const dir = values['data-dir'] ?? defaultDataDir();
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function open(): Promise<HubDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return openDatabase({ kind: 'postgresql', url });
  return openDatabase({ kind: 'pglite', dataDir: dataDir() });
}

async function readPassword(): Promise<string> {
  if (process.env.HUB_ADMIN_PASSWORD) return process.env.HUB_ADMIN_PASSWORD;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function serve(clock: Clock): Promise<void> {
  const port = z.coerce.number().int().min(1).max(65535).parse(values.port ?? DEFAULT_PORT);
  const host = values.host ?? DEFAULT_HOST;
  // Papers are staged on the hub's disk (beside the embedded database, or in --data-dir with
  // PostgreSQL) and kept there, or in S3-compatible storage when HUB_S3_* is set. A wrong
  // setting stops the start before the database is opened.
  const s3 = s3StorageFromEnv(process.env);
  const stagedDays = z.coerce.number().positive().optional().parse(process.env.HUB_STAGED_UPLOAD_MAX_AGE_DAYS || undefined);
  const files = {
    dir: join(dataDir(), 'files'),
    ...(s3 ? { store: new S3PaperStore(s3) } : {}),
    ...(stagedDays ? { stagedMaxAgeMs: stagedDays * 24 * 3600_000 } : {}),
  };
  const database = await open();
  const app = await buildApp({ database, clock, files, trustProxy: process.env.HUB_TRUST_PROXY === '1' });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port, host });
  acceptClockMoves(clock);
  app.log.info({ database: database.kind, papers: s3 ? `s3 ${s3.endpoint}/${s3.bucket}` : 'fs', ...(values.clock ? { clockStartedAt: values.clock } : {}) }, 'province hub ready');
}

async function runAdminCommand(command: Exclude<Command, 'serve'>, clock: Clock): Promise<void> {
  const database = await open();
  try {
    const { db } = database;
    switch (command) {
      case 'create-commune': {
        const created = await createCommune(db, createCommuneInputSchema.parse({ code: values.code, name: values.name }));
        print({ code: created.code, name: created.name }, `Đã tạo xã ${created.name} (${created.code}).`);
        break;
      }
      case 'enrollment-code': {
        const communeCode = z.string().min(1).parse(values.commune);
        const ttl = values['ttl-hours'] ? z.coerce.number().int().min(1).parse(values['ttl-hours']) : undefined;
        const issued = await issueEnrollmentCode(db, communeCode, clock.now(), ttl);
        if (values.json) {
          print({ code: issued.code, communeCode, expiresAt: issued.expiresAt.toISOString() }, '');
        } else {
          // The code alone on stdout, so scripts can capture it; the explanation goes to stderr.
          process.stdout.write(`${issued.code}\n`);
          process.stderr.write(
            `Mã đăng ký dùng một lần cho xã ${communeCode}, hết hạn ${issued.expiresAt.toISOString()}.\n`,
          );
        }
        break;
      }
      case 'revoke-device': {
        const id = z.uuid().parse(values.device);
        await revokeDevice(db, id);
        print({ ok: true, deviceId: id }, `Đã thu hồi thiết bị ${id}.`);
        break;
      }
      case 'create-admin': {
        const input = adminCredentialsSchema.parse({ username: values.username, password: await readPassword() });
        await upsertAdmin(db, input);
        print({ ok: true, username: input.username }, `Đã lưu tài khoản quản trị ${input.username}.`);
        break;
      }
      case 'stats': {
        const stats = await communeStats(db);
        if (values.json) print({ communes: stats }, '');
        else console.table(stats);
        break;
      }
    }
  } finally {
    await database.close();
  }
}

function print(json: unknown, human: string): void {
  process.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : `${human}\n`);
}

async function main(): Promise<void> {
  const command = (positionals[0] ?? 'serve') as Command;
  if (!COMMANDS.includes(command)) {
    throw new HubError(2, 'unknown_command', `Lệnh không hợp lệ "${command}". Các lệnh: ${COMMANDS.join(', ')}.`);
  }
  let clock: Clock;
  try {
    clock = hostClock(values.clock);
  } catch (err) {
    throw new HubError(2, 'bad_clock', (err as Error).message);
  }
  if (command === 'serve') await serve(clock);
  else await runAdminCommand(command, clock);
}

main().catch((err: unknown) => {
  if (err instanceof HubError) {
    process.stderr.write(`Lỗi: ${err.message}\n`);
  } else if (err instanceof z.ZodError) {
    const fields = err.issues.map((i) => i.path.join('.') || '(tham số)').join(', ');
    process.stderr.write(`Lỗi: tham số không hợp lệ hoặc còn thiếu: ${fields}.\n`);
  } else {
    process.stderr.write(`Lỗi không mong đợi: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
