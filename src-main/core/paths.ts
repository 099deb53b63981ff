/** Where things live on disk. The Electron host passes its own paths; the Node hosts use these. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest folder at or above `dir` holding package.json. This file runs from src-main/core
 * (tsx) and from a bundle's chunk (dist/web/chunks, dist/electron/chunks), so a fixed number of
 * `..` cannot be right for both.
 */
function packageRootAbove(dir: string): string | null {
  for (let at = dir; ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, 'package.json'))) return at;
    if (path.dirname(at) === at) return null;
  }
}

const hereDir = path.dirname(fileURLToPath(import.meta.url));

/** The repository (or unpacked app) root, found from this file's location. */
export const APP_ROOT = packageRootAbove(hereDir) ?? path.resolve(hereDir, '../..');

/** Per-user data folder: %APPDATA%\MotCuaXa, ~/Library/Application Support/MotCuaXa, ~/.local/share/mot-cua-xa. */
export function defaultDataDir(appName = 'mot-cua-xa'): string {
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'MotCuaXa');
  }
  if (process.platform === 'darwin') {
    return path.join(os.homedir(), 'Library', 'Application Support', 'MotCuaXa');
  }
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), appName);
}

export interface CorePaths {
  dataDir: string;
  migrationsDir: string;
  assetsDir: string;
}

export function defaultCorePaths(dataDir: string): CorePaths {
  return {
    dataDir,
    migrationsDir: path.join(APP_ROOT, 'migrations', 'counter'),
    assetsDir: path.join(APP_ROOT, 'assets'),
  };
}
