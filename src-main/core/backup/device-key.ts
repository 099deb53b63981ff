/**
 * This installation's identity for offline carry: its device id (the hub's, once enrolled) and an
 * Ed25519 key pair made on first use and kept in sync_meta. The private key never leaves the database; bundles
 * carry the public key, and the hub should pin it per device the first time it sees it
 * (or at enrollment), so a later bundle signed by another key is refused.
 */
import { generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbExecutor } from '../db/open';
import { syncMeta } from '../db/schema';
import { newId } from '../ids';
import { readMeta } from '../sync/meta';

export const DEVICE_ID_KEY = 'device_id';
export const DEVICE_SIGNING_KEY = 'device_signing_key';

export interface DeviceSigningKey {
  /** SPKI DER, base64. */
  publicKey: string;
  /** PKCS#8 DER, base64. */
  privateKey: string;
  createdAt: string;
}

function getMeta<T>(db: DbExecutor, key: string): T | undefined {
  return db.select().from(syncMeta).where(eq(syncMeta.key, key)).get()?.value as T | undefined;
}

/** Inserts the value unless another writer got there first; returns what is stored. */
function getOrCreate<T>(db: DbExecutor, key: string, make: () => T): T {
  const existing = getMeta<T>(db, key);
  if (existing !== undefined) return existing;
  db.insert(syncMeta).values({ key, value: make() }).onConflictDoNothing().run();
  return getMeta<T>(db, key)!;
}

/** The id the hub gave this device at enrollment; before enrollment, a local one kept in sync_meta. */
export function deviceId(db: DbExecutor): string {
  return readMeta(db, 'enrollment')?.deviceId ?? getOrCreate(db, DEVICE_ID_KEY, () => newId());
}

export function deviceSigningKey(db: DbExecutor, now: Date): DeviceSigningKey {
  return getOrCreate(db, DEVICE_SIGNING_KEY, () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return {
      publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      createdAt: now.toISOString(),
    };
  });
}
