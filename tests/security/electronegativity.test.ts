/**
 * The Electronegativity gate bites: an Electron main file with context isolation and the sandbox
 * off fails it, even though the tool itself exits 0. (`npm test` runs the gate on
 * src-main/electron as a counted check.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../support/web-host';

describe('electronegativity gate', () => {
  it('fails on an insecure BrowserWindow that the allow-list does not accept', { timeout: 90_000 }, () => {
    const dir = tempDir('motcua-eng-sample-');
    fs.writeFileSync(
      path.join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'electronegativity.mjs'), '--input', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/FINDING\s+CONTEXT_ISOLATION_JS_CHECK .*main\.js:2/);
    expect(r.stdout).toMatch(/FINDING\s+SANDBOX_JS_CHECK .*main\.js:2/);
  });

  it('accepts nothing without a reason', () => {
    const allow = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'electronegativity-allow.json'), 'utf8')) as { allow: { check: string; reason: string }[] };
    expect(allow.allow.length).toBeGreaterThan(0);
    for (const a of allow.allow) expect(a.reason.length, a.check).toBeGreaterThan(40);
  });
});
