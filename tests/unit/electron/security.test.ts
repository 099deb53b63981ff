/** Electron's security checklist, checked on the module main.ts wires in (no Electron binary needed). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isAllowedExternal,
  isAllowedNavigation,
  isTrustedSender,
  permissionDecision,
  resolveAppRequest,
  windowOpenDecision,
  windowOptions,
} from '../../../src-main/electron/security';

const ROOT = path.resolve('/opt/motcua/dist/renderer');

describe('window options', () => {
  const prefs = windowOptions('/opt/motcua/preload.cjs').webPreferences!;
  it('isolates the renderer: context isolation, sandbox, no Node, no webviews', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.preload).toBe('/opt/motcua/preload.cjs');
  });
  it('opens at a size that fits a 1366×768 counter screen', () => {
    const o = windowOptions('p');
    expect(o.width).toBeLessThanOrEqual(1366);
    expect(o.minWidth).toBeLessThanOrEqual(1366);
  });
});

describe('content security policy', () => {
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  it('runs only our own scripts, never eval or inline script', () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives['default-src']).toEqual(["'self'"]);
  });
  it('forbids plugins, base rewriting, form posts and being framed', () => {
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });
  it('talks only to its own origin', () => {
    expect(directives['connect-src']).toEqual(["'self'"]);
  });
});

describe('app:// protocol path guard', () => {
  it.each([
    ['app://motcua/', 'index.html'],
    ['app://motcua/index.html', 'index.html'],
    ['app://motcua/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://motcua/assets/t%C3%AAn.png', 'assets/tên.png'],
  ])('serves %s from inside the bundle', (url, rel) => {
    expect(resolveAppRequest(url, ROOT)).toBe(path.join(ROOT, rel));
  });

  it.each([
    'app://motcua/../../etc/passwd',
    'app://motcua/%2e%2e/%2e%2e/etc/passwd',
    'app://motcua/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret',
    'app://motcua/assets/..%2f..%2f..%2f..%2fetc%2fshadow',
    'app://motcua//etc/passwd',
  ])('never resolves %s outside the bundle', (url) => {
    const resolved = resolveAppRequest(url, ROOT);
    expect(resolved === null || resolved.startsWith(ROOT + path.sep)).toBe(true);
  });

  it.each([
    'app://motcua/..%5c..%5cwindows%5csystem32',
    'app://motcua/assets/%00.js',
    'app://motcua/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://motcua/index.html',
    'not a url',
  ])('refuses %s outright', (url) => {
    expect(resolveAppRequest(url, ROOT)).toBeNull();
  });
});

describe('navigation, windows, permissions and IPC senders', () => {
  it('allows navigation only within app://motcua', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const u of ['https://example.com', 'http://127.0.0.1:4310/', 'file:///C:/Windows', 'app://evil/', 'javascript:alert(1)', 'data:text/html,x']) {
      expect(isAllowedNavigation(u)).toBe(false);
    }
  });
  it('denies every new window and every permission but the camera for our own page', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial']) {
      expect(permissionDecision(p)).toBe(false);
      expect(permissionDecision(p, { url: 'app://motcua/index.html' })).toBe(false);
    }
    // Số hóa with a webcam: video only, from our origin only.
    expect(permissionDecision('media', { url: 'app://motcua/index.html', mediaTypes: ['video'] })).toBe(true);
    expect(permissionDecision('media', { url: 'app://motcua/index.html', mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(permissionDecision('media', { url: 'app://motcua/index.html', mediaTypes: ['audio'] })).toBe(false);
    expect(permissionDecision('media', { url: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    expect(permissionDecision('geolocation', { url: 'app://motcua/index.html', mediaTypes: ['video'] })).toBe(false);
  });
  it('answers IPC only from our own origin', () => {
    expect(isTrustedSender('app://motcua/index.html')).toBe(true);
    expect(isTrustedSender('https://attacker.example/')).toBe(false);
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('links to the outside world', () => {
  it.each([
    'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
    'https://dichvucong.gov.vn',
    'https://hanhchinhcong.dichvucong.gov.vn/tra-cuu',
    'HTTPS://DICHVUCONG.GOV.VN/',
  ])('opens the national portal %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'https://dichvucong.gov.vn.evil.example/',
    'https://evildichvucong.gov.vn/',
    'http://dichvucong.gov.vn/',
    'https://user:pass@dichvucong.gov.vn/',
    'https://dichvucong.gov.vn:8443/',
    'file:///C:/Windows/System32/calc.exe',
    'ms-settings:privacy',
    'smb://10.0.0.5/share',
    'javascript:alert(1)',
    'app://motcua/index.html',
    'not a url',
  ])('opens nothing for %s', (url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});
