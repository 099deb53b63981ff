/**
 * The commune office: first-run initialisation and the one office row.
 *
 * First run from another machine needs the one-time code the host printed on its console
 * (setupCode): on a fresh install served to the LAN, a web page in any browser that can reach the
 * host must not be able to create the office and its administrator before the commune does.
 * This PC's own window, the CLI and loopback callers need no code.
 */
import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { Office, Officer, RpcParsedInput } from '@shared/rpc';
import { audited } from '../audit/audited';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { office } from '../db/schema';
import { newReadableCode } from '../ids';
import type { OfficerService } from '../officers/officers';
import type { Caller } from '../rpc/dispatch';
import { isLocalCaller } from '../rpc/handlers';

/** No 0/O, 1/I/L: the code is read off a console and typed into another machine's browser. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 10 characters from 31 ≈ 50 bits, shown as XXXXX-XXXXX; wrong tries are throttled per address too. */
function newSetupCode(): string {
  const chars = newReadableCode(CODE_ALPHABET, 10);
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The office and its first administrator, as setup.initialize's schema gives them. */
type SetupInput = RpcParsedInput<'setup.initialize'>;

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
  /** Made when core opens on an uninitialised database; null once the office exists. */
  private oneTimeCode: string | null;
  private wrongCodes = new Map<string, number>();

  constructor(
    private readonly db: CounterDb,
    private readonly officers: OfficerService,
    private readonly clock: Clock,
  ) {
    this.oneTimeCode = this.isInitialized() ? null : newSetupCode();
  }

  /** The code for the host to print on its console, or null once the office is set up. */
  get setupCode(): string | null {
    return this.isInitialized() ? null : this.oneTimeCode;
  }

  /** Whether this caller must type the console's code to run first-run setup. */
  setupCodeRequired(caller: Caller): boolean {
    return !this.isInitialized() && !isLocalCaller(caller);
  }

  private checkSetupCode(given: string | undefined, caller: Caller): void {
    if (!this.setupCodeRequired(caller)) return;
    const address = caller.address ?? 'local';
    // Five wrong codes from one address and that address is done: the code stays unguessable.
    if ((this.wrongCodes.get(address) ?? 0) >= 5) {
      throw new AppError('RATE_LIMITED', 'Nhập sai mã khởi tạo quá nhiều lần. Hãy khởi tạo ngay trên máy chủ hoặc khởi động lại ứng dụng để có mã mới.');
    }
    const expected = Buffer.from(normaliseCode(this.oneTimeCode ?? ''));
    const actual = Buffer.from(normaliseCode(given ?? ''));
    if (expected.length === 0 || actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      this.wrongCodes.set(address, (this.wrongCodes.get(address) ?? 0) + 1);
      const message = given
        ? 'Mã khởi tạo không đúng. Mã được in trên màn hình của máy chạy ứng dụng khi khởi động.'
        : 'Cần mã khởi tạo in trên màn hình của máy chạy ứng dụng (hoặc khởi tạo ngay trên máy đó).';
      throw new AppError('FORBIDDEN', message, { issues: [{ path: ['setupCode'], message, code: 'setup_code' }] });
    }
  }

  isInitialized(): boolean {
    return !!this.db.select({ id: office.id }).from(office).where(eq(office.id, 1)).get();
  }

  get(): Office {
    const row = this.db.select().from(office).where(eq(office.id, 1)).get();
    if (!row) throw new AppError('NOT_INITIALIZED', 'Ứng dụng chưa được khởi tạo');
    return toOffice(row);
  }

  /** An administrator's correction of the office's details; the audit row keeps what changed, before and after. */
  update(input: RpcParsedInput<'office.update'>, by: Officer): Office {
    const before = this.get();
    const after = {
      name: input.name,
      governingBody: input.governingBody,
      province: input.province,
      place: input.place || derivePlace(input.governingBody),
      address: input.address || null,
      phone: input.phone || null,
    };
    const changed = Object.fromEntries(
      (Object.keys(after) as (keyof typeof after)[])
        .filter((k) => (before[k] ?? null) !== after[k])
        .map((k) => [k, { from: before[k] ?? null, to: after[k] }]),
    );
    return audited(this.db, this.clock, { officerId: by.id, action: 'office.update', target: before.agencyCode, details: changed }, () => {
      this.db.update(office).set(after).where(eq(office.id, 1)).run();
      return this.get();
    });
  }

  /** Creates the office and its first administrator in one transaction; refused once done. */
  async initialize(
    input: SetupInput['office'],
    admin: SetupInput['admin'],
    caller: Caller = { token: null },
    setupCode?: string,
  ): Promise<{ office: Office; admin: Officer }> {
    if (this.isInitialized()) throw new AppError('ALREADY_INITIALIZED', 'Ứng dụng đã được khởi tạo trước đó');
    this.checkSetupCode(setupCode, caller);
    const officeWords = [input.name, input.governingBody, input.agencyCode, input.place ?? derivePlace(input.governingBody)];
    const adminRow = await this.officers.prepare({ ...admin, role: 'admin' }, { officeWords, passwordPath: ['admin', 'password'] });
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
