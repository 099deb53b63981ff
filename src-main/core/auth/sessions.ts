/** Sign-in and sessions. A failed sign-in says the same thing whether the user exists or not. */
import { eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { Officer } from '@shared/rpc';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { preparedPerConnection } from '../db/prepared';
import { session } from '../db/schema';
import { appendAudit } from '../audit/audit-log';
import { toOfficer, type OfficerService } from '../officers/officers';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../officers/password';
import { LoginThrottle } from '@shared/auth/login-throttle';
import { hashToken, newToken } from './tokens';

const BAD_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng';

const sessionOfficer = preparedPerConnection((c) =>
  c.prepare<[string], { id: string; username: string; fullName: string; role: Officer['role']; active: number }>(
    `SELECT o.id, o.username, o.full_name AS fullName, o.role, o.active
     FROM session s JOIN officer o ON o.id = s.officer_id WHERE s.token_hash = ?`,
  ),
);

export class SessionService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly db: CounterDb,
    private readonly officers: OfficerService,
    private readonly clock: Clock,
  ) {
    this.throttle = new LoginThrottle(clock);
  }

  /**
   * Every attempt leaves an audit row (never the password); repeated failures are throttled per
   * username and per caller (`source`, e.g. the LAN address, when the host knows it).
   */
  async login(username: string, password: string, source?: string): Promise<{ token: string; officer: Officer }> {
    const keys = [`user:${username}`, ...(source ? [`source:${source}`] : [])];
    const audit = (action: string, officerId: string | null, details: unknown) =>
      appendAudit(this.db, { at: this.clock.now().toISOString(), officerId, action, target: username, details });
    try {
      this.throttle.check(keys);
    } catch (err) {
      audit('auth.login_refused', null, { reason: 'rate_limited', ...(source ? { source } : {}) });
      throw err;
    }
    const row = this.officers.findByUsername(username);
    const ok = await verifyPassword(password, row?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!row || !ok || !row.active) {
      this.throttle.fail(keys);
      audit('auth.login_failed', row?.id ?? null, { reason: !row ? 'unknown_user' : !ok ? 'bad_password' : 'inactive', ...(source ? { source } : {}) });
      throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    this.throttle.succeed(keys);
    const token = newToken();
    const now = this.clock.now().toISOString();
    this.db.transaction((tx) => {
      tx.insert(session).values({ tokenHash: hashToken(token), officerId: row.id, createdAt: now, lastSeenAt: now }).run();
      appendAudit(tx, { at: now, officerId: row.id, action: 'auth.login', target: username, details: source ? { source } : null });
    });
    return { token, officer: toOfficer(row) };
  }

  /**
   * The officer behind a bearer token, or null when the token is unknown or the account disabled.
   * Every call asks: one prepared statement, read afresh each time (a disabled account or a
   * logout takes effect on the next call).
   */
  resolve(token: string): Officer | null {
    const row = sessionOfficer(this.db).get(hashToken(token));
    return row && row.active === 1 ? { id: row.id, username: row.username, fullName: row.fullName, role: row.role } : null;
  }

  logout(token: string): void {
    const found = this.db.select().from(session).where(eq(session.tokenHash, hashToken(token))).get();
    if (!found) return;
    this.db.transaction((tx) => {
      tx.delete(session).where(eq(session.tokenHash, found.tokenHash)).run();
      appendAudit(tx, { at: this.clock.now().toISOString(), officerId: found.officerId, action: 'auth.logout', target: null, details: null });
    });
  }
}
