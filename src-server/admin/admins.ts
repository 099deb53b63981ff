/** Province admin accounts (admin API and DVCQG export). */
import { z } from 'zod';
import { hashPassword } from '../auth/passwords';
import { adminUser } from '../db/schema';
import type { HubDb } from '../db/types';

export const adminCredentialsSchema = z.object({
  username: z.string().trim().min(3).max(100).regex(/^[A-Za-z0-9._\-]+$/),
  password: z.string().min(10).max(200),
});

/** Creates the account, or sets a new password if it exists (the CLI is the recovery path). */
export async function upsertAdmin(db: HubDb, input: z.infer<typeof adminCredentialsSchema>): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db
    .insert(adminUser)
    .values({ username: input.username, passwordHash })
    .onConflictDoUpdate({ target: adminUser.username, set: { passwordHash } });
}
