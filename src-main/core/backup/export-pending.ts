/**
 * Builds the signed offline bundle of every pending outbox op, oldest first, with the pages whose
 * files the hub has not acknowledged (see offline-bundle.ts, bundle-files.ts).
 */
import { asc, eq } from 'drizzle-orm';
import type { CounterDb } from '../db/open';
import { office, outbox } from '../db/schema';
import { deviceEpoch } from '../outbox/outbox';
import { pagesToCarry } from './bundle-files';
import { deviceId, deviceSigningKey } from './device-key';
import { BUNDLE_FORMAT, BUNDLE_VERSION, signBundle, type BundleFile } from './offline-bundle';

export function exportPendingBundle(db: CounterDb, now: Date): BundleFile {
  // One read transaction: the ops, epoch and key belong to the same moment.
  const { body, privateKey } = db.transaction((tx) => {
    const key = deviceSigningKey(tx, now);
    const ops = tx
      .select()
      .from(outbox)
      .where(eq(outbox.state, 'pending'))
      .orderBy(asc(outbox.seq))
      .all()
      .map((r) => ({ seq: r.seq, opId: r.opId, deviceEpoch: r.deviceEpoch, opType: r.opType, entityId: r.entityId, payload: r.payload, createdAt: r.createdAt }));
    return {
      privateKey: key.privateKey,
      body: {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        deviceId: deviceId(tx),
        deviceEpoch: deviceEpoch(tx),
        publicKey: key.publicKey,
        agencyCode: tx.select({ code: office.agencyCode }).from(office).where(eq(office.id, 1)).get()?.code ?? null,
        createdAt: now.toISOString(),
        ops,
        // The same connection, inside the same transaction: better-sqlite3 runs one at a time.
        pages: pagesToCarry(db),
      } as const,
    };
  });
  return signBundle(body, privateKey);
}
