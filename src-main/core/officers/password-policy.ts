/**
 * Where a password is set at the counter (first run, a new officer, a reset, the officer's own
 * change), it must pass the shared policy (src-shared/auth/password-policy.ts): administrators
 * get the stricter level. The office's names are user inputs too: "TanLap2026" is weak in Tân Lập.
 */
import { eq } from 'drizzle-orm';
import { checkPassword } from '@shared/auth/password-policy';
import { AppError } from '@shared/errors';
import type { Role } from '@shared/rpc';
import type { DbExecutor } from '../db/open';
import { office } from '../db/schema';

export interface PasswordOwner {
  username: string;
  fullName: string;
  role: Role;
}

/**
 * Throws INVALID_INPUT with the policy's Vietnamese message at `path` (the form field), so the
 * screen shows it under the password box. `officeWords` for first run, before the office row exists.
 */
export async function assertPasswordAllowed(db: DbExecutor, password: string, owner: PasswordOwner, path: string[], officeWords: string[] = []): Promise<void> {
  const row = db.select({ name: office.name, governingBody: office.governingBody, place: office.place, agencyCode: office.agencyCode }).from(office).where(eq(office.id, 1)).get();
  const words = row ? [row.name, row.governingBody, row.place, row.agencyCode] : officeWords;
  const verdict = await checkPassword(password, {
    strictness: owner.role === 'admin' ? 'admin' : 'standard',
    username: owner.username,
    userInputs: [owner.username, owner.fullName, ...words, 'Một Cửa Xã'],
  });
  if (!verdict.ok) {
    throw new AppError('INVALID_INPUT', verdict.message, { issues: [{ path, message: verdict.message, code: 'weak_password' }] });
  }
}
