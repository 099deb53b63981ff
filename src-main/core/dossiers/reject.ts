/**
 * Từ chối tiếp nhận (Mẫu 03): the refusal is recorded as a dossier in status rejected (national
 * code 3) with its own code, so it appears in the register and the province's statistics.
 */
import { formatDossierCode } from '@shared/domain/dossier-code';
import { vnYmd } from '@shared/domain/vn-time';
import type { Officer } from '@shared/rpc';
import type { DossierContext } from './context';
import { recordChange } from './journal';
import { newDossierRow } from './new-row';
import { claimSequence, officeForCode } from './receive';
import { insertDossier } from './statements';
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
  const catalogVersion = ctx.catalog.currentVersion();
  const row = ctx.db.transaction((tx) => {
    const off = officeForCode(tx);
    const seq = claimSequence(tx, off.agencyCode, vnYmd(now), off.desk);
    const inserted = insertDossier(
      tx,
      newDossierRow({
        code: formatDossierCode({ agencyCode: off.agencyCode, receivedAt: at, seq, pattern }),
        agencyCode: off.agencyCode,
        procedure,
        catalogVersion,
        applicant: input.applicant,
        officer,
        at,
        channel: input.channel,
        delivery: 'counter',
        status: 'rejected',
        dueAt: at,
        dueProvisional: false,
        deadlineCounting: ctx.catalog.current().conventions.workingDayCounting.counting,
        feeTotal: 0,
      }),
    );
    recordChange(tx, inserted, { type: 'reject', from: null, to: 'rejected', at, officer, note: input.reason });
    return inserted;
  });
  ctx.events.emit('dossier.changed', { id: row.id });
  return { id: row.id, code: row.code, status: 'rejected' as const };
}
