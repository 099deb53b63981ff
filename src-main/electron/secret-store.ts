/**
 * The device token under Electron: encrypted with the OS's own protection through safeStorage
 * (DPAPI on Windows, the Keychain on macOS, libsecret/kwallet on Linux) and kept as a file in the
 * data folder that only this Windows/Linux account can decrypt. Where the OS offers no such
 * protection (a Linux desktop without a keyring: safeStorage then falls back to a hard-coded
 * key), the file store's 0600 permissions are the protection, as for the browser host, and the
 * store says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { writeFileDurably } from '../core/storage/durable-write';
import { FileSecretStore, type SecretName, type SecretStore } from '../core/secrets/secret-store';

export class OsSecretStore implements SecretStore {
  readonly protection: 'os' | 'file-permissions';
  private readonly dir: string;
  private readonly fallback: FileSecretStore;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'secrets');
    this.fallback = new FileSecretStore(this.dir);
    const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text';
    this.protection = safeStorage.isEncryptionAvailable() && !weak ? 'os' : 'file-permissions';
  }

  private file(name: SecretName): string {
    return path.join(this.dir, `${name}.os`);
  }

  read(name: SecretName): string | null {
    if (this.protection !== 'os') return this.fallback.read(name);
    let sealed: Buffer;
    try {
      sealed = fs.readFileSync(this.file(name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      // Kept by the browser host or an older start without a keyring: seal it now.
      const plain = this.fallback.read(name);
      if (plain !== null) {
        this.write(name, plain);
        this.fallback.remove(name);
      }
      return plain;
    }
    return safeStorage.decryptString(sealed);
  }

  write(name: SecretName, value: string): void {
    if (this.protection !== 'os') return this.fallback.write(name, value);
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileDurably(this.file(name), safeStorage.encryptString(value), 0o600);
  }

  remove(name: SecretName): void {
    fs.rmSync(this.file(name), { force: true });
    this.fallback.remove(name);
  }
}
