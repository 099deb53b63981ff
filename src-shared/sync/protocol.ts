/**
 * The wire protocol between a commune counter and the province hub (ARCHITECTURE.md §6).
 * Both sides parse every message with these schemas: the counter's sync engine builds requests
 * from them, the hub validates with them. Pure: no Node, no DOM, no I/O.
 *
 * Up:   POST /v1/sync/push   — ops from the counter's outbox, answered per op.
 * Down: GET  /v1/sync/pull   — a hub-numbered change feed per scope, read with a cursor.
 * Once: POST /v1/devices/enroll — a one-time code from the province becomes a device token.
 */
import { z } from 'zod';
import { dossierEventSchema, dossierSchema } from '../dossier';
import { feedbackAnsweredSchema, feedbackReceivedSchema } from './feedback-op';
import { ratingAnswerSchema } from './rating-op';

export const PROTOCOL_VERSION = 1;

/** Hub limits; the counter must split its outbox so that no request exceeds them. */
export const MAX_OPS_PER_PUSH = 100;
export const MAX_PUSH_BYTES = 1_048_576;
export const MAX_PULL_LIMIT = 500;
export const DEFAULT_PULL_LIMIT = 200;

const isoInstant = z.string().datetime({ offset: true });
/** Agency identifier (mã định danh cơ quan, DOMAIN.md §3.2); treated as an opaque code. */
export const agencyCodeSchema = z
  .string()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9][A-Za-z0-9.\-]*$/);

export const OP_TYPES = ['dossier.upsert', 'dossier.event', 'rating.answer', 'feedback.receive', 'feedback.answer'] as const;
export type OpType = (typeof OP_TYPES)[number];

/** Changes when the counter's database is restored from a backup, so reused seqs are told apart. */
export const deviceEpochSchema = z.string().min(1).max(64);

/**
 * The part of an op the hub checks before looking at the payload. A push whose envelope is bad is
 * refused whole (400, nothing written); an op whose payload is bad is answered `rejected` alone.
 */
export const opEnvelopeSchema = z.object({
  opId: z.uuid({ version: 'v7' }), // idempotency key
  seq: z.number().int().positive(), // per device, never reused
  deviceEpoch: deviceEpochSchema,
  opType: z.string().min(1).max(60),
  entityId: z.uuid(),
  payload: z.unknown(),
  createdAt: isoInstant, // device wall clock: display and diagnostics only, orders nothing
});
export type OpEnvelope = z.infer<typeof opEnvelopeSchema>;

/** A full snapshot of the dossier; entityId must equal payload.id. */
export const dossierUpsertOpSchema = opEnvelopeSchema.extend({
  opType: z.literal('dossier.upsert'),
  payload: dossierSchema,
});
/** One timeline row; entityId must equal payload.id. */
export const dossierEventOpSchema = opEnvelopeSchema.extend({
  opType: z.literal('dossier.event'),
  payload: dossierEventSchema,
});
/** A citizen's answered rating (rating-op.ts); entityId must equal payload.id. */
export const ratingAnswerOpSchema = opEnvelopeSchema.extend({
  opType: z.literal('rating.answer'),
  payload: ratingAnswerSchema,
});
/** A citizen's feedback as received, and as answered (feedback-op.ts); entityId must equal payload.id. */
export const feedbackReceiveOpSchema = opEnvelopeSchema.extend({ opType: z.literal('feedback.receive'), payload: feedbackReceivedSchema });
export const feedbackAnswerOpSchema = opEnvelopeSchema.extend({ opType: z.literal('feedback.answer'), payload: feedbackAnsweredSchema });
export const opSchema = z.discriminatedUnion('opType', [dossierUpsertOpSchema, dossierEventOpSchema, ratingAnswerOpSchema, feedbackReceiveOpSchema, feedbackAnswerOpSchema]);
export type Op = z.infer<typeof opSchema>;

/** The payload schema of each op type, for whoever receives an envelope. */
export const opPayloadSchemas = {
  'dossier.upsert': dossierSchema,
  'dossier.event': dossierEventSchema,
  'rating.answer': ratingAnswerSchema,
  'feedback.receive': feedbackReceivedSchema,
  'feedback.answer': feedbackAnsweredSchema,
} as const satisfies Record<OpType, z.ZodType>;

export const pushRequestSchema = z.object({
  deviceId: z.uuid(),
  deviceEpoch: deviceEpochSchema,
  /** Device wall clock when the request was sent; the hub records the drift it implies. */
  clientTime: isoInstant.optional(),
  /** Outbox rows still pending at the counter after this batch, shown to the province. */
  pending: z.number().int().min(0).optional(),
  ops: z.array(opEnvelopeSchema).max(MAX_OPS_PER_PUSH),
});
/** What the counter sends; the hub parses with pushRequestSchema (payloads checked per op). */
export type PushRequest = Omit<z.infer<typeof pushRequestSchema>, 'ops'> & { ops: Op[] };

export const OP_RESULTS = ['applied', 'duplicate', 'rejected', 'retry_later'] as const;
export type OpResultKind = (typeof OP_RESULTS)[number];

/** Machine-readable reasons for `rejected` / `retry_later`; `reason` carries the Vietnamese text. */
export const OP_REJECT_CODES = [
  'invalid_payload',
  'unknown_op_type',
  'entity_mismatch',
  'foreign_commune',
  /** The code's agency part is not the pushing device's commune (issue #14). */
  'foreign_code',
  'duplicate_code',
  /** The snapshot's status is older than the hub's (an old snapshot replayed): refused, never applied. */
  'stale_status',
  'dossier_not_found',
  'op_id_conflict',
  'transient_error',
] as const;
export type OpRejectCode = (typeof OP_REJECT_CODES)[number];

export const opResultSchema = z.object({
  opId: z.string(),
  result: z.enum(OP_RESULTS),
  reason: z.string().optional(),
  // A code this counter does not know yet (a newer hub) reads as absent rather than failing the
  // whole push answer: the Vietnamese reason still says what happened.
  code: z.enum(OP_REJECT_CODES).optional().catch(undefined),
});
export type OpResult = z.infer<typeof opResultSchema>;

/**
 * Results come in the order of the request's ops. `duplicate` carries the stored first answer's
 * reason/code in `firstResult`, so a lost response can be recovered by resending.
 */
export const pushResultSchema = opResultSchema.extend({
  firstResult: z.enum(['applied', 'rejected']).optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  serverTime: isoInstant,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** `province` (catalogs, calendars, agencies) or `commune:<agency code>` (that commune's statuses). */
export const scopeSchema = z.union([
  z.literal('province'),
  z.templateLiteral(['commune:', agencyCodeSchema]),
]);
export type Scope = z.infer<typeof scopeSchema>;
export const communeScope = (code: string): Scope => `commune:${code}` as Scope;

export const pullQuerySchema = z.object({
  scope: scopeSchema,
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  /** Device wall clock, as on push: lets the hub record drift for counters that only pull. */
  clientTime: isoInstant.optional(),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const CHANGE_KINDS = ['catalog', 'calendar', 'agency', 'dossier.status'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Province-published reference data: the counter replaces its copy of `kind` with `data`. */
export const publicationPayloadSchema = z.object({
  version: z.string().min(1).max(100),
  publishedAt: isoInstant,
  data: z.unknown(),
});
export type PublicationPayload = z.infer<typeof publicationPayloadSchema>;

/** A province-owned status change of one of the commune's dossiers. */
export const dossierStatusPayloadSchema = z.object({
  dossierId: z.uuid(),
  code: z.string(),
  status: dossierEventSchema.shape.toStatus.unwrap(),
  event: dossierEventSchema,
  dossier: dossierSchema, // the hub's snapshot after the change
});
export type DossierStatusPayload = z.infer<typeof dossierStatusPayloadSchema>;

export const changeSchema = z.discriminatedUnion('kind', [
  z.object({ seq: z.number().int().positive(), kind: z.literal('catalog'), payload: publicationPayloadSchema }),
  z.object({ seq: z.number().int().positive(), kind: z.literal('calendar'), payload: publicationPayloadSchema }),
  z.object({ seq: z.number().int().positive(), kind: z.literal('agency'), payload: publicationPayloadSchema }),
  z.object({
    seq: z.number().int().positive(),
    kind: z.literal('dossier.status'),
    payload: dossierStatusPayloadSchema,
  }),
]);
export type Change = z.infer<typeof changeSchema>;

/**
 * `cursor` is the seq of the last change returned (or `after` if none): store it in the same
 * local transaction as the applied changes and send it back as `after`.
 */
export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  serverTime: isoInstant,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const enrollRequestSchema = z.object({
  code: z.string().trim().min(1).max(64),
  deviceName: z.string().trim().min(1).max(200),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.uuid(),
  token: z.string().min(32),
  commune: z.object({ code: agencyCodeSchema, name: z.string() }),
  serverTime: isoInstant,
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  database: z.enum(['pglite', 'postgresql']),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Every non-2xx answer of the hub. `message` is Vietnamese, for the officer. */
export const errorResponseSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
