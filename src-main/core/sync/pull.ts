/**
 * Down: reads each scope's change feed from the counter's cursor. A page of changes and the new
 * cursor are written in ONE local transaction, so a crash leaves either both or neither and the
 * feed is never skipped nor replayed past what was applied (PouchDB's "restart from 0" avoided).
 */
import { eq } from 'drizzle-orm';
import { communeScope, type Scope } from '@shared/sync/protocol';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { syncCursor } from '../db/schema';
import { applyChange, type AppliedChange, type ApplyDeps } from './apply-change';
import type { Exchange, HubClient } from './hub-client';

/** Bounded so a misbehaving hub that always says hasMore cannot hold the pass forever. */
const MAX_PAGES_PER_SCOPE = 200;
const PAGE_SIZE = 500;

export interface PullContext extends ApplyDeps {
  db: CounterDb;
  clock: Clock;
  client: HubClient;
  token: string;
  communeCode: string;
  onExchange(exchange: Exchange<unknown>): void;
}

export function scopesOf(communeCode: string): Scope[] {
  return ['province', communeScope(communeCode)];
}

export function readCursor(db: CounterDb, scope: string): number {
  return db.select({ cursor: syncCursor.cursor }).from(syncCursor).where(eq(syncCursor.scope, scope)).get()?.cursor ?? 0;
}

export async function pullAll(ctx: PullContext): Promise<AppliedChange[]> {
  const applied: AppliedChange[] = [];
  for (const scope of scopesOf(ctx.communeCode)) {
    for (let page = 0; page < MAX_PAGES_PER_SCOPE; page++) {
      const after = readCursor(ctx.db, scope);
      const exchange = await ctx.client.pull(ctx.token, scope, after, ctx.clock.now().toISOString(), PAGE_SIZE);
      ctx.onExchange(exchange);
      const { changes, cursor, hasMore } = exchange.body;
      const nowIso = ctx.clock.now().toISOString();
      ctx.db.transaction((tx) => {
        // Another pass (or a duplicated response) may have moved the cursor meanwhile: apply only
        // what lies beyond it, so a change is never applied twice.
        const current = tx.select({ cursor: syncCursor.cursor }).from(syncCursor).where(eq(syncCursor.scope, scope)).get()?.cursor ?? 0;
        for (const change of changes) {
          if (change.seq <= current) continue;
          const done = applyChange(tx, ctx, scope, change, nowIso);
          if (done) applied.push(done);
        }
        if (cursor > current) {
          tx.insert(syncCursor)
            .values({ scope, cursor, updatedAt: nowIso })
            .onConflictDoUpdate({ target: syncCursor.scope, set: { cursor, updatedAt: nowIso } })
            .run();
        }
      });
      if (!hasMore || changes.length === 0) break;
    }
  }
  return applied;
}
