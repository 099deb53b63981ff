// `npm start`: build, then launch the Electron app. Where the Electron binary is missing (a
// machine that could not download it), say so and serve the same app in the browser instead,
// so the counter can keep working.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args) =>
  new Promise((resolve) => spawn(cmd, args, { stdio: 'inherit', shell: false }).on('exit', (code) => resolve(code ?? 1)));

const built = await run(process.execPath, ['scripts/build.mjs']);
if (built !== 0) process.exit(built);

let electronBinary = null;
let missingBecause = '';
try {
  electronBinary = require('electron'); // the path of the binary, or throws if it was never downloaded
} catch (err) {
  missingBecause = err instanceof Error ? err.message : String(err);
}

if (electronBinary) {
  process.exit(await run(electronBinary, ['.']));
} else {
  console.warn(
    'Không tìm thấy Electron trên máy này (cần Internet khi cài đặt). Mở ứng dụng ở chế độ trình duyệt thay thế.\n' +
      `Electron binary not installed (${missingBecause}); starting the browser host instead (npm run web).`,
  );
  // The compiled browser host scripts/build.mjs has just built (dist/web/main.mjs).
  process.exit(await run(process.execPath, ['--enable-source-maps', 'dist/web/main.mjs', ...process.argv.slice(2)]));
}
