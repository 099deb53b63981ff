/**
 * The device token at rest (issue #14: it sat in plain text in the counter's SQLite file, and so
 * in every backup): sealed by the OS under Electron (safeStorage, here a stand-in that transforms
 * the bytes as DPAPI would), a 0600 file elsewhere, and moved out of an old database at start.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { moveDeviceTokenOutOfDatabase } from '../../../src-main/core/secrets/move-token-out';
import { FileSecretStore } from '../../../src-main/core/secrets/secret-store';
import { tempDir } from '../../support/web-host';

const os = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret' }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => os.available,
    getSelectedStorageBackend: () => os.backend,
    // Not encryption, but bytes that do not contain the plain text, as the OS's would not.
    encryptString: (s: string) => Buffer.from(`sealed:${Buffer.from(s).toString('base64')}`.split('').reverse().join('')),
    decryptString: (b: Buffer) => Buffer.from(b.toString().split('').reverse().join('').slice('sealed:'.length), 'base64').toString(),
  },
}));
const { OsSecretStore } = await import('../../../src-main/electron/secret-store');

const TOKEN = 'k3Jf9Qx_token-of-the-device-0123456789abcdefGHIJ';

function everyByteUnder(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'latin1'))
    .join('');
}

let dataDir: string;
beforeEach(() => {
  dataDir = tempDir('motcua-secrets-');
  os.available = true;
  os.backend = 'gnome_libsecret';
});

describe('the Electron store (safeStorage)', () => {
  it('seals the token: it reads back, and no file holds it in plain text', () => {
    const store = new OsSecretStore(dataDir);
    expect(store.protection).toBe('os');
    store.write('device-token', TOKEN);
    expect(store.read('device-token')).toBe(TOKEN);
    expect(everyByteUnder(dataDir)).not.toContain(TOKEN);
    expect(fs.statSync(path.join(dataDir, 'secrets', 'device-token.os')).mode & 0o777).toBe(0o600);
  });

  it('seals a token the browser host left in a plain file, and removes that file', () => {
    new FileSecretStore(path.join(dataDir, 'secrets')).write('device-token', TOKEN);
    const store = new OsSecretStore(dataDir);
    expect(store.read('device-token')).toBe(TOKEN);
    expect(fs.existsSync(path.join(dataDir, 'secrets', 'device-token'))).toBe(false);
    expect(everyByteUnder(dataDir)).not.toContain(TOKEN);
  });

  it('says so and falls back to an owner-only file where the OS offers no protection', () => {
    os.backend = 'basic_text';
    const store = new OsSecretStore(dataDir);
    expect(store.protection).toBe('file-permissions');
    store.write('device-token', TOKEN);
    expect(store.read('device-token')).toBe(TOKEN);
    expect(fs.statSync(path.join(dataDir, 'secrets', 'device-token')).mode & 0o777).toBe(0o600);
  });
});

describe('the file store (browser host)', () => {
  it('keeps the token readable by this account only, in a folder only it can enter', () => {
    const dir = path.join(dataDir, 'secrets');
    const store = new FileSecretStore(dir);
    expect(store.read('device-token')).toBeNull();
    store.write('device-token', TOKEN);
    expect(store.read('device-token')).toBe(TOKEN);
    expect(fs.statSync(path.join(dir, 'device-token')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    store.remove('device-token');
    expect(store.read('device-token')).toBeNull();
  });
});

describe('moving an old plain-text token out of the database', () => {
  function oldDatabase(): { file: string; db: Database.Database } {
    const file = path.join(dataDir, 'motcua.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    db.prepare('INSERT INTO sync_meta (key, value) VALUES (?, ?)').run('device_token', JSON.stringify(TOKEN));
    db.prepare('INSERT INTO sync_meta (key, value) VALUES (?, ?)').run('enrollment', JSON.stringify({ hubUrl: 'https://hub.example' }));
    return { file, db };
  }

  it('puts it in the store and leaves no trace of it in the database file or its WAL', () => {
    const { file, db } = oldDatabase();
    const store = new FileSecretStore(path.join(dataDir, 'secrets'));
    expect(moveDeviceTokenOutOfDatabase(db, store)).toBe(true);
    expect(store.read('device-token')).toBe(TOKEN);
    expect(db.prepare("SELECT count(*) AS n FROM sync_meta WHERE key = 'device_token'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM sync_meta WHERE key = 'enrollment'").get()).toEqual({ n: 1 });
    db.close();
    const bytes = fs.readFileSync(file, 'latin1') + (fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`, 'latin1') : '');
    expect(bytes).not.toContain(TOKEN);
    expect(moveDeviceTokenOutOfDatabase(new Database(file), store)).toBe(false);
  });

  it('keeps a newer token already in the store (an old backup restored after re-enrolling)', () => {
    const { db } = oldDatabase();
    const store = new FileSecretStore(path.join(dataDir, 'secrets'));
    store.write('device-token', 'newer-token-after-enrolling-again-000000000000');
    moveDeviceTokenOutOfDatabase(db, store);
    expect(store.read('device-token')).toBe('newer-token-after-enrolling-again-000000000000');
    db.close();
  });
});
