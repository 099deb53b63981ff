/** Signing in and out (đăng nhập): the officer's session. */
import { z } from 'zod';
import { officerSchema, usernameSchema } from './officers';
import { row } from './row';

export const authRows = {
  'auth.login': row({
    input: z.strictObject({ username: usernameSchema, password: z.string().min(1).max(200) }),
    output: z.object({ token: z.string(), officer: officerSchema }),
    access: 'public',
  }),
  'auth.me': row({
    input: z.strictObject({}),
    output: z.object({ officer: officerSchema }),
    access: 'signedIn',
  }),
  'auth.logout': row({
    input: z.strictObject({}),
    output: z.object({ ok: z.literal(true) }),
    access: 'signedIn',
  }),
} as const;
