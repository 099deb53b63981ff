/**
 * What one row of the RPC table says: the input and output schemas and who may call it.
 * `public` rows need no session (first-run setup, login, the public status lookup).
 */
import type { z } from 'zod';

export const ROLES = ['officer', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Access = 'public' | 'signedIn' | readonly Role[];

export interface RpcRow<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

/** Keeps each row's literal schema types while checking its shape. */
export function row<I extends z.ZodType, O extends z.ZodType>(r: RpcRow<I, O>): RpcRow<I, O> {
  return r;
}
