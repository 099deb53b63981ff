/** The enrolled counters of one commune, for the admin page (which device to revoke). */
import { asc, eq } from 'drizzle-orm';
import type { DeviceRow } from '@shared/hub-admin/api';
import { device } from '../db/schema';
import type { HubDb } from '../db/types';

/** Never selects token_hash: the hash stays in the database. */
export async function listDevices(db: HubDb, communeCode: string): Promise<DeviceRow[]> {
  const rows = await db
    .select({
      id: device.id,
      name: device.name,
      revoked: device.revoked,
      createdAt: device.createdAt,
      lastPushAt: device.lastPushAt,
      lastPullAt: device.lastPullAt,
      clockDriftMs: device.clockDriftMs,
      pendingReported: device.pendingReported,
    })
    .from(device)
    .where(eq(device.communeCode, communeCode))
    .orderBy(asc(device.createdAt));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    lastPushAt: r.lastPushAt?.toISOString() ?? null,
    lastPullAt: r.lastPullAt?.toISOString() ?? null,
  }));
}
