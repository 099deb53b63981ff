/**
 * The lookup kiosk's answer (src-shared/rpc/lookup.ts), from this counter's database: the hub is
 * not asked, so the kiosk works with the internet down and shows a dossier the moment it is
 * received.
 *
 * The same rules as the hub's public lookup (src-server/routes/public-lookup.ts): the receipt's
 * key, compared in constant time, or the last four digits of the applicant's phone, five wrong on
 * one code locking that way for the code for an hour (LookupPhoneTries). The device's own rate
 * limit (rpc/rate-limit.ts) caps how fast one kiosk can ask at all.
 */
import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { STATUS_LABELS } from '@shared/domain/lifecycle';
import type { DossierStatus } from '@shared/dossier';
import { AppError } from '@shared/errors';
import type { LookupResult } from '@shared/rpc/lookup';
import { LookupPhoneTries } from '@shared/sync/lookup-tries';
import type { CounterDb } from '../db/open';
import { dossier } from '../db/schema';
import { lookupKeyOf } from '../dossiers/lookup-key';

export const LOOKUP_NOT_FOUND =
  'Không tìm thấy hồ sơ với mã và thông tin này. Hãy quét lại mã QR trên giấy tiếp nhận và hẹn trả kết quả, hoặc nhập đúng mã hồ sơ và 4 số cuối số điện thoại đã khai khi nộp hồ sơ.';

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export class LookupService {
  private readonly phoneTries: LookupPhoneTries;

  /** `monotonicNow` in milliseconds (performance.now()): lockouts must not move with the PC's clock. */
  constructor(
    private readonly db: CounterDb,
    monotonicNow: () => number = () => performance.now(),
  ) {
    this.phoneTries = new LookupPhoneTries(monotonicNow);
  }

  find(input: { code: string; key: string } | { code: string; phoneLast4: string }): LookupResult {
    const phoneWay = 'phoneLast4' in input;
    if (phoneWay && this.phoneTries.locked(input.code)) throw new AppError('NOT_FOUND', LOOKUP_NOT_FOUND);
    const d = this.db
      .select({
        id: dossier.id,
        code: dossier.code,
        procedureName: dossier.procedureName,
        status: dossier.status,
        receivedAt: dossier.receivedAt,
        dueAt: dossier.dueAt,
        extendedDueAt: dossier.extendedDueAt,
        returnedAt: dossier.returnedAt,
        phone: dossier.applicantPhone,
      })
      .from(dossier)
      .where(eq(dossier.code, input.code))
      .get();
    let shown = false;
    if (d && !phoneWay) {
      const key = lookupKeyOf(this.db, d.id);
      shown = key !== null && sameText(key, input.key);
    } else if (d && phoneWay) {
      const digits = (d.phone ?? '').replace(/\D/g, '');
      shown = digits.length >= 8 && sameText(digits.slice(-4), input.phoneLast4);
    }
    if (!shown || !d) {
      if (phoneWay) this.phoneTries.fail(input.code);
      throw new AppError('NOT_FOUND', LOOKUP_NOT_FOUND);
    }
    return {
      code: d.code,
      procedureName: d.procedureName,
      status: d.status,
      statusLabel: STATUS_LABELS[d.status as DossierStatus] ?? d.status,
      receivedAt: d.receivedAt,
      appointmentAt: d.extendedDueAt ?? d.dueAt,
      returnedAt: d.returnedAt,
    };
  }
}
