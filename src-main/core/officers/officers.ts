/** Officer accounts (cán bộ): creation, lookup, listing, disabling and passwords. */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Officer, Role } from '@shared/rpc';
import type { OfficerAccount } from '@shared/rpc/officers';
import { AppError } from '@shared/errors';
import type { Clock } from '../clock';
import type { CounterDb, DbExecutor } from '../db/open';
import { officer } from '../db/schema';
import { newId } from '../ids';
import { hashPassword } from './password';
import { assertPasswordAllowed } from './password-policy';

export type OfficerRow = typeof officer.$inferSelect;
/** A new account's row: the flags a new account starts without (no forced change) keep their defaults. */
export type NewOfficerRow = Omit<typeof officer.$inferInsert, 'mustChangePassword' | 'passwordChangedAt'> & Pick<OfficerRow, 'id' | 'username' | 'fullName' | 'role'>;

export function toOfficer(row: Pick<OfficerRow, 'id' | 'username' | 'fullName' | 'role'>): Officer {
  return { id: row.id, username: row.username, fullName: row.fullName, role: row.role };
}

export function toAccount(row: OfficerRow): OfficerAccount {
  return { ...toOfficer(row), active: row.active, mustChangePassword: row.mustChangePassword };
}

export interface NewOfficer {
  username: string;
  password: string;
  fullName: string;
  role: Role;
}

export class OfficerService {
  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks the password policy and hashes outside any transaction (scrypt takes ~50 ms); the
   * insert itself is synchronous. `officeWords`: the office's names at first run, before its row.
   */
  async prepare(input: NewOfficer, opts: { officeWords?: string[]; passwordPath?: string[] } = {}): Promise<NewOfficerRow> {
    await assertPasswordAllowed(this.db, input.password, input, opts.passwordPath ?? ['password'], opts.officeWords);
    return {
      id: newId(),
      username: input.username,
      fullName: input.fullName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      active: true,
      createdAt: this.clock.now().toISOString(),
    };
  }

  insert(row: NewOfficerRow, db: DbExecutor = this.db): Officer {
    const existing = db.select({ id: officer.id }).from(officer).where(eq(officer.username, row.username)).get();
    if (existing) throw new AppError('CONFLICT', `Tên đăng nhập "${row.username}" đã được dùng`);
    db.insert(officer).values(row).run();
    return toOfficer(row);
  }

  async create(input: NewOfficer): Promise<Officer> {
    return this.insert(await this.prepare(input));
  }

  findByUsername(username: string): OfficerRow | undefined {
    return this.db.select().from(officer).where(eq(officer.username, username)).get();
  }

  findById(id: string, db: DbExecutor = this.db): OfficerRow | undefined {
    return db.select().from(officer).where(eq(officer.id, id)).get();
  }

  /** The account, or NOT_FOUND in the administrator's words. */
  get(id: string, db: DbExecutor = this.db): OfficerRow {
    const row = this.findById(id, db);
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy cán bộ này');
    return row;
  }

  list(): OfficerAccount[] {
    return this.db.select().from(officer).orderBy(asc(officer.fullName)).all().map(toAccount);
  }

  /**
   * Disables or re-enables an account. Refused for one's own account and for the last active
   * administrator: the office must never be left with nobody able to manage it.
   */
  setActive(id: string, active: boolean, by: Officer, db: DbExecutor = this.db): OfficerAccount {
    const row = this.get(id, db);
    if (!active && row.id === by.id) throw new AppError('CONFLICT', 'Không thể tự vô hiệu hóa tài khoản đang đăng nhập');
    if (!active && row.role === 'admin' && row.active) {
      const otherAdmin = db
        .select({ id: officer.id })
        .from(officer)
        .where(and(eq(officer.role, 'admin'), eq(officer.active, true), ne(officer.id, row.id)))
        .get();
      if (!otherAdmin) throw new AppError('CONFLICT', 'Không thể vô hiệu hóa quản trị viên cuối cùng còn hoạt động');
    }
    db.update(officer).set({ active }).where(eq(officer.id, id)).run();
    return toAccount({ ...row, active });
  }

  /** Checks the policy for this officer's role and hashes, outside any transaction. */
  async hashNewPassword(row: OfficerRow, password: string, path: string[]): Promise<string> {
    await assertPasswordAllowed(this.db, password, row, path);
    return hashPassword(password);
  }

  /** Stores a new hash; `mustChange` when an administrator set it (the officer chooses their own next). */
  setPasswordHash(id: string, passwordHash: string, mustChange: boolean, db: DbExecutor = this.db): OfficerAccount {
    const row = this.get(id, db);
    const changed = { passwordHash, mustChangePassword: mustChange, passwordChangedAt: this.clock.now().toISOString() };
    db.update(officer).set(changed).where(eq(officer.id, id)).run();
    return toAccount({ ...row, ...changed });
  }
}
