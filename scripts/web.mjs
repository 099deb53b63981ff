// `npm run web`: the browser host, run as shipped: compiled JavaScript under plain node (not the
// tsx loader, which compiled the TypeScript at every start). Builds what is missing or older than
// its sources first (the UI bundle with vite, the host with esbuild), so a fresh clone works and
// an edited source is never served stale.
//   node scripts/web.mjs [host args…]
//   node scripts/web.mjs --build-only      (what the benchmarks run before timing starts)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { build } from 'vite';
import { WEB_HOST_BUNDLE, buildWebHost, webHostIsFresh } from './node-bundle.mjs';

if (!fs.existsSync('dist/renderer/index.html')) await build({ configFile: 'vite.config.ts', logLevel: 'error' });
if (!webHostIsFresh()) await buildWebHost();
if (process.argv[2] === '--build-only') process.exit(0);
const child = spawn(process.execPath, ['--enable-source-maps', WEB_HOST_BUNDLE, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
