/**
 * Installations from before issue #14 kept the device token in sync_meta, in plain text. At
 * start the token is moved into the secret store and the row deleted with secure_delete on, and
 * the WAL truncated, so the bytes do not linger in free pages of the file. (Backups made before
 * the move still hold it: a province that worries revokes the device and enrolls it again.)
 */
import type Database from 'better-sqlite3';
import type { SecretStore } from './secret-store';

const LEGACY_KEY = 'device_token';

/** Returns true when a token was moved. Safe to run at every start. */
export function moveDeviceTokenOutOfDatabase(sqlite: Database.Database, secrets: SecretStore): boolean {
  const row = sqlite.prepare('SELECT value FROM sync_meta WHERE key = ?').get(LEGACY_KEY) as { value: string } | undefined;
  if (!row) return false;
  const token = JSON.parse(row.value) as unknown;
  // The store first: if it cannot be written (a full disk), the token stays where it was.
  if (typeof token === 'string' && token.length > 0 && secrets.read('device-token') === null) secrets.write('device-token', token);
  const before = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    sqlite.prepare('DELETE FROM sync_meta WHERE key = ?').run(LEGACY_KEY);
  } finally {
    sqlite.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return true;
}
