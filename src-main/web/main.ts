/**
 * `npm run web -- [--port 4310] [--host 127.0.0.1] [--data-dir DIR] [--allowed-host NAME]… [--clock ISO]`:
 * the browser host. Binds to this machine only unless --host says otherwise (LAN desks still sign
 * in). It answers only its own names: loopback, the bound address (every LAN address of this
 * machine with --host 0.0.0.0), the computer name and each --allowed-host. On a fresh install it
 * prints the one-time code that first-run setup from another machine needs.
 * `--clock 2026-11-17T09:00:00+07:00` starts core's clock at that instant instead of the
 * machine's (tests, training); it then runs on, and only the parent process can move it (IPC).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseDamagedError } from '../core/backup/startup-guard';
import { acceptClockMoves, hostClock } from '../core/clock';
import { openCore } from '../core/core';
import { APP_ROOT, defaultDataDir } from '../core/paths';
import { createWebServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4310' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string', default: defaultDataDir() },
    'allowed-host': { type: 'string', multiple: true, default: [] },
    clock: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Cổng không hợp lệ: ${values.port}`);
  process.exit(2);
}

let clock: ReturnType<typeof hostClock>;
try {
  clock = hostClock(values.clock);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const dataDir = path.resolve(values['data-dir']);
let core: Awaited<ReturnType<typeof openCore>>;
try {
  core = await openCore({ dataDir, clock, deferBackground: true });
} catch (err) {
  // A damaged database after a power cut: say what to do, in Vietnamese, without a stack trace.
  if (err instanceof DatabaseDamagedError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const app = await createWebServer({
  core,
  rendererDir: path.join(APP_ROOT, 'dist', 'renderer'),
  bind: values.host,
  allowedHosts: values['allowed-host'],
});
const address = await app.listen({ port, host: values.host });
// Sign-in first: the background jobs (the day's backup, OCR, owed timestamps) and sync (its own
// triggers: local commits, reconnection, backoff, the nightly window) start once the host listens.
core.startBackground();
core.services.sync.start();
console.log(`Một Cửa Xã (trình duyệt) đang chạy tại ${address.replace('[::1]', 'localhost')}`);
console.log(`Dữ liệu: ${dataDir}`);
if (values.clock !== undefined) console.log(`Đồng hồ thử nghiệm: bắt đầu từ ${values.clock}, không theo giờ của máy.`);
acceptClockMoves(clock);
const setupCode = core.setupCode();
if (setupCode) {
  // Printed here only: whoever can read this console is at (or administers) the host machine.
  console.log(`Chưa khởi tạo. Khởi tạo ngay trên máy này, hoặc từ máy khác với mã khởi tạo: ${setupCode}`);
}

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await app.close();
  core.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
