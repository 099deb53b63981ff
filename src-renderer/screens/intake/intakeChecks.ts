/**
 * The applicant checks made as the officer types, so a wrong field is said at once next to it,
 * not at F9: the birth date typed as dd/mm/yyyy and the ID number checked with the card rules.
 */
import { parseCardDate, validateIdNumber, type Gender } from '@shared/domain/cccd';
import { formatDateVi } from '@shared/domain/text';
import { vi } from '../../i18n/vi';

const t = vi.intakeChecks;

/** A typed 'dd/mm/yyyy' as 'yyyy-mm-dd'; undefined when empty or not a date. */
export function birthDateYmd(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? (parseCardDate(trimmed) ?? undefined) : undefined;
}

/** Why the typed birth date cannot be recorded, or null (an empty one is allowed). */
export function birthDateProblem(text: string | undefined, today: string): string | null {
  if (!text?.trim()) return null;
  const ymd = birthDateYmd(text);
  if (!ymd) return t.birthDateFormat;
  if (ymd > today) return t.birthDateFuture(formatDateVi(today));
  return null;
}

/**
 * Why the typed ID number is wrong, or null. Spaces around it are ignored (they are trimmed
 * before saving too); a 9-digit old CMND has no rules beyond its length; a 12-digit number must
 * have a known province and agree with the birth year and gender already entered.
 */
export function idNumberProblem(text: string | undefined, known: { birthDateText?: string; gender?: Gender; today: string }): string | null {
  const id = text?.trim();
  if (!id || /^\d{9}$/.test(id)) return null;
  if (!/^\d{12}$/.test(id)) return t.idNumberLength;
  const check = validateIdNumber(id, { birthDate: birthDateYmd(known.birthDateText), gender: known.gender, today: known.today });
  return check.valid ? null : check.errors.map((e) => e.message).join(' ');
}
