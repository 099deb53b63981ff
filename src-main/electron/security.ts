/**
 * Electron's security checklist as plain data and pure functions, so unit tests check it without
 * the Electron binary. main.ts only wires these into Electron's hooks.
 *  - contextIsolation, sandbox, no nodeIntegration, no webviews, web security on;
 *  - the UI loads from app://motcua only; a path-traversal guard keeps it inside the bundle;
 *  - navigation (of the window and of any frame), new windows and every permission request are
 *    denied; only the national portal opens, in the system browser;
 *  - the application menu has no reload and no developer tools outside development;
 *  - IPC answers only the top frame of our own origin.
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../core/security/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'motcua';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** `development`: devtools allowed (an unpackaged app started with MOTCUA_DEVTOOLS=1 only). */
export function windowOptions(preloadPath: string, development = false): BrowserWindowConstructorOptions {
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
      devTools: development,
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

/**
 * Only the camera, for số hóa at communes without a scanner, and only for our own page; the
 * microphone, geolocation, notifications… are not needed and are denied.
 */
export function permissionDecision(permission: string, request: { url?: string | undefined; mediaTypes?: readonly string[] | undefined } = {}): boolean {
  const media = request.mediaTypes ?? [];
  return permission === 'media' && isTrustedSender(request.url) && media.length > 0 && media.every((m) => m === 'video');
}

export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * The only sites a link may open, in the system browser: the national public-service portal
 * (Cổng Dịch vụ công quốc gia) and its subdomains, over https. A link anywhere else, a custom
 * scheme (ms-settings:, file:, smb:) or a look-alike host (dichvucong.gov.vn.evil.example) opens
 * nothing (ANCHORS.md §3.1 item 15).
 */
export const EXTERNAL_HOSTS = ['dichvucong.gov.vn'] as const;

export function isAllowedExternal(targetUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch (err) {
    // new URL refuses what is not a URL with a TypeError; that answer is "not allowed".
    if (!(err instanceof TypeError)) throw err;
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || (url.port !== '' && url.port !== '443')) return false;
  const host = url.hostname.toLowerCase();
  return EXTERNAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Developer conveniences (reload, devtools) only in an unpackaged app started with MOTCUA_DEVTOOLS=1. */
export function isDevelopment(env: NodeJS.ProcessEnv = process.env, packaged = false): boolean {
  return !packaged && env.MOTCUA_DEVTOOLS === '1';
}

/**
 * The application menu. In production it has no reload (Ctrl+R, F5) and no developer tools
 * (Ctrl+Shift+I): Electron's default menu has both, and a reload used to undo the lock screen.
 * Editing keys stay (Vietnamese typing relies on copy, paste and undo); the window can be
 * minimised, zoomed and closed.
 */
export function applicationMenuTemplate(development: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [{ role: 'resetZoom', label: 'Cỡ chữ mặc định' }, { role: 'zoomIn', label: 'Phóng to' }, { role: 'zoomOut', label: 'Thu nhỏ' }, { type: 'separator' }, { role: 'togglefullscreen', label: 'Toàn màn hình' }];
  if (development) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' });
  return [
    { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
    {
      label: 'Sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    { label: 'Xem', submenu: view },
    { label: 'Cửa sổ', submenu: [{ role: 'minimize', label: 'Thu nhỏ cửa sổ' }, { role: 'close', label: 'Đóng' }] },
  ];
}

/** Menu roles that reload the page or open developer tools: none may exist in production. */
export const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools'] as const;

/** The IPC channel names; preload exposes nothing else. */
export const IPC_INVOKE = 'motcua:invoke';
export const IPC_EVENT = 'motcua:event';
