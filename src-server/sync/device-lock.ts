/**
 * One push of a device at a time. A counter's retries may overlap (a timed-out request still
 * running at the hub when the next one arrives) and then carry the same ops; taking this
 * transaction-scoped advisory lock before touching them makes the later request wait and find the
 * earlier one's answers, instead of both paths (apply-batch.ts, apply-op.ts) waiting on each
 * other's rows in opposite orders. Devices never wait for each other, except on a hash collision.
 */
import { runNamed, type NamedStatement } from '../db/named-statement';
import type { HubTx } from '../db/types';

/** First key of the lock (the second is the hash of the device id); unique within the hub. */
const DEVICE_LOCK_SPACE = 6_001;

const LOCK_DEVICE: NamedStatement = {
  name: 'hub_push_device_lock_v1',
  text: `SELECT pg_advisory_xact_lock(${DEVICE_LOCK_SPACE}, hashtext($1))`,
};

export async function lockDevicePushes(tx: HubTx, deviceId: string): Promise<void> {
  await runNamed(tx, LOCK_DEVICE, [deviceId]);
}
