// Runs a TypeScript host with tsx after building the UI bundle it serves when that is missing,
// so `npm run province` works on a fresh clone. (`npm run web` runs the compiled host: web.mjs.)
//   node scripts/host.mjs <vite config> <bundle dir> <entry.ts> [args…]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'vite';

const [configFile, bundleDir, entry, ...args] = process.argv.slice(2);
const require = createRequire(import.meta.url);
if (!fs.existsSync(path.join(bundleDir, 'index.html'))) {
  await build({ configFile, logLevel: 'error' });
}
const child = spawn(process.execPath, [require.resolve('tsx/cli'), entry, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
