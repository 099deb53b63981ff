/**
 * What the packaged Electron app is allowed to do, checked on the files that decide it: the fuses
 * electron-builder flips (electron-builder.yml) and the application menu main.ts installs
 * (issue #14: no fuses were set, and Electron's default menu reloads the page with Ctrl+R / F5 and
 * opens developer tools).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, DEVELOPER_ROLES, isDevelopment } from '../../../src-main/electron/security';
import { REPO_ROOT } from '../../support/web-host';

/** The `electronFuses:` block of electron-builder.yml as key → boolean (flat YAML, no library needed). */
function fusesOf(yaml: string): Record<string, boolean> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0);
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^\s{2}([A-Za-z]+):\s*(true|false)\s*$/.exec(line);
    if (!m) break;
    fuses[m[1]!] = m[2] === 'true';
  }
  return fuses;
}

describe('Electron fuses (electron-builder.yml)', () => {
  const fuses = fusesOf(fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8'));

  it('turns off running as Node, NODE_OPTIONS and --inspect, and file:// privileges', () => {
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('encrypts cookies and loads the app only from an integrity-checked app.asar', () => {
    expect(fuses.enableCookieEncryption).toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
  });

  it('names only fuses electron-builder 26 knows', () => {
    const known = new Set(['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges']);
    const schema = fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'app-builder-lib', 'out', 'configuration.d.ts'), 'utf8');
    for (const name of Object.keys(fuses)) {
      expect(known.has(name), name).toBe(true);
      expect(schema).toContain(`${name}?: boolean`);
    }
  });
});

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [String(i.role)] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
}

describe('application menu', () => {
  it('has no reload and no developer tools in production, and keeps the editing keys', () => {
    const production = roles(applicationMenuTemplate(false));
    for (const r of DEVELOPER_ROLES) expect(production).not.toContain(r);
    expect(production).toEqual(expect.arrayContaining(['copy', 'paste', 'undo', 'selectAll', 'quit']));
  });

  it('offers them to a developer only', () => {
    expect(roles(applicationMenuTemplate(true))).toEqual(expect.arrayContaining([...DEVELOPER_ROLES]));
  });

  it('counts as development only unpackaged and asked for', () => {
    expect(isDevelopment({ MOTCUA_DEVTOOLS: '1' }, false)).toBe(true);
    expect(isDevelopment({ MOTCUA_DEVTOOLS: '1' }, true)).toBe(false);
    expect(isDevelopment({}, false)).toBe(false);
  });
});
