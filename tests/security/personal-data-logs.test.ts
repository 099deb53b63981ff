/**
 * Logs never carry a citizen's ID number (số định danh), an officer's password or a bearer
 * token: not the browser host's console during ordinary and refused calls, and not core's error
 * log when a receipt fails deep inside the database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_INSTANT } from '../support/clock';
import { startCoreHost } from '../support/core-host';
import { REPO_ROOT, rpcCall, SAMPLE_SETUP, tempDir } from '../support/web-host';

const ID_NUMBER = '038186009876';
const WRONG_PASSWORD = 'SaiMatKhau2026';

/** `npm run web` as a child, with every byte it prints kept (from the very first line). */
function startCapturedWebHost(): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const args = ['src-main/web/main.ts', '--port', '0', '--data-dir', tempDir('motcua-logs-'), '--clock', TEST_INSTANT];
  const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/đang chạy tại (http:\/\/\S+)/);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

describe('the browser host console', () => {
  let host: Awaited<ReturnType<typeof startCapturedWebHost>>;
  let output = '';
  let token = '';

  beforeAll(async () => {
    host = await startCapturedWebHost();
    await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP);
    await rpcCall(host.url, 'auth.login', { username: 'quantri', password: WRONG_PASSWORD });
    token = (await rpcCall(host.url, 'auth.login', { username: 'quantri', password: SAMPLE_SETUP.admin.password })).body.result.token;
    const applicant = { fullName: 'Lê Thị Mai', idNumber: ID_NUMBER, phone: '0912345678' };
    const ok = await rpcCall(host.url, 'dossiers.receive', { procedureCode: '1.004194', applicant }, token);
    expect(ok.status).toBe(200);
    // Refused calls echo nothing personal into the log either.
    expect((await rpcCall(host.url, 'dossiers.receive', { procedureCode: '1.004194', applicant: { ...applicant, birthDate: '2026-02-30' } }, token)).status).toBe(400);
    expect((await rpcCall(host.url, 'dossiers.receive', { procedureCode: '2.000815', applicant }, token)).status).toBe(400);
    expect((await rpcCall(host.url, 'dossiers.search', { query: ID_NUMBER }, token)).status).toBe(200);
    await new Promise<void>((resolve) => {
      host.child.once('exit', () => resolve());
      host.child.kill('SIGTERM');
    });
    output = host.output();
  }, 60_000);
  afterAll(() => {
    if (host?.child.exitCode === null) host.child.kill('SIGKILL');
  });

  it('shows no ID number, password or token, while it did run and log its start', () => {
    expect(output).toContain('đang chạy tại');
    expect(output).not.toContain(ID_NUMBER);
    expect(output).not.toContain(WRONG_PASSWORD);
    expect(output).not.toContain(SAMPLE_SETUP.admin.password);
    expect(output).not.toContain(token);
  });
});

describe("core's error log", () => {
  it('records a failed receipt without the applicant ID number', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}\n${JSON.stringify(a)}` : String(a))).join(' '));
    });
    const host = await startCoreHost();
    try {
      await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP);
      const token = (await rpcCall(host.url, 'auth.login', { username: 'quantri', password: SAMPLE_SETUP.admin.password })).body.result.token;
      // The disk refuses the write half-way through the receiving transaction.
      host.core.db.$client.exec("CREATE TRIGGER boom BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END;");
      const res = await rpcCall(host.url, 'dossiers.receive', { procedureCode: '1.004194', applicant: { fullName: 'Lê Thị Mai', idNumber: ID_NUMBER } }, token);
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toContain('disk I/O');
      expect(logged.join('\n')).toContain('disk I/O error (simulated)');
      expect(logged.join('\n')).not.toContain(ID_NUMBER);
      expect(logged.join('\n')).not.toContain(token);
      expect((host.core.db.$client.prepare('SELECT count(*) AS n FROM dossier').get() as { n: number }).n).toBe(0);
    } finally {
      spy.mockRestore();
      await host.close();
    }
  });
});
