/**
 * Signing in and out (đăng nhập) and the session's own state: the lock (khóa màn hình) and the
 * password. The session lives in core, not in the page: a reload asks `auth.session` and finds
 * the lock where it was.
 */
import { z } from 'zod';
import { officerSchema, passwordSchema, usernameSchema } from './officers';
import { row } from './row';

export const LOCK_REASONS = ['idle', 'manual'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

/** A password as typed to prove who one is: compared, never cleaned or stored. */
const typedPassword = z.string().min(1).max(200);

export const sessionStateSchema = z.object({
  officer: officerSchema,
  /** open: every row the role allows; locked: only unlock, state and logout answer. */
  state: z.enum(['open', 'locked']),
  /** Why it is locked: the idle time ran out, or the officer locked it on leaving the desk. */
  lockReason: z.enum(LOCK_REASONS).nullable(),
  /** An administrator reset the password: a new one must be chosen before anything else. */
  mustChangePassword: z.boolean(),
  /** The session ends at this instant whatever happens (the office's absolute lifetime). */
  expiresAt: z.string(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const authRows = {
  'auth.login': row({
    input: z.strictObject({ username: usernameSchema, password: typedPassword }),
    // No token under Electron: the main process keeps it and attaches it to the window's calls.
    output: z.object({ token: z.string().optional(), officer: officerSchema, mustChangePassword: z.boolean() }),
    access: 'public',
  }),
  'auth.me': row({
    input: z.strictObject({}),
    output: z.object({ officer: officerSchema }),
    access: 'signedIn',
  }),
  /** What the window shows on load: the app, the lock screen, or the new-password form. */
  'auth.session': row({
    input: z.strictObject({}),
    output: sessionStateSchema,
    access: 'session',
    passive: true,
  }),
  'auth.lock': row({
    input: z.strictObject({ reason: z.enum(LOCK_REASONS).default('manual') }),
    output: sessionStateSchema,
    access: 'session',
  }),
  'auth.unlock': row({
    input: z.strictObject({ password: typedPassword }),
    output: sessionStateSchema,
    access: 'session',
  }),
  'auth.changePassword': row({
    input: z.strictObject({ currentPassword: typedPassword, newPassword: passwordSchema }),
    output: sessionStateSchema,
    access: 'session',
  }),
  'auth.logout': row({
    input: z.strictObject({}),
    output: z.object({ ok: z.literal(true) }),
    access: 'session',
  }),
} as const;
