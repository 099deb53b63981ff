// `npm run typecheck`: TypeScript over every layer with the globals that layer may use (each
// folder's tsconfig.json: no Buffer or process in src-shared, no document in Node code, no Node
// types in the browser UIs), then the tests, benches and configs (tsconfig.json). One line per
// project; exits non-zero if any fails.
import { spawn } from 'node:child_process';
import path from 'node:path';

const PROJECTS = [
  'src-shared',
  'src-ui',
  'src-main',
  'src-renderer',
  'src-server',
  'src-server/admin-ui',
  '.',
];

const tsc = path.resolve('node_modules', 'typescript', 'bin', 'tsc');

/** One project; its errors are printed once it is done, so two running at once do not interleave. */
function check(project) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--noEmit'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${output}${code === 0 ? 'ok  ' : 'FAIL'} ${path.join(project, 'tsconfig.json')} (${seconds} s)\n`);
      resolve(code === 0);
    });
  });
}

// Two at a time: the projects are independent, and two cores are the usual machine here.
const queue = [...PROJECTS];
const results = [];
await Promise.all(
  [0, 1].map(async () => {
    for (let project = queue.shift(); project !== undefined; project = queue.shift()) results.push(await check(project));
  }),
);
process.exit(results.every(Boolean) ? 0 : 1);
