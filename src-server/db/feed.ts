/**
 * Gap-free, commit-ordered sequence numbers per feed (ARCHITECTURE.md §6, ANCHORS.md §8.5).
 *
 * The counter row is incremented INSIDE the caller's transaction. Its row lock is held until that
 * transaction ends, so a second writer of the same scope waits, takes the next number, and can
 * only commit after the first: commit order = seq order, and a reader that has seen seq n has
 * seen everything below n. A bigserial would let seq 7 commit before seq 6 and a cursor skip 6.
 * Callers allocate as late as they can in their transaction to keep the lock short.
 */
import { sql } from 'drizzle-orm';
import type { ChangeKind, Scope } from '@shared/sync/protocol';
import { changeFeed, feedCounter } from './schema';
import type { HubTx } from './types';

/** Internal feed ordering every dossier and event write, read by the DVCQG export. */
export const EXPORT_FEED = 'export';

export async function nextSeq(tx: HubTx, feed: string): Promise<number> {
  return (await nextSeqRange(tx, feed, 1)).last;
}

/** Takes `count` consecutive numbers at once (a push's writes); same lock rule as nextSeq. */
export async function nextSeqRange(tx: HubTx, feed: string, count: number): Promise<{ first: number; last: number }> {
  const [row] = await tx
    .insert(feedCounter)
    .values({ scope: feed, seq: count })
    .onConflictDoUpdate({ target: feedCounter.scope, set: { seq: sql`${feedCounter.seq} + ${count}` } })
    .returning({ seq: feedCounter.seq });
  return { first: row!.seq - count + 1, last: row!.seq };
}

/** Appends one change to a pullable scope and returns its seq. */
export async function appendChange(tx: HubTx, scope: Scope, kind: ChangeKind, payload: unknown): Promise<number> {
  const seq = await nextSeq(tx, scope);
  await tx.insert(changeFeed).values({ scope, seq, kind, payload });
  return seq;
}
