/** The commune office: first-run initialisation and the one office row. */
import { eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { Office, Officer } from '@shared/rpc';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { office } from '../db/schema';
import type { OfficerService } from '../officers/officers';

export interface OfficeInput {
  name: string;
  governingBody: string;
  agencyCode: string;
  province: string;
  address?: string;
  phone?: string;
  place?: string;
}

/** "Ủy ban nhân dân xã Tân Lập" → "Tân Lập": the địa danh printed on the date line of forms. */
export function derivePlace(governingBody: string): string {
  const m = governingBody.match(/(?:xã|phường|đặc khu|thị trấn)\s+(.+)$/iu);
  return (m?.[1] ?? governingBody).trim();
}

function toOffice(row: typeof office.$inferSelect): Office {
  return {
    name: row.name,
    governingBody: row.governingBody,
    agencyCode: row.agencyCode,
    province: row.province,
    place: row.place,
    ...(row.address ? { address: row.address } : {}),
    ...(row.phone ? { phone: row.phone } : {}),
  };
}

export class OfficeService {
  constructor(
    private readonly db: CounterDb,
    private readonly officers: OfficerService,
    private readonly clock: Clock,
  ) {}

  isInitialized(): boolean {
    return !!this.db.select({ id: office.id }).from(office).where(eq(office.id, 1)).get();
  }

  get(): Office {
    const row = this.db.select().from(office).where(eq(office.id, 1)).get();
    if (!row) throw new AppError('NOT_INITIALIZED', 'Ứng dụng chưa được khởi tạo');
    return toOffice(row);
  }

  /** Creates the office and its first administrator in one transaction; refused once done. */
  async initialize(
    input: OfficeInput,
    admin: { username: string; password: string; fullName: string },
  ): Promise<{ office: Office; admin: Officer }> {
    if (this.isInitialized()) throw new AppError('ALREADY_INITIALIZED', 'Ứng dụng đã được khởi tạo trước đó');
    const adminRow = await this.officers.prepare({ ...admin, role: 'admin' });
    return this.db.transaction((tx) => {
      // Checked again inside the transaction: two first-run windows may race.
      if (tx.select({ id: office.id }).from(office).where(eq(office.id, 1)).get()) {
        throw new AppError('ALREADY_INITIALIZED', 'Ứng dụng đã được khởi tạo trước đó');
      }
      tx.insert(office)
        .values({
          id: 1,
          name: input.name,
          governingBody: input.governingBody,
          agencyCode: input.agencyCode,
          province: input.province,
          place: input.place || derivePlace(input.governingBody),
          address: input.address || null,
          phone: input.phone || null,
          createdAt: this.clock.now().toISOString(),
        })
        .run();
      const created = this.officers.insert(adminRow, tx);
      return { office: this.get(), admin: created };
    });
  }
}
