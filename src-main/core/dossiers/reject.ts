/**
 * Từ chối tiếp nhận (Mẫu 03): the refusal is recorded as a dossier in status rejected (national
 * code 3) with its own code, so it appears in the register and the province's statistics.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { foldForSearch } from '@shared/domain/text';
import { formatDossierCode } from '@shared/domain/dossier-code';
import { vnYmd } from '@shared/domain/vn-time';
import type { Officer } from '@shared/rpc';
import type { DossierContext } from './context';
import { dossier, office } from '../db/schema';
import { newId } from '../ids';
import { recordChange } from './journal';
import { claimSequence } from './receive';
import type { z } from 'zod';
import type { applicantInputSchema } from '@shared/rpc/dossiers';

export function rejectDossier(
  ctx: DossierContext,
  input: { procedureCode: string; applicant: z.output<typeof applicantInputSchema>; reason: string; channel: 'direct' | 'postal' | 'online' },
  officer: Officer,
) {
  const procedure = ctx.catalog.get(input.procedureCode);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const pattern = ctx.settings.get().dossierCodePattern;
  const a = input.applicant;
  const row = ctx.db.transaction((tx) => {
    const off = tx.select().from(office).where(eq(office.id, 1)).get();
    if (!off) throw new AppError('NOT_INITIALIZED', 'Ứng dụng chưa được khởi tạo');
    const seq = claimSequence(tx, off.agencyCode, vnYmd(now), off.deskNumber ?? 0);
    const inserted = tx
      .insert(dossier)
      .values({
        id: newId(),
        code: formatDossierCode({ agencyCode: off.agencyCode, receivedAt: at, seq, pattern }),
        agencyCode: off.agencyCode,
        procedureId: procedure.id,
        procedureCode: procedure.code ?? procedure.id,
        procedureName: procedure.name,
        procedureField: procedure.field,
        catalogVersion: ctx.catalog.currentVersion(),
        deadlineAmount: procedure.deadline?.amount ?? 0,
        deadlineUnit: procedure.deadline?.unit ?? 'same_day',
        cutoff15: procedure.deadline?.cutoff15 ?? false,
        applicantName: a.fullName,
        applicantIdNumber: a.idNumber ?? null,
        applicantBirthDate: a.birthDate ?? null,
        applicantGender: a.gender ?? null,
        applicantAddress: a.address ?? null,
        applicantPhone: a.phone ?? null,
        applicantEmail: a.email ?? null,
        searchName: foldForSearch(a.fullName),
        searchAddress: foldForSearch(a.address ?? ''),
        channel: input.channel,
        delivery: 'counter',
        feeTotal: 0,
        status: 'rejected',
        receivedAt: at,
        dueAt: at,
        originalDueAt: at,
        dueProvisional: false,
        receivedById: officer.id,
        receivedByName: officer.fullName,
        finishedAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    recordChange(tx, inserted, { type: 'reject', from: null, to: 'rejected', at, officer, note: input.reason });
    return inserted;
  });
  ctx.events.emit('dossier.changed', { id: row.id });
  return { id: row.id, code: row.code, status: 'rejected' as const };
}
