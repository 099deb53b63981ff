/**
 * Writing to the outbox. Called inside the transaction of the change it describes, so a change
 * and its sync op commit together or not at all (ARCHITECTURE.md §6).
 */
import { eq } from 'drizzle-orm';
import type { Dossier, DossierEvent } from '@shared/dossier';
import type { OpType } from '@shared/sync/protocol';
import type { DbExecutor } from '../db/open';
import { outbox, syncMeta } from '../db/schema';
import { newId } from '../ids';

export const DEVICE_EPOCH_KEY = 'device_epoch';

/** The epoch of this database's life; renewed when a backup is restored. */
export function deviceEpoch(db: DbExecutor): string {
  const row = db.select().from(syncMeta).where(eq(syncMeta.key, DEVICE_EPOCH_KEY)).get();
  if (row) return row.value as string;
  const epoch = newId();
  db.insert(syncMeta).values({ key: DEVICE_EPOCH_KEY, value: epoch }).onConflictDoNothing().run();
  return (db.select().from(syncMeta).where(eq(syncMeta.key, DEVICE_EPOCH_KEY)).get()!.value as string);
}

export function enqueueOp(
  db: DbExecutor,
  op: { opType: OpType; entityId: string; payload: Dossier | DossierEvent; at: string },
): void {
  db.insert(outbox)
    .values({
      opId: newId(),
      deviceEpoch: deviceEpoch(db),
      opType: op.opType,
      entityId: op.entityId,
      payload: op.payload,
      createdAt: op.at,
      state: 'pending',
    })
    .run();
}
