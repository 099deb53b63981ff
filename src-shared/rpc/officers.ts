/**
 * Officers (cán bộ): who they are, their roles, and the administrator's list of them. Signing in
 * is rpc/auth.ts; it reads these records but does not manage them.
 */
import { z } from 'zod';
import { tokenSchema } from './common';
import { ROLES, row } from './row';
import { vnText } from './text';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch');

/**
 * A new password's shape. Its strength (stricter for administrators, never the username) is
 * checked where it is set, in core, by src-shared/auth/password-policy.ts: the estimator's
 * dictionaries are too big for the renderer bundle that imports this file.
 */
export const passwordSchema = z.string().min(8, 'Mật khẩu tối thiểu 8 ký tự').max(200, 'Mật khẩu quá dài');

export const roleSchema = z.enum(ROLES);

export const officerSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
});
export type Officer = z.infer<typeof officerSchema>;

export const officerAccountSchema = officerSchema.extend({ active: z.boolean(), mustChangePassword: z.boolean() });
export type OfficerAccount = z.infer<typeof officerAccountSchema>;

export const officerRows = {
  'officers.list': row({
    input: z.strictObject({}),
    output: z.object({ items: z.array(officerAccountSchema) }),
    access: ['admin'],
  }),
  /** Vô hiệu hóa / kích hoạt lại: a disabled officer's sessions end at once, event streams too. */
  'officers.setActive': row({
    input: z.strictObject({ id: tokenSchema(60), active: z.boolean() }),
    output: officerAccountSchema,
    access: ['admin'],
  }),
  /** Đặt lại mật khẩu: a temporary password the officer must replace at the next sign-in. */
  'officers.resetPassword': row({
    input: z.strictObject({ id: tokenSchema(60), password: passwordSchema }),
    output: officerAccountSchema,
    access: ['admin'],
  }),
  'officers.create': row({
    input: z.strictObject({
      username: usernameSchema,
      password: passwordSchema,
      fullName: vnText(1, 200),
      role: roleSchema,
    }),
    output: officerSchema,
    access: ['admin'],
  }),
} as const;
