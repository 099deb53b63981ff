/**
 * Officers (cán bộ): who they are, their roles, and the administrator's list of them. Signing in
 * is rpc/auth.ts; it reads these records but does not manage them.
 */
import { z } from 'zod';
import { ROLES, row } from './row';
import { vnText } from './text';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch');

/** Minimum policy: 8+ characters with at least one letter and one digit. */
export const passwordSchema = z
  .string()
  .min(8, 'Mật khẩu tối thiểu 8 ký tự')
  .max(200, 'Mật khẩu quá dài')
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'Mật khẩu phải có cả chữ và số');

export const roleSchema = z.enum(ROLES);

export const officerSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
});
export type Officer = z.infer<typeof officerSchema>;

export const officerRows = {
  'officers.list': row({
    input: z.strictObject({}),
    output: z.object({ items: z.array(officerSchema.extend({ active: z.boolean() })) }),
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
