/**
 * A counter exchanges a one-time code for a device token bound to the code's commune. Consuming
 * the code and creating the device happen in one transaction: the conditional UPDATE is the
 * guard, so two counters racing with the same code get one device between them.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { EnrollRequest } from '@shared/sync/protocol';
import { hashEnrollmentCode, newDeviceToken, sha256Hex } from '../auth/secrets';
import { commune, device, enrollmentCode } from '../db/schema';
import type { HubDb } from '../db/types';
import { unauthenticated } from '../errors';

export async function enrollDevice(db: HubDb, request: EnrollRequest, now: Date) {
  return db.transaction(async (tx) => {
    const deviceId = uuidv7();
    const [consumed] = await tx
      .update(enrollmentCode)
      .set({ consumedAt: now, consumedBy: deviceId })
      .where(
        and(
          eq(enrollmentCode.codeHash, hashEnrollmentCode(request.code)),
          isNull(enrollmentCode.consumedAt),
          gt(enrollmentCode.expiresAt, now),
        ),
      )
      .returning({ communeCode: enrollmentCode.communeCode });
    // Unknown, used and expired codes get the same answer: nothing to learn by guessing.
    if (!consumed) throw unauthenticated('Mã đăng ký thiết bị không đúng, đã dùng hoặc đã hết hạn.');
    const token = newDeviceToken();
    await tx.insert(device).values({
      id: deviceId,
      communeCode: consumed.communeCode,
      name: request.deviceName.normalize('NFC'),
      tokenHash: sha256Hex(token),
    });
    const [owner] = await tx.select().from(commune).where(eq(commune.code, consumed.communeCode));
    return { deviceId, token, commune: { code: owner!.code, name: owner!.name } };
  });
}
