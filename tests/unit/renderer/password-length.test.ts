/**
 * The password length the setup wizard and the change-password form ask for as the officer types:
 * the policy's own floors, in the hint's words (an administrator was told "at least 12" under the
 * field and "tối thiểu 8" when the password was refused).
 */
import { describe, expect, it } from 'vitest';
import { vi } from '../../../src-renderer/i18n/vi';
import { PASSWORD_MIN_LENGTH, passwordLengthRule } from '../../../src-renderer/ui/password-length';
import { PASSWORD_RULES } from '../../../src-shared/auth/password-policy';

describe('password length as typed', () => {
  it('asks what the policy asks, for each level', () => {
    expect(PASSWORD_MIN_LENGTH.standard).toBe(PASSWORD_RULES.standard.minLength);
    expect(PASSWORD_MIN_LENGTH.admin).toBe(PASSWORD_RULES.admin.minLength);
    expect(passwordLengthRule(true).min).toBe(PASSWORD_RULES.admin.minLength);
    expect(passwordLengthRule(false).min).toBe(PASSWORD_RULES.standard.minLength);
  });

  it('says the same number as the hint under the field', () => {
    expect(vi.setup.adminPasswordHint).toContain(`Tối thiểu ${PASSWORD_RULES.admin.minLength} ký tự`);
    expect(vi.setup.passwordHint).toContain(`Tối thiểu ${PASSWORD_RULES.standard.minLength} ký tự`);
    expect(passwordLengthRule(true).message).toBe('Mật khẩu tài khoản quản trị phải có ít nhất 12 ký tự.');
    expect(passwordLengthRule(false).message).toBe('Mật khẩu phải có ít nhất 8 ký tự.');
  });
});
