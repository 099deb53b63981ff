/**
 * Secrets this installation keeps (the hub's device token), out of the SQLite file: a database
 * file is copied into every backup and onto USB sticks, and was found holding the token in plain
 * text (issue #14). Each host gives core the store its platform protects best:
 * - Electron: the OS's own protection (Windows DPAPI, the macOS Keychain, libsecret) through
 *   safeStorage (src-main/electron/secret-store.ts);
 * - the browser host, the CLI and tests: a file in the data folder that only the account running
 *   the host can read (mode 0600 in a 0700 folder). Run the browser host under its own service
 *   account; on Windows, give the data folder to that account alone (README, "Security").
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../storage/durable-write';

export type SecretName = 'device-token';

export interface SecretStore {
  /** How the secret is protected at rest, for the administrator's screen and the notes. */
  readonly protection: 'os' | 'file-permissions';
  read(name: SecretName): string | null;
  /** Durable when it returns (written, synced and renamed into place). */
  write(name: SecretName, value: string): void;
  remove(name: SecretName): void;
}

/** One file per secret under `dir`, readable and writable by this account only. */
export class FileSecretStore implements SecretStore {
  readonly protection = 'file-permissions' as const;

  constructor(private readonly dir: string) {}

  private file(name: SecretName): string {
    return path.join(this.dir, name);
  }

  read(name: SecretName): string | null {
    try {
      const value = fs.readFileSync(this.file(name), 'utf8');
      return value.length > 0 ? value : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  write(name: SecretName, value: string): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(this.dir, 0o700);
    writeFileDurably(this.file(name), Buffer.from(value, 'utf8'), 0o600);
  }

  remove(name: SecretName): void {
    fs.rmSync(this.file(name), { force: true });
  }
}
