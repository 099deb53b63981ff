// `npm test`: typecheck, lint, then every vitest suite (unit, integration, e2e, print, sim…),
// ending with the one line CI reads: "N passed, N failed". Typecheck and lint count as one
// check each. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Package files by path: some packages (eslint) do not export their bin through "exports".
const bin = (pkg, rel) => path.resolve('node_modules', pkg, rel);
let passed = 0;
let failed = 0;

function step(title, args, env = process.env) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  return r.status === 0;
}

const vitestArgs = process.argv.slice(2);
const onlySome = vitestArgs.length > 0;

if (!onlySome) {
  for (const [title, args] of [
    ['typecheck', ['scripts/typecheck.mjs']],
    ['lint', [bin('eslint', 'bin/eslint.js'), '--max-warnings', '0', '.']],
    ['electronegativity', ['scripts/electronegativity.mjs']],
  ]) {
    if (step(title, args)) passed += 1;
    else failed += 1;
  }
}

fs.mkdirSync('tests/artifacts', { recursive: true });
const report = 'tests/artifacts/vitest-report.json';
fs.rmSync(report, { force: true });
// Every temporary folder the suite makes (data folders, hosts, browser profiles, printed PDFs) goes
// into one folder of this run, through TMPDIR, which the workers, the hosts and Chromium inherit;
// it is removed when the run ends. Left in the system's temp folder, a whole run leaves ~230
// folders and ~350 MB behind, every time.
const runTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-run-'));
const ok = step('vitest', [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs], { ...process.env, TMPDIR: runTmp });
try {
  fs.rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
} catch (err) {
  console.warn(`Could not remove ${runTmp}: ${err.message}`);
}
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  // A file that failed to load has no test results of its own: count it once.
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  failed += r.numFailedTests + brokenFiles;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (skipped > 0) {
    console.log(`${skipped} skipped tests: a skipped test is a defect here.`);
    failed += skipped;
  }
} else {
  failed += 1;
}
if (!ok && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
