/**
 * The waiting-room queue (issue #18, item 1): fields of work (lĩnh vực: hộ tịch, chứng thực, đất
 * đai…) configured per commune and mapped to counters; tickets numbered per day in Vietnam's
 * calendar day; officers calling the next number at their counter, calling again, skipping a
 * number nobody answers, sending it to another counter. The kiosk takes tickets; the calling
 * screen follows what is called.
 */
import { z } from 'zod';
import { tokenSchema } from './common';
import { counterNoSchema } from './devices';
import { row } from './row';
import { vnText } from './text';

export const queueFieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The counters that serve this field. */
  counters: z.array(counterNoSchema),
  active: z.boolean(),
});
export type QueueField = z.infer<typeof queueFieldSchema>;

export const TICKET_STATES = ['waiting', 'called', 'served', 'skipped'] as const;

export const ticketSchema = z.object({
  id: z.string(),
  /** The calendar day in Vietnam the number belongs to (numbers restart each day). */
  day: z.string(),
  number: z.number().int(),
  /** As shown and announced: three digits ("015"). */
  label: z.string(),
  fieldId: z.string(),
  fieldName: z.string(),
  takenAt: z.string(),
  state: z.enum(TICKET_STATES),
  counterNo: counterNoSchema.nullable(),
  /** Sent here by another counter: served there before that counter's own queue. */
  transferredTo: counterNoSchema.nullable(),
  calledAt: z.string().nullable(),
  callCount: z.number().int(),
  /** The dossier received for this number, once the counter that called it has received one. */
  dossierId: z.string().nullable(),
});
export type Ticket = z.infer<typeof ticketSchema>;

/** What a ticket printout and the kiosk show; `print` says how the 80 mm printout went when one was asked for. */
export const takenTicketSchema = z.object({
  ticket: ticketSchema,
  waitingBefore: z.number().int(),
  print: z.object({ result: z.enum(['printed', 'failed']), error: z.string().nullable() }).nullable().default(null),
});
/** `print`: also print the number on this PC's printer (80 mm roll). */
const takeInput = z.strictObject({ fieldId: tokenSchema(64), print: z.boolean().default(false) });

export const counterStateSchema = z.object({
  counterNo: counterNoSchema,
  current: ticketSchema.nullable(),
  /** Numbers this counter would call next, in order. */
  waiting: z.number().int(),
});

/** What the calling screen shows: who is served where, and the next numbers. */
export const displayStateSchema = z.object({
  serving: z.array(z.object({ counterNo: counterNoSchema, label: z.string(), fieldName: z.string(), calledAt: z.string() })),
  next: z.array(z.object({ label: z.string(), fieldName: z.string() })),
});

const counterInput = z.strictObject({ counterNo: counterNoSchema });
const fieldsInput = z.strictObject({
  fields: z
    .array(z.strictObject({ id: tokenSchema(64).optional(), name: vnText(1, 80), counters: z.array(counterNoSchema).min(1).max(20), active: z.boolean().default(true) }))
    .min(1)
    .max(30),
});

export const queueRows = {
  'queue.fields': row({ input: z.strictObject({}), output: z.object({ items: z.array(queueFieldSchema) }), access: 'signedIn' }),
  'queue.saveFields': row({ input: fieldsInput, output: z.object({ items: z.array(queueFieldSchema) }), access: ['admin'] }),
  /** The kiosk's buttons: active fields only, no counters. */
  'queue.kioskFields': row({
    input: z.strictObject({}),
    output: z.object({ items: z.array(queueFieldSchema.pick({ id: true, name: true })) }),
    access: { device: ['kiosk'] },
  }),
  'queue.takeTicket': row({ input: takeInput, output: takenTicketSchema, access: { device: ['kiosk'] } }),
  /** The button on the officer's screen for a citizen where there is no kiosk. */
  'queue.issueTicket': row({ input: takeInput, output: takenTicketSchema, access: 'signedIn' }),
  'queue.counter': row({ input: counterInput, output: counterStateSchema, access: 'signedIn', passive: true }),
  /** The number now served at the counter is done; the next one for this counter is called. */
  'queue.callNext': row({ input: counterInput, output: counterStateSchema, access: 'signedIn' }),
  'queue.recall': row({ input: counterInput, output: counterStateSchema, access: 'signedIn' }),
  /** Nobody came: the number is set aside (skipped), nothing else is called. */
  'queue.skip': row({ input: counterInput, output: counterStateSchema, access: 'signedIn' }),
  /** The number now served goes to another counter, ahead of that counter's own queue. */
  'queue.transfer': row({ input: counterInput.extend({ toCounterNo: counterNoSchema }), output: counterStateSchema, access: 'signedIn' }),
  'queue.display': row({ input: z.strictObject({}), output: displayStateSchema, access: { device: ['display'] }, passive: true }),
} as const;
