/**
 * What one row of the RPC table says: the input and output schemas and who may call it.
 * - `public`: no session (first-run setup, login, the public status lookup);
 * - `session`: any live session of an officer, even a locked one or one that must choose a new
 *   password first (its state, unlock, logout, change password): the only rows a locked screen
 *   can reach;
 * - `signedIn`: an open session (not locked, password not awaiting a change);
 * - a list of roles: an open session of one of them.
 */
import type { z } from 'zod';

export const ROLES = ['officer', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Access = 'public' | 'session' | 'signedIn' | readonly Role[];

export interface RpcRow<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /**
   * Called by a timer, not by a person (status polls, a preview refreshed every minute): it does
   * not count as activity, so an open window left alone still locks after the idle time.
   */
  passive?: true;
}

/** Keeps each row's literal schema types while checking its shape. */
export function row<I extends z.ZodType, O extends z.ZodType>(r: RpcRow<I, O>): RpcRow<I, O> {
  return r;
}
