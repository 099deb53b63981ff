/** Officer accounts (cán bộ): creation, lookup and listing. */
import { asc, eq } from 'drizzle-orm';
import type { Officer, Role } from '@shared/rpc';
import { AppError } from '@shared/errors';
import type { Clock } from '../clock';
import type { CounterDb, DbExecutor } from '../db/open';
import { officer } from '../db/schema';
import { newId } from '../ids';
import { hashPassword } from './password';

export type OfficerRow = typeof officer.$inferSelect;

export function toOfficer(row: OfficerRow): Officer {
  return { id: row.id, username: row.username, fullName: row.fullName, role: row.role };
}

export class OfficerService {
  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
  ) {}

  /** Hashes outside any transaction (scrypt takes ~50 ms); the insert itself is synchronous. */
  async prepare(input: { username: string; password: string; fullName: string; role: Role }): Promise<OfficerRow> {
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

  insert(row: OfficerRow, db: DbExecutor = this.db): Officer {
    const existing = db.select({ id: officer.id }).from(officer).where(eq(officer.username, row.username)).get();
    if (existing) throw new AppError('CONFLICT', `Tên đăng nhập "${row.username}" đã được dùng`);
    db.insert(officer).values(row).run();
    return toOfficer(row);
  }

  async create(input: { username: string; password: string; fullName: string; role: Role }): Promise<Officer> {
    return this.insert(await this.prepare(input));
  }

  findByUsername(username: string): OfficerRow | undefined {
    return this.db.select().from(officer).where(eq(officer.username, username)).get();
  }

  findById(id: string): OfficerRow | undefined {
    return this.db.select().from(officer).where(eq(officer.id, id)).get();
  }

  list(): (Officer & { active: boolean })[] {
    return this.db
      .select()
      .from(officer)
      .orderBy(asc(officer.fullName))
      .all()
      .map((r) => ({ ...toOfficer(r), active: r.active }));
  }
}
