/**
 * Electron's security checklist as plain data and pure functions, so unit tests check it without
 * the Electron binary. main.ts only wires these into Electron's hooks.
 *  - contextIsolation, sandbox, no nodeIntegration, no webviews, web security on;
 *  - the UI loads from app://motcua only; a path-traversal guard keeps it inside the bundle;
 *  - navigation, new windows and every permission request are denied;
 *  - IPC answers only the top frame of our own origin.
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../core/security/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'motcua';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Một Cửa Xã',
    backgroundColor: '#f0f3f7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: process.env.MOTCUA_DEVTOOLS === '1',
    },
  };
}

/**
 * Maps an app:// request URL to a file inside `root`, or null when it is not ours or would
 * escape the bundle (../, encoded %2e%2e, backslashes, absolute paths, other hosts).
 */
export function resolveAppRequest(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err; // not a URL
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch (err) {
    if (!(err instanceof URIError)) throw err; // a broken %-escape
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const resolvedRoot = path.resolve(root);
  const target = path.resolve(resolvedRoot, relative);
  if (target !== resolvedRoot && !target.startsWith(resolvedRoot + path.sep)) return null;
  return target;
}

/** The only place the window may be: our own origin. Everything else is refused. */
export function isAllowedNavigation(targetUrl: string): boolean {
  try {
    const url = new URL(targetUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch (err) {
    if (!(err instanceof TypeError)) throw err; // not a URL
    return false;
  }
}

/** An IPC call is answered only when it comes from our origin (ARCHITECTURE.md §3). */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAllowedNavigation(frameUrl);
}

/** Camera, microphone, geolocation, notifications…: none is needed, all are denied. */
export function permissionDecision(_permission: string): false {
  return false;
}

export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** The IPC channel names; preload exposes nothing else. */
export const IPC_INVOKE = 'motcua:invoke';
export const IPC_EVENT = 'motcua:event';
