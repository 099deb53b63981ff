/** Where the embedded database lives when no DATABASE_URL is given. */
import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'mot-cua-xa-hub';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), APP_FOLDER);
}

export const DEFAULT_PORT = 4320;
export const DEFAULT_HOST = '127.0.0.1';
