// `npm run test:at -- 2029-03-01 [HH:MM] [vitest filters…]`: `npm test` with this machine's clock
// moved to that day (09:00 in Vietnam unless a time is given) by libfaketime (Debian `faketime`).
// It proves that no test depends on the day it runs: the hosts and test processes see the moved
// clock, while every test still sets its own (tests/support/clock.ts).
//
// The offset is relative (faketime "+N" seconds), so every process sees the same moved clock
// whenever it starts; monotonic clocks stay real (FAKETIME_DONT_FAKE_MONOTONIC=1), so timeouts and
// durations behave. Chromium does not start under the preload: tests/support/browser.ts launches
// it without LD_PRELOAD/FAKETIME (the page's clock is set by Playwright to the host's anyway).
import { spawnSync } from 'node:child_process';

const [day, ...rest] = process.argv.slice(2);
const time = /^\d{2}:\d{2}$/.test(rest[0] ?? '') ? rest.shift() : '09:00';
if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
  console.error('Cách dùng: npm run test:at -- YYYY-MM-DD [HH:MM] [bộ lọc vitest…]   (ví dụ: npm run test:at -- 2029-03-01)');
  process.exit(2);
}
const target = Date.parse(`${day}T${time}:00+07:00`);
if (Number.isNaN(target)) {
  console.error(`Ngày giờ không hợp lệ: ${day} ${time}`);
  process.exit(2);
}
if (spawnSync('faketime', ['--version'], { stdio: 'ignore' }).error) {
  console.error('Cần chương trình faketime (Debian: apt-get install -y faketime).');
  process.exit(2);
}

// The one wall-clock read of this script: the offset from now to the target.
const offsetSeconds = Math.round((target - Date.now()) / 1000);
console.log(`Kiểm thử với đồng hồ máy đặt ở ${day} ${time} (giờ Việt Nam), lệch ${offsetSeconds} giây so với giờ thật.`);
const r = spawnSync('faketime', ['-f', `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`, process.execPath, 'scripts/test.mjs', ...rest], {
  stdio: 'inherit',
  env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
});
process.exit(r.status ?? 1);
