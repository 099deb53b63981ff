/**
 * Electron main process: windows, security hooks, the app:// protocol and the core host.
 * No business logic here; everything the UI does goes through core's dispatch.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { openCore, type Core } from '../core/core';
import { registerIpc } from './ipc';
import { registerSchemePrivileges, serveRenderer } from './protocol';
import { APP_ORIGIN, isAllowedNavigation, permissionDecision, windowOpenDecision, windowOptions } from './security';

// app.getAppPath() is the folder (or asar) holding package.json, in development and installed.
const appRoot = app.getAppPath();
const paths = {
  rendererDir: path.join(appRoot, 'dist', 'renderer'),
  preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
  migrationsDir: path.join(appRoot, 'migrations', 'counter'),
  assetsDir: path.join(appRoot, 'assets'),
};

let core: Core | null = null;

if (!app.requestSingleInstanceLock()) app.quit();
registerSchemePrivileges();

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the outside world (a law text, the province portal) open in the system browser.
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return windowOpenDecision();
  });
});

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(paths.preload));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  serveRenderer(paths.rendererDir);
  try {
    core = await openCore({ dataDir: app.getPath('userData'), migrationsDir: paths.migrationsDir, assetsDir: paths.assetsDir });
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
