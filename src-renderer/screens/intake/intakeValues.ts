/** The intake form's values and their translation into the contract's receive/reject inputs. */
import type { Procedure } from '@shared/domain/catalog';
import type { RpcInput } from '@shared/rpc';
import { birthDateYmd } from './intakeChecks';

export interface ApplicantValues {
  fullName?: string;
  idNumber?: string;
  /** As typed (or read from the card): 'dd/mm/yyyy'. */
  birthDate?: string;
  gender?: 'male' | 'female';
  address?: string;
  phone?: string;
  email?: string;
}

export interface IntakeValues {
  applicant: ApplicantValues;
  procedureCode?: string;
  documents: { name: string; originals: number | null; copies: number | null }[];
  pages?: number | null;
  copies?: number | null;
  channel: 'direct' | 'postal';
  delivery: 'counter' | 'postal';
  /** A fee exemption of the procedure (its legal basis is printed on the receipt). */
  exemptionId?: string | null;
}

export const EMPTY_INTAKE: IntakeValues = {
  applicant: {},
  documents: [],
  copies: 1,
  channel: 'direct',
  delivery: 'counter',
};

const blankToUndefined = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

export function applicantInput(a: ApplicantValues): RpcInput<'dossiers.receive'>['applicant'] {
  return {
    fullName: a.fullName ?? '',
    idNumber: blankToUndefined(a.idNumber),
    birthDate: birthDateYmd(a.birthDate),
    gender: a.gender,
    address: blankToUndefined(a.address),
    phone: blankToUndefined(a.phone),
    email: blankToUndefined(a.email),
  };
}

export function receiveInput(v: IntakeValues): RpcInput<'dossiers.receive'> {
  return {
    procedureCode: v.procedureCode ?? '',
    applicant: applicantInput(v.applicant),
    // A line with no paper at all is a checklist item the citizen did not bring: not recorded.
    documents: v.documents
      .map((d) => ({ name: d.name, originals: d.originals ?? 0, copies: d.copies ?? 0 }))
      .filter((d) => d.originals + d.copies > 0),
    pages: v.pages ?? undefined,
    copies: v.copies ?? undefined,
    channel: v.channel,
    delivery: v.delivery,
    exemptionId: v.exemptionId ?? undefined,
  };
}

/** The checklist a procedure starts with: required papers counted, optional ones at zero. */
export function documentsOf(procedure: Procedure): IntakeValues['documents'] {
  return procedure.documents.map((d) => {
    const n = d.optional ? 0 : d.count;
    const isCopy = d.form === 'copy';
    return { name: d.name, originals: isCopy ? 0 : n, copies: isCopy ? n : 0 };
  });
}
