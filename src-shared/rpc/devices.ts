/**
 * The LAN devices of the citizen's side (issue #18): a kiosk, a calling screen, a rating tablet,
 * a lookup kiosk or a procedure board is paired by an administrator with a short-lived code from
 * Cài đặt and then holds a token whose scope is only its page. The administrator lists and
 * revokes them; a revoked device's calls and event stream end at once.
 */
import { z } from 'zod';
import { tokenSchema } from './common';
import { DEVICE_SCOPES, row } from './row';
import { vnText } from './text';

export const deviceScopeSchema = z.enum(DEVICE_SCOPES);

/** A counter's number as the room's signs show it (quầy số 1, 2…). */
export const counterNoSchema = z.number().int().min(1).max(99);

export const deviceSchema = z.object({
  id: z.string(),
  scope: deviceScopeSchema,
  /** The counter a rating tablet is bound to; null for the other pages. */
  counterNo: counterNoSchema.nullable(),
  label: z.string(),
  pairedAt: z.string(),
  pairedBy: z.string(),
  lastSeenAt: z.string().nullable(),
  /** The LAN address it paired from. */
  address: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

/** What a device knows about itself. */
export const deviceSelfSchema = deviceSchema.pick({ id: true, scope: true, counterNo: true, label: true });
export type DeviceSelf = z.infer<typeof deviceSelfSchema>;

/** Six digits, as typed on a touch screen's number pad. */
export const pairingCodeSchema = z.string().trim().regex(/^\d{6}$/, 'Mã ghép nối gồm 6 chữ số');

export const PAIRING_CODE_MINUTES = 10;

export const deviceRows = {
  /** A code for one device, valid PAIRING_CODE_MINUTES, used once. */
  'devices.startPairing': row({
    input: z
      .strictObject({ scope: deviceScopeSchema, label: vnText(1, 80), counterNo: counterNoSchema.nullable().default(null) })
      .refine((d) => d.scope !== 'rating' || d.counterNo !== null, { message: 'Máy đánh giá phải gắn với một quầy', path: ['counterNo'] }),
    output: z.object({ code: z.string(), expiresAt: z.string() }),
    access: ['admin'],
  }),
  /** The device's side: the code in, its token out. Throttled per address and over all addresses. */
  'devices.pair': row({
    input: z.strictObject({ code: pairingCodeSchema }),
    output: z.object({ token: z.string(), device: deviceSelfSchema }),
    access: 'public',
  }),
  'devices.list': row({
    input: z.strictObject({}),
    output: z.object({ items: z.array(deviceSchema) }),
    access: ['admin'],
  }),
  'devices.revoke': row({
    input: z.strictObject({ id: tokenSchema(64) }),
    output: deviceSchema,
    access: ['admin'],
  }),
  /** Moves a rating tablet to another counter without pairing it again; audited. */
  'devices.setCounter': row({
    input: z.strictObject({ id: tokenSchema(64), counterNo: counterNoSchema }),
    output: deviceSchema,
    access: ['admin'],
  }),
  /** The counters with a paired rating tablet: an officer's window then offers to say which counter it serves. */
  'devices.ratingCounters': row({
    input: z.strictObject({}),
    output: z.object({ counters: z.array(counterNoSchema) }),
    access: 'signedIn',
    passive: true,
  }),
  /** What page a paired device should show (its scope and counter). */
  'devices.me': row({
    input: z.strictObject({}),
    output: deviceSelfSchema,
    access: { device: DEVICE_SCOPES },
    passive: true,
  }),
} as const;

/**
 * Which core events each device's stream carries; everything else (dossiers, sync, officers'
 * notices) never leaves for a device, and the queue's events carry no personal data. A rating
 * tablet hears only its own counter's openings (core.ts checks the payload's counter), and a device
 * hears "device.changed" only about itself. A page with no other events listed hears only that
 * and its stream's end (revocation).
 */
export const DEVICE_EVENTS: Record<(typeof DEVICE_SCOPES)[number], readonly string[]> = {
  kiosk: ['queue.changed', 'device.changed'],
  display: ['queue.called', 'queue.changed', 'device.changed'],
  rating: ['rating.opened', 'device.changed'],
  lookup: ['device.changed'],
  board: ['device.changed'],
};
