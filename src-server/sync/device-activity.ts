/** What the province sees of each counter: last push/pull, clock drift, outbox depth. */
import { eq } from 'drizzle-orm';
import { device } from '../db/schema';
import type { HubExecutor } from '../db/types';

export interface Activity {
  kind: 'push' | 'pull';
  /** Device wall clock as reported in the request, if any. */
  clientTime?: string;
  pending?: number;
}

export async function recordActivity(db: HubExecutor, deviceId: string, activity: Activity, now: Date): Promise<void> {
  await db
    .update(device)
    .set({
      ...(activity.kind === 'push' ? { lastPushAt: now } : { lastPullAt: now }),
      ...(activity.clientTime ? { clockDriftMs: Date.parse(activity.clientTime) - now.getTime() } : {}),
      ...(activity.pending !== undefined ? { pendingReported: activity.pending, pendingReportedAt: now } : {}),
    })
    .where(eq(device.id, deviceId));
}
