/** Communes, enrollment codes and devices: the province's side of enrollment (ARCHITECTURE.md §6). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { agencyCodeSchema } from '@shared/sync/protocol';
import { hashEnrollmentCode, newEnrollmentCode } from '../auth/secrets';
import { isUniqueViolation } from '../db/errors';
import { commune, device, enrollmentCode } from '../db/schema';
import type { HubDb } from '../db/types';
import { conflict, notFound } from '../errors';

export const createCommuneInputSchema = z.object({
  code: agencyCodeSchema,
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .transform((s) => s.normalize('NFC')),
});
export type CreateCommuneInput = z.infer<typeof createCommuneInputSchema>;

export async function createCommune(db: HubDb, input: CreateCommuneInput) {
  try {
    const [row] = await db.insert(commune).values(input).returning();
    return row!;
  } catch (err) {
    if (isUniqueViolation(err, 'commune_pkey')) throw conflict(`Xã có mã ${input.code} đã tồn tại.`);
    throw err;
  }
}

export const DEFAULT_ENROLLMENT_TTL_HOURS = 72;

/** Issues a one-time code; the plain code is returned once and never stored. */
export async function issueEnrollmentCode(
  db: HubDb,
  communeCode: string,
  now: Date,
  ttlHours = DEFAULT_ENROLLMENT_TTL_HOURS,
): Promise<{ code: string; communeCode: string; expiresAt: Date }> {
  const [known] = await db.select({ code: commune.code }).from(commune).where(eq(commune.code, communeCode));
  if (!known) throw notFound(`Không có xã nào mang mã ${communeCode}.`);
  const code = newEnrollmentCode();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.insert(enrollmentCode).values({ codeHash: hashEnrollmentCode(code), communeCode, expiresAt });
  return { code, communeCode, expiresAt };
}

export async function revokeDevice(db: HubDb, deviceId: string): Promise<void> {
  const rows = await db.update(device).set({ revoked: true }).where(eq(device.id, deviceId)).returning({ id: device.id });
  if (rows.length === 0) throw notFound('Không tìm thấy thiết bị.');
}
