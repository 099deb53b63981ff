/**
 * What one row of the RPC table says: the input and output schemas and who may call it.
 * - `public`: no session (first-run setup, login, the public status lookup);
 * - `session`: any live session of an officer, even a locked one or one that must choose a new
 *   password first (its state, unlock, logout, change password): the only rows a locked screen
 *   can reach;
 * - `signedIn`: an open session (not locked, password not awaiting a change);
 * - a list of roles: an open session of one of them;
 * - `{ device: [scopes] }`: a paired LAN device (kiosk, calling screen, rating tablet…) whose token
 *   carries one of those scopes, and nobody else. A device token reaches only these rows; an
 *   officer's session never does (the citizen pages are the devices', issue #18).
 */
import type { z } from 'zod';

export const ROLES = ['officer', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a paired device is for, one page each: the ticket kiosk, the calling screen (TV), the
 * rating tablet of one counter, the receipt lookup kiosk, the public procedure board.
 */
export const DEVICE_SCOPES = ['kiosk', 'display', 'rating', 'lookup', 'board'] as const;
export type DeviceScope = (typeof DEVICE_SCOPES)[number];

export interface DeviceAccess {
  readonly device: readonly DeviceScope[];
}

export type Access = 'public' | 'session' | 'signedIn' | readonly Role[] | DeviceAccess;

/** Whether a row is one of the devices' (and so never an officer's). */
export function isDeviceAccess(access: Access): access is DeviceAccess {
  return typeof access === 'object' && !Array.isArray(access) && 'device' in access;
}

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
