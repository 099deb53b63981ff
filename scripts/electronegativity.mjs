// Security gate: Electronegativity over the Electron layer's source (src-main/electron, preload
// included; the built dist/ is not scanned: whether it exists depends on the last build, and a
// lone bundled file trips the tool's whole-app checks). The tool exits 0 whatever it finds, so
// this script reads its SARIF output and fails on any finding not accepted, with a reason, in
// electronegativity-allow.json. The release-data check needs the internet and is excluded
// (ANCHORS.md §3.2).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --input/--allow exist for tests/security/electronegativity.test.ts, which proves the gate bites.
const { values: args } = parseArgs({ options: { input: { type: 'string' }, allow: { type: 'string' } } });
const bin = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const allow = JSON.parse(fs.readFileSync(args.allow ?? path.join(root, 'scripts', 'electronegativity-allow.json'), 'utf8')).allow;
const targets = [args.input ?? 'src-main/electron'];

const relative = (uri) => {
  if (!uri || uri === 'file:///') return '';
  const p = uri.startsWith('file://') ? fileURLToPath(uri) : uri;
  return path.relative(root, path.resolve(root, p)).split(path.sep).join('/');
};

let failures = 0;
let findings = 0;
for (const target of targets) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-eng-')), 'result.sarif');
  const r = spawnSync(process.execPath, [bin, '-i', path.resolve(root, target), '-o', out, '-x', 'AvailableSecurityFixesGlobalCheck'], {
    encoding: 'utf8',
    cwd: root,
  });
  if (!fs.existsSync(out)) {
    console.error(`electronegativity produced no report for ${target} (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
    process.exit(1);
  }
  const sarif = JSON.parse(fs.readFileSync(out, 'utf8'));
  for (const run of sarif.runs ?? []) {
    for (const result of run.results ?? []) {
      findings += 1;
      const loc = result.locations?.[0]?.physicalLocation;
      const file = relative(loc?.artifactLocation?.uri);
      const line = loc?.region?.startLine ?? 0;
      const accepted = allow.find((a) => a.check === result.ruleId && a.file === file && a.reason?.trim());
      const where = `${file || '(global)'}${line ? `:${line}` : ''}`;
      if (accepted) {
        console.log(`  accepted  ${result.ruleId} ${where}`);
      } else {
        failures += 1;
        console.log(`  FINDING   ${result.ruleId} ${where}: ${result.message?.text ?? ''}`);
      }
    }
  }
}
console.log(`electronegativity: ${targets.join(', ')}: ${findings} findings, ${failures} not accepted`);
process.exit(failures === 0 ? 0 : 1);
