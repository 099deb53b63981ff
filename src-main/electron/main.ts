/**
 * Electron main process: windows, security hooks, the app:// protocol and the core host.
 * No business logic here; everything the UI does goes through core's dispatch.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import { openCore, type Core } from '../core/core';
import { registerIpc } from './ipc';
import { registerSchemePrivileges, serveRenderer } from './protocol';
import { rendererJsFlags } from './renderer-flags';
import { OsSecretStore } from './secret-store';
import {
  APP_ORIGIN,
  applicationMenuTemplate,
  isAllowedExternal,
  isAllowedNavigation,
  isDevelopment,
  permissionDecision,
  windowOpenDecision,
  windowOptions,
} from './security';

// app.getAppPath() is the folder (or asar) holding package.json, in development and installed.
const appRoot = app.getAppPath();
const paths = {
  rendererDir: path.join(appRoot, 'dist', 'renderer'),
  preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
  migrationsDir: path.join(appRoot, 'migrations', 'counter'),
  assetsDir: path.join(appRoot, 'assets'),
};
const development = isDevelopment(process.env, app.isPackaged);

let core: Core | null = null;

if (!app.requestSingleInstanceLock()) app.quit();
registerSchemePrivileges();
// Before 'ready': Chromium reads its switches when it starts the window's renderer.
app.commandLine.appendSwitch('js-flags', rendererJsFlags());

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  // Any frame, not only the top one: an injected iframe must not wander off either.
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Only the national portal opens, in the system browser; nothing else, whatever the link says.
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return windowOpenDecision();
  });
});

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(paths.preload, development));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

app.whenReady().then(async () => {
  // Electron's default menu reloads (Ctrl+R, F5) and opens developer tools: replaced.
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(development)));
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(permissionDecision(permission, { url: details.requestingUrl, mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined })),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission, _origin, details) =>
    permissionDecision(permission, { url: details.requestingUrl, mediaTypes: details.mediaType ? [details.mediaType] : undefined }),
  );
  serveRenderer(paths.rendererDir);
  const dataDir = app.getPath('userData');
  try {
    core = await openCore({ dataDir, migrationsDir: paths.migrationsDir, assetsDir: paths.assetsDir, secrets: new OsSecretStore(dataDir) });
  } catch (err) {
    dialog.showErrorBox('Một Cửa Xã', `Không mở được cơ sở dữ liệu: ${(err as Error).message}`);
    app.exit(1);
    return;
  }
  registerIpc(
    core,
    () => BrowserWindow.getAllWindows().map((w) => w.webContents),
    () => {
      core?.close();
      core = null;
      app.relaunch();
      app.exit(0);
    },
  );
  core.services.sync.start();
  createWindow();
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
});

app.on('window-all-closed', () => {
  core?.close();
  core = null;
  app.quit();
});
