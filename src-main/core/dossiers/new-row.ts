/**
 * The dossier row a new receipt or refusal starts from: who, for which procedure, under which
 * rules, with folded search copies of the name and address. One builder, so receipt and
 * refusal can never disagree on how a citizen or a procedure is recorded.
 */
import type { z } from 'zod';
import type { Procedure } from '@shared/domain/catalog';
import { foldForSearch } from '@shared/domain/text';
import type { Officer } from '@shared/rpc';
import type { applicantInputSchema } from '@shared/rpc/dossiers';
import { newId } from '../ids';
import type { NewDossierRow } from './statements';

export function newDossierRow(input: {
  code: string;
  agencyCode: string;
  procedure: Procedure;
  catalogVersion: string;
  applicant: z.output<typeof applicantInputSchema>;
  officer: Officer;
  at: string;
  channel: NewDossierRow['channel'];
  delivery: NewDossierRow['delivery'];
  status: 'received' | 'rejected';
  dueAt: string;
  dueProvisional: boolean;
  /** The province's counting rule for "N ngày làm việc" at receipt. */
  deadlineCounting: string;
  feeTotal: number;
  pages?: number;
  copies?: number;
}): NewDossierRow {
  const { procedure: p, applicant: a } = input;
  return {
    id: newId(),
    code: input.code,
    agencyCode: input.agencyCode,
    procedureId: p.id,
    procedureCode: p.code ?? p.id,
    procedureName: p.name,
    procedureField: p.field,
    catalogVersion: input.catalogVersion,
    deadlineAmount: p.deadline?.amount ?? 0,
    deadlineUnit: p.deadline?.unit ?? 'same_day',
    cutoff15: p.deadline?.cutoff15 ?? false,
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
    delivery: input.delivery,
    pages: input.pages ?? null,
    copies: input.copies ?? null,
    feeTotal: input.feeTotal,
    status: input.status,
    receivedAt: input.at,
    dueAt: input.dueAt,
    originalDueAt: input.dueAt,
    extendedDueAt: null,
    deadlineCounting: input.deadlineCounting,
    verificationAt: null,
    verificationReason: null,
    withdrawalRequestedAt: null,
    dueProvisional: input.dueProvisional,
    receivedById: input.officer.id,
    receivedByName: input.officer.fullName,
    supplementCount: 0,
    extensionCount: 0,
    pausedSince: null,
    finishedAt: input.status === 'rejected' ? input.at : null,
    returnedAt: null,
    updatedAt: input.at,
  };
}
