/**
 * Gap-free, commit-ordered sequence numbers per feed (ARCHITECTURE.md §6, ANCHORS.md §8.5).
 *
 * The counter row is incremented INSIDE the caller's transaction. Its row lock is held until that
 * transaction ends, so a second writer of the same scope waits, takes the next number, and can
 * only commit after the first: commit order = seq order, and a reader that has seen seq n has
 * seen everything below n. A bigserial would let seq 7 commit before seq 6 and a cursor skip 6.
 * Callers allocate as late as they can in their transaction to keep the lock short. (A push
 * takes a whole range in its single write statement: sync/apply-batch.ts.)
 */
import { sql } from 'drizzle-orm';
import type { ChangeKind, Scope } from '@shared/sync/protocol';
import { changeFeed, feedCounter } from './schema';
import type { HubTx } from './types';

/** Internal feed ordering every dossier and event write, read by the DVCQG export. */
export const EXPORT_FEED = 'export';

export async function nextSeq(tx: HubTx, feed: string): Promise<number> {
  const [row] = await tx
    .insert(feedCounter)
    .values({ scope: feed, seq: 1 })
    .onConflictDoUpdate({ target: feedCounter.scope, set: { seq: sql`${feedCounter.seq} + 1` } })
    .returning({ seq: feedCounter.seq });
  return row!.seq;
}

/** Appends one change to a pullable scope and returns its seq. */
export async function appendChange(tx: HubTx, scope: Scope, kind: ChangeKind, payload: unknown): Promise<number> {
  const seq = await nextSeq(tx, scope);
  await tx.insert(changeFeed).values({ scope, seq, kind, payload });
  return seq;
}
