/**
 * Vietnamese phone numbers as officers type them ("0912.345.678", "+84 912 345 678",
 * "84-912-345-678"). Stored in the national form (0xxxxxxxxx) for display and SMS/Zalo lookups.
 *
 * Since the 2018 renumbering, mobiles are 10 digits starting 03, 05, 07, 08, 09; fixed lines are
 * 11 digits starting 02 (area code 2xx); 1800/1900 service numbers have 8 or 10 digits.
 */
import { DomainError } from './errors';
import { stripInvisible } from './text';

export type PhoneKind = 'mobile' | 'landline' | 'service';

export type PhoneResult =
  | { ok: true; national: string; e164: string | null; kind: PhoneKind }
  | { ok: false; error: DomainError };

export function normalizePhone(raw: string): PhoneResult {
  const compact = stripInvisible(raw).replace(/[\s.\-()/\u00A0]/g, '');
  const fail = (): PhoneResult => ({
    ok: false,
    error: new DomainError('INVALID_PHONE', `Số điện thoại không hợp lệ: "${raw.trim()}".`, { raw }),
  });
  if (!/^\+?\d+$/.test(compact)) return fail();
  if (/^(1800|1900)(\d{4}|\d{6})$/.test(compact)) return { ok: true, national: compact, e164: null, kind: 'service' };
  let national: string;
  if (compact.startsWith('+84')) national = `0${compact.slice(3)}`;
  else if (compact.startsWith('84') && (compact.length === 11 || compact.length === 12)) national = `0${compact.slice(2)}`;
  else national = compact;
  if (/^0[35789]\d{8}$/.test(national)) return { ok: true, national, e164: `+84${national.slice(1)}`, kind: 'mobile' };
  if (/^02\d{9}$/.test(national)) return { ok: true, national, e164: `+84${national.slice(1)}`, kind: 'landline' };
  return fail();
}

export function isValidPhone(raw: string): boolean {
  return normalizePhone(raw).ok;
}
