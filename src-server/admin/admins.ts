/** Province admin accounts (admin API and DVCQG export). */
import { z } from 'zod';
import { checkPassword } from '@shared/auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { HubError } from '../errors';
import { adminUser } from '../db/schema';
import type { HubDb } from '../db/types';

export const adminCredentialsSchema = z.object({
  username: z.string().trim().min(3).max(100).regex(/^[A-Za-z0-9._\-]+$/),
  password: z.string().max(200),
});

/**
 * Creates the account, or sets a new password if it exists (the CLI is the recovery path). The
 * password must pass the counter's policy at its stricter, administrators' level (12+ characters,
 * hard to guess, never built from the username): these accounts publish catalogs, change
 * statuses and enroll devices for the whole province.
 */
export async function upsertAdmin(db: HubDb, credentials: z.input<typeof adminCredentialsSchema>): Promise<void> {
  const input = adminCredentialsSchema.parse(credentials);
  const verdict = await checkPassword(input.password, { strictness: 'admin', username: input.username, userInputs: [input.username, 'Sở', 'tỉnh', 'quản trị'] });
  if (!verdict.ok) throw new HubError(400, 'weak_password', verdict.message);
  const passwordHash = await hashPassword(input.password);
  await db
    .insert(adminUser)
    .values({ username: input.username, passwordHash })
    .onConflictDoUpdate({ target: adminUser.username, set: { passwordHash } });
}
