/** Reads one scope of the change feed after a cursor (ARCHITECTURE.md §6, "Down"). */
import { and, asc, eq, gt } from 'drizzle-orm';
import { changeSchema, type Change, type PullQuery } from '@shared/sync/protocol';
import { changeFeed } from '../db/schema';
import type { HubDb } from '../db/types';

export interface PullPage {
  changes: Change[];
  cursor: number;
  hasMore: boolean;
}

export async function readFeed(db: HubDb, query: PullQuery): Promise<PullPage> {
  // One extra row tells whether another page exists without a count query.
  const rows = await db
    .select({ seq: changeFeed.seq, kind: changeFeed.kind, payload: changeFeed.payload })
    .from(changeFeed)
    .where(and(eq(changeFeed.scope, query.scope), gt(changeFeed.seq, query.after)))
    .orderBy(asc(changeFeed.seq))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    // Parsed on the way out too: the feed is a contract, a malformed row must fail here, not at 600 counters.
    changes: page.map((row) => changeSchema.parse(row)),
    cursor: page.at(-1)?.seq ?? query.after,
    hasMore: rows.length > query.limit,
  };
}
