/**
 * The receipt's lookup key (src-shared/sync/lookup-key.ts): made with the dossier in the receipt's
 * transaction, printed in Mẫu 01's QR, and sent up only as a hash inside the dossier snapshot.
 */
import { createHash } from 'node:crypto';
import { LOOKUP_KEY_ALPHABET, LOOKUP_KEY_LENGTH, lookupKeyDigestInput } from '@shared/sync/lookup-key';
import type { DbExecutor } from '../db/open';
import { preparedPerConnection } from '../db/prepared';
import { newReadableCode } from '../ids';

const statements = preparedPerConnection((c) => ({
  insert: c.prepare<[string, string]>('INSERT INTO dossier_lookup_key (dossier_id, key) VALUES (?, ?)'),
  key: c.prepare<[string], string>('SELECT key FROM dossier_lookup_key WHERE dossier_id = ?').pluck(),
}));

export function storeNewLookupKey(db: DbExecutor, dossierId: string): string {
  const key = newReadableCode(LOOKUP_KEY_ALPHABET, LOOKUP_KEY_LENGTH);
  statements(db).insert.run(dossierId, key);
  return key;
}

export function lookupKeyOf(db: DbExecutor, dossierId: string): string | null {
  return statements(db).key.get(dossierId) ?? null;
}

export function lookupKeyHash(code: string, key: string): string {
  return createHash('sha256').update(lookupKeyDigestInput(code, key), 'utf8').digest('hex');
}
