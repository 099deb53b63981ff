/**
 * Sign-in and sessions, held here and not in the page (issue #14: F5 undid a lock that lived in
 * the window's memory, and a token still worked with the clock 400 days ahead).
 *
 * A session is a row keyed by the SHA-256 of its token. Every call resolves it afresh:
 * - unknown, or its officer disabled            → refused (UNAUTHENTICATED);
 * - older than the office's absolute lifetime   → ended, refused;
 * - no activity for the office's idle time      → locked (reason "idle");
 * - locked (idle, or the officer's own click)   → only unlock, its state and logout answer
 *   (the dispatcher's authorise()), so a reload, a second tab or a hand-made request finds the
 *   lock where it was;
 * - otherwise open, and the call counts as activity unless its row is a timer's poll.
 *
 * Ending a session (logout, disabling the officer, a password reset, expiry) tells whoever
 * watches it (the browser host's event stream, Electron's event forwarding), so no stream keeps
 * delivering for a session that is gone.
 *
 * A failed sign-in says the same thing whether the user exists or not.
 */
import { EventEmitter } from 'node:events';
import { and, eq, ne } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { LoginThrottle, type Attempt } from '@shared/auth/login-throttle';
import type { Officer } from '@shared/rpc';
import type { LockReason, SessionState } from '@shared/rpc/auth';
import type { Clock } from '../clock';
import type { CounterDb, DbExecutor } from '../db/open';
import { preparedPerConnection } from '../db/prepared';
import { session } from '../db/schema';
import { appendAudit } from '../audit/audit-log';
import { toOfficer, type OfficerService } from '../officers/officers';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../officers/password';
import type { Caller, SessionResolver } from '../rpc/dispatch';
import type { OfficerPrincipal as Principal, SessionInfo } from '../rpc/handlers';
import { hashToken, newToken } from './tokens';

const BAD_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng';
const GONE = 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại';

/** The office's session settings, read at every call (settings/ sits below auth/ in core's order). */
export interface SessionPolicy {
  /** 0: never lock for idleness. */
  idleLockMinutes: number;
  maxHours: number;
}

/** Why a session ended, as the audit log and the watchers are told. */
export type EndReason = 'logout' | 'expired' | 'disabled' | 'password_reset' | 'password_changed';

/** Writing last_seen_at on every call would be a write per click; a quarter minute is precise enough. */
const ACTIVITY_WRITE_EVERY_MS = 15_000;

interface SessionRow {
  tokenHash: string;
  createdAt: string;
  lastSeenAt: string;
  lockedAt: string | null;
  lockReason: LockReason | null;
  address: string | null;
  id: string;
  username: string;
  fullName: string;
  role: Officer['role'];
  active: number;
  mustChangePassword: number;
}

const sessionRow = preparedPerConnection((c) =>
  c.prepare<[string], SessionRow>(
    `SELECT s.token_hash AS tokenHash, s.created_at AS createdAt, s.last_seen_at AS lastSeenAt, s.locked_at AS lockedAt,
            s.lock_reason AS lockReason, s.address, o.id, o.username, o.full_name AS fullName, o.role, o.active,
            o.must_change_password AS mustChangePassword
     FROM session s JOIN officer o ON o.id = s.officer_id WHERE s.token_hash = ?`,
  ),
);
const touch = preparedPerConnection((c) => c.prepare<[string, string]>('UPDATE session SET last_seen_at = ? WHERE token_hash = ?'));

/** The address a throttle counts by: the LAN address, or this PC's own keyboard. */
function addressOf(caller: Pick<Caller, 'address'> | undefined): string {
  return caller?.address ?? 'local';
}

export class SessionService implements SessionResolver {
  private readonly throttle: LoginThrottle;
  /** Session ends, by token hash, for the hosts' event streams. */
  private readonly endings = new EventEmitter();

  constructor(
    private readonly db: CounterDb,
    private readonly officers: OfficerService,
    private readonly clock: Clock,
    private readonly policy: () => SessionPolicy,
  ) {
    this.throttle = new LoginThrottle(clock);
    this.endings.setMaxListeners(0);
  }

  /**
   * Every attempt leaves an audit row (never the password); repeated failures are throttled per
   * (username, address) and per address, never per username alone.
   */
  async login(username: string, password: string, caller?: Caller): Promise<{ token: string; officer: Officer; mustChangePassword: boolean }> {
    const attempt: Attempt = { username, address: addressOf(caller) };
    const source = caller?.address ? { source: caller.address } : {};
    const audit = (action: string, officerId: string | null, details: unknown) =>
      appendAudit(this.db, { at: this.clock.now().toISOString(), officerId, action, target: username, details });
    try {
      this.throttle.check(attempt);
    } catch (err) {
      audit('auth.login_refused', null, { reason: 'rate_limited', ...source });
      throw err;
    }
    const row = this.officers.findByUsername(username);
    const ok = await verifyPassword(password, row?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!row || !ok || !row.active) {
      this.throttle.fail(attempt);
      audit('auth.login_failed', row?.id ?? null, { reason: !row ? 'unknown_user' : !ok ? 'bad_password' : 'inactive', ...source });
      throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    this.throttle.succeed(attempt);
    const token = newToken();
    const now = this.clock.now().toISOString();
    this.db.transaction((tx) => {
      tx.insert(session)
        .values({ tokenHash: hashToken(token), officerId: row.id, createdAt: now, lastSeenAt: now, address: caller?.address ?? null })
        .run();
      appendAudit(tx, { at: now, officerId: row.id, action: 'auth.login', target: username, details: caller?.address ? source : null });
    });
    return { token, officer: toOfficer(row), mustChangePassword: row.mustChangePassword };
  }

  /** The dispatcher's question, every call (see the header for the rules). */
  resolve(token: string, opts: { passive: boolean }): Principal | AppError {
    const tokenHash = hashToken(token);
    const row = sessionRow(this.db).get(tokenHash);
    if (!row) return new AppError('UNAUTHENTICATED', GONE);
    const now = this.clock.now();
    const policy = this.policy();
    if (row.active !== 1) {
      this.end(tokenHash, row.id, 'disabled');
      return new AppError('UNAUTHENTICATED', 'Tài khoản đã bị vô hiệu hóa; liên hệ quản trị viên.');
    }
    const expiresAt = new Date(Date.parse(row.createdAt) + policy.maxHours * 3_600_000);
    if (now.getTime() >= expiresAt.getTime()) {
      this.end(tokenHash, row.id, 'expired');
      return new AppError('UNAUTHENTICATED', `Phiên làm việc đã quá ${policy.maxHours} giờ; vui lòng đăng nhập lại.`);
    }
    let { lockedAt, lockReason } = row;
    // A clock set back leaves a negative idle time: never a lock, and never an endless session
    // either, since the lifetime above counts from sign-in.
    const idleMs = now.getTime() - Date.parse(row.lastSeenAt);
    if (!lockedAt && policy.idleLockMinutes > 0 && idleMs >= policy.idleLockMinutes * 60_000) {
      this.setLock(tokenHash, row.id, 'idle', now);
      lockedAt = now.toISOString();
      lockReason = 'idle';
    } else if (!lockedAt && !opts.passive && idleMs >= ACTIVITY_WRITE_EVERY_MS) {
      touch(this.db).run(now.toISOString(), tokenHash);
    }
    const info: SessionInfo = {
      id: tokenHash,
      state: lockedAt ? 'locked' : 'open',
      lockReason: lockedAt ? lockReason : null,
      mustChangePassword: row.mustChangePassword === 1,
      createdAt: row.createdAt,
      expiresAt: expiresAt.toISOString(),
    };
    return { kind: 'officer', officer: { id: row.id, username: row.username, fullName: row.fullName, role: row.role }, session: info };
  }

  /** What the window shows: the app, the lock screen (and why), or the new-password form. */
  state(principal: Principal): SessionState {
    const { officer, session: s } = principal;
    return { officer, state: s.state, lockReason: s.lockReason, mustChangePassword: s.mustChangePassword, expiresAt: s.expiresAt };
  }

  lock(principal: Principal, reason: LockReason): SessionState {
    if (principal.session.state === 'locked') return this.state(principal);
    const now = this.clock.now();
    this.setLock(principal.session.id, principal.officer.id, reason, now);
    return this.state({ ...principal, session: { ...principal.session, state: 'locked', lockReason: reason } });
  }

  /** Only the officer's own password opens the lock; failures count like sign-in failures. */
  async unlock(principal: Principal, password: string, caller: Caller): Promise<SessionState> {
    const attempt: Attempt = { username: principal.officer.username, address: addressOf(caller) };
    this.throttle.check(attempt);
    if (!(await this.passwordMatches(principal.officer.id, password))) {
      this.throttle.fail(attempt);
      appendAudit(this.db, { at: this.clock.now().toISOString(), officerId: principal.officer.id, action: 'auth.unlock_failed', target: principal.officer.username, details: null });
      throw wrongPassword('password');
    }
    this.throttle.succeed(attempt);
    const now = this.clock.now().toISOString();
    this.db.transaction((tx) => {
      tx.update(session).set({ lockedAt: null, lockReason: null, lastSeenAt: now }).where(eq(session.tokenHash, principal.session.id)).run();
      appendAudit(tx, { at: now, officerId: principal.officer.id, action: 'auth.unlock', target: principal.officer.username, details: null });
    });
    return this.state({ ...principal, session: { ...principal.session, state: 'open', lockReason: null } });
  }

  /**
   * The officer's own change (or the one an administrator's reset demands): the current password
   * proves it is them; every other session of theirs ends, this one stays.
   */
  async changePassword(principal: Principal, current: string, next: string, caller: Caller): Promise<SessionState> {
    if (principal.session.state === 'locked') throw new AppError('SESSION_LOCKED', 'Màn hình đang khóa. Nhập mật khẩu để mở khóa.');
    const attempt: Attempt = { username: principal.officer.username, address: addressOf(caller) };
    this.throttle.check(attempt);
    if (!(await this.passwordMatches(principal.officer.id, current))) {
      this.throttle.fail(attempt);
      throw wrongPassword('currentPassword');
    }
    this.throttle.succeed(attempt);
    if (current === next) {
      const message = 'Mật khẩu mới phải khác mật khẩu hiện tại';
      throw new AppError('INVALID_INPUT', message, { issues: [{ path: ['newPassword'], message, code: 'same_password' }] });
    }
    const row = this.officers.get(principal.officer.id);
    const hash = await this.officers.hashNewPassword(row, next, ['newPassword']);
    const now = this.clock.now().toISOString();
    const ended = this.db.transaction((tx) => {
      this.officers.setPasswordHash(row.id, hash, false, tx);
      appendAudit(tx, { at: now, officerId: row.id, action: 'auth.password_changed', target: row.username, details: null });
      return this.endWhere(tx, row.id, 'password_changed', principal.session.id);
    });
    this.announce(ended);
    return this.state({ ...principal, session: { ...principal.session, mustChangePassword: false } });
  }

  logout(token: string): void {
    const tokenHash = hashToken(token);
    const found = this.db.select().from(session).where(eq(session.tokenHash, tokenHash)).get();
    if (!found) return;
    this.end(tokenHash, found.officerId, 'logout');
  }

  /**
   * Ends every session of an officer (disabled, password reset), inside the caller's transaction
   * when there is one; watchers hear of it after the commit.
   */
  endSessionsOf(officerId: string, reason: EndReason, tx: DbExecutor = this.db): void {
    this.announce(this.endWhere(tx, officerId, reason));
  }

  /**
   * Calls `onEnd` once when the session of `token` ends, however it ends. For the hosts' event
   * streams; returns the unsubscribe.
   */
  watch(token: string, onEnd: (reason: EndReason) => void): () => void {
    const key = hashToken(token);
    const listener = (reason: EndReason) => onEnd(reason);
    this.endings.once(key, listener);
    return () => this.endings.off(key, listener);
  }

  /**
   * Whether events may still go to this token's window: open (yes), locked (not now), gone (close
   * the stream). Passive: an open event stream never keeps a session awake.
   */
  status(token: string): 'open' | 'locked' | 'gone' {
    const resolved = this.resolve(token, { passive: true });
    return resolved instanceof AppError ? 'gone' : resolved.session.state;
  }

  private async passwordMatches(officerId: string, password: string): Promise<boolean> {
    const row = this.officers.findById(officerId);
    return !!row && (await verifyPassword(password, row.passwordHash));
  }

  private setLock(tokenHash: string, officerId: string, reason: LockReason, now: Date): void {
    const at = now.toISOString();
    this.db.transaction((tx) => {
      tx.update(session).set({ lockedAt: at, lockReason: reason }).where(eq(session.tokenHash, tokenHash)).run();
      appendAudit(tx, { at, officerId, action: 'auth.lock', target: null, details: { reason } });
    });
  }

  private end(tokenHash: string, officerId: string, reason: EndReason): void {
    const at = this.clock.now().toISOString();
    this.db.transaction((tx) => {
      tx.delete(session).where(eq(session.tokenHash, tokenHash)).run();
      appendAudit(tx, { at, officerId, action: reason === 'logout' ? 'auth.logout' : 'auth.session_ended', target: null, details: reason === 'logout' ? null : { reason } });
    });
    this.announce([{ tokenHash, reason }]);
  }

  /** Deletes the officer's sessions (but `keep`) and audits how many; returns what to announce. */
  private endWhere(tx: DbExecutor, officerId: string, reason: EndReason, keep?: string): { tokenHash: string; reason: EndReason }[] {
    const where = keep ? and(eq(session.officerId, officerId), ne(session.tokenHash, keep)) : eq(session.officerId, officerId);
    const rows = tx.select({ tokenHash: session.tokenHash }).from(session).where(where).all();
    if (rows.length === 0) return [];
    tx.delete(session).where(where).run();
    appendAudit(tx, { at: this.clock.now().toISOString(), officerId, action: 'auth.session_ended', target: null, details: { reason, sessions: rows.length } });
    return rows.map((r) => ({ tokenHash: r.tokenHash, reason }));
  }

  /**
   * Tells the watchers after the current synchronous work, so a caller's transaction has committed
   * (better-sqlite3's transactions are synchronous) before a stream closes.
   */
  private announce(ended: { tokenHash: string; reason: EndReason }[]): void {
    if (ended.length === 0) return;
    queueMicrotask(() => {
      for (const e of ended) this.endings.emit(e.tokenHash, e.reason);
    });
  }
}

function wrongPassword(field: string): AppError {
  const message = 'Mật khẩu không đúng';
  return new AppError('INVALID_INPUT', message, { issues: [{ path: [field], message, code: 'wrong_password' }] });
}
