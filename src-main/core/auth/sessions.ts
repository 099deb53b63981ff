/** Sign-in and sessions. A failed sign-in says the same thing whether the user exists or not. */
import { eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { Officer } from '@shared/rpc';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { session } from '../db/schema';
import { toOfficer, type OfficerService } from './officers';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password';
import { hashToken, newToken } from './tokens';

const BAD_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng';

export class SessionService {
  constructor(
    private readonly db: CounterDb,
    private readonly officers: OfficerService,
    private readonly clock: Clock,
  ) {}

  async login(username: string, password: string): Promise<{ token: string; officer: Officer }> {
    const row = this.officers.findByUsername(username);
    const ok = await verifyPassword(password, row?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!row || !ok || !row.active) throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
    const token = newToken();
    const now = this.clock.now().toISOString();
    this.db.insert(session).values({ tokenHash: hashToken(token), officerId: row.id, createdAt: now, lastSeenAt: now }).run();
    return { token, officer: toOfficer(row) };
  }

  /** The officer behind a bearer token, or null when the token is unknown or the account disabled. */
  resolve(token: string): Officer | null {
    const found = this.db.select().from(session).where(eq(session.tokenHash, hashToken(token))).get();
    if (!found) return null;
    const row = this.officers.findById(found.officerId);
    return row && row.active ? toOfficer(row) : null;
  }

  logout(token: string): void {
    this.db.delete(session).where(eq(session.tokenHash, hashToken(token))).run();
  }
}
