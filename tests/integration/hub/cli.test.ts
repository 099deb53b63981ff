/**
 * The operator's path, end to end on an embedded (PGlite) data folder: create a commune, print an
 * enrollment code, a counter enrolls and pushes, `stats --json` shows it. Each CLI call is a real
 * `npx tsx src-server/main.ts …` process; PGlite is single-process, so the in-test hub opens the
 * folder only between CLI calls.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-server/db/open';
import { runningClock } from '../../support/clock';
import { makeDossier, push, startHub, upsertOp, type Counter } from './harness';

const ROOT = new URL('../../../', import.meta.url).pathname;
/** The province's day: every CLI process and the in-test hub start their clocks from it. */
const day = runningClock();

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
    const child = spawn('npx', ['tsx', 'src-server/main.ts', ...args, '--clock', day.now().toISOString()], {
      cwd: ROOT,
      env: { ...parentEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('province CLI on a PGlite data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const code = '000.21.14.H56';

  it('creates a commune, issues a one-time code that enrolls a counter, and reports stats as JSON', { timeout: 120_000 }, async () => {
    const created = await cli(['create-commune', '--data-dir', dataDir, '--code', code, '--name', 'UBND xã Quảng Phú']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Đã tạo xã UBND xã Quảng Phú');

    const again = await cli(['create-commune', '--data-dir', dataDir, '--code', code, '--name', 'Trùng']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã tồn tại');

    const issued = await cli(['enrollment-code', '--data-dir', dataDir, '--commune', code]);
    expect(issued.code, issued.stderr).toBe(0);
    const enrollment = issued.stdout.trim();
    expect(enrollment).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$/);

    // A counter enrolls with the printed code and pushes one dossier through the hub.
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const hub = await startHub({ database, dispose: () => database.close() }, { clock: day });
      const res = await hub.app.inject({
        method: 'POST',
        url: '/v1/devices/enroll',
        payload: { code: enrollment, deviceName: 'Quầy 1' },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<{ deviceId: string; token: string }>();
      const counter: Counter = {
        deviceId: body.deviceId,
        token: body.token,
        communeCode: code,
        epoch: uuidv7(),
        seq: 0,
        headers: { authorization: `Bearer ${body.token}` },
      };
      const pushed = await push(hub, counter, [upsertOp(counter, makeDossier(code))], { pending: 3 });
      expect(pushed.body.results[0]!.result).toBe('applied');
      await hub.close();
    } finally {
      await database.close();
    }

    const stats = await cli(['stats', '--json', '--data-dir', dataDir]);
    expect(stats.code, stats.stderr).toBe(0);
    const parsed = JSON.parse(stats.stdout) as { communes: Record<string, unknown>[] };
    expect(parsed.communes).toHaveLength(1);
    expect(parsed.communes[0]).toMatchObject({
      code,
      name: 'UBND xã Quảng Phú',
      devices: 1,
      dossiers: 1,
      pendingReported: 3,
      lastPullAt: null,
    });
    expect(Date.parse(String(parsed.communes[0]!.lastPushAt))).toBeGreaterThan(day.now().getTime() - 120_000);
  });

  it('refuses to serve with a half-filled S3 configuration, naming what is missing, before opening the database', { timeout: 60_000 }, async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'hub-cli-s3-'));
    const started = await cli(['serve', '--data-dir', emptyDir, '--port', '1'], { HUB_S3_BUCKET: 'ho-so-giay-to', HUB_S3_ACCESS_KEY_ID: 'mot-cua-hub' });
    expect(started.code).toBe(1);
    expect(started.stderr).toContain('Cấu hình lưu trữ S3 chưa đủ hoặc sai: HUB_S3_ENDPOINT, HUB_S3_SECRET_ACCESS_KEY.');
    expect(readdirSync(emptyDir)).toEqual([]);
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it('refuses an unknown command and missing arguments with a Vietnamese message and exit code 1', { timeout: 60_000 }, async () => {
    const unknown = await cli(['launch-rockets', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Lệnh không hợp lệ');
    const missing = await cli(['enrollment-code', '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('tham số');
  });
});
