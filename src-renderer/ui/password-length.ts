/**
 * The password's length floor, said as the officer types it and in the same words as the hint
 * under the field. Core still checks the whole policy (src-shared/auth/password-policy.ts, which
 * stays out of the renderer for its dictionaries); without this its input schema's general floor
 * of 8 answered first, and an administrator told "at least 12" read "at least 8".
 */
import { vi } from '../i18n/vi';

/** PASSWORD_RULES' minLength for each level (a unit test keeps the two equal). */
export const PASSWORD_MIN_LENGTH = { standard: 8, admin: 12 } as const;

export function passwordLengthRule(admin: boolean) {
  const min = admin ? PASSWORD_MIN_LENGTH.admin : PASSWORD_MIN_LENGTH.standard;
  return { min, message: vi.setup.passwordTooShort(min, admin) };
}
