/**
 * The province hub's admin API: one row per call (row.ts), shared by the hub that serves it
 * (src-server/routes/admin.ts: one handler per row, or the build fails) and the admin page that
 * calls it (src-server/admin-ui/api/client.ts: calls by row name, typed from these schemas).
 * Inputs are parsed with their schema before any database work; a bad one is a 400
 * `invalid_input` with the zod issues (src-server/README.md, Admin API).
 */
import { z } from 'zod';
import { dossierEventSchema, dossierSchema, dossierStatusSchema } from '../dossier';
import { verificationSchema } from '../rpc/signing';
import { agencyCodeSchema, OP_RESULTS, publicationPayloadSchema, pushResultSchema } from '../sync/protocol';
import { feedbackCommuneRowSchema, feedbackItemRowSchema } from './feedback';
import { adminRow } from './row';

const nothing = z.object({});
const communeCodeParams = z.object({ code: agencyCodeSchema });
const idParams = z.object({ id: z.uuid() });

export const addAnchorInputSchema = z.object({ certificate: z.string().min(100).max(20_000) });
export const verifyInputSchema = z.object({ pdf: z.string().min(8).max(22_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/) });
export const trustAnchorSchema = z.object({ sha256: z.string(), subject: z.string(), notAfter: z.string(), addedAt: z.string() });
export type TrustAnchor = z.infer<typeof trustAnchorSchema>;

export const createCommuneInputSchema = z.object({
  code: agencyCodeSchema,
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .transform((s) => s.normalize('NFC')),
});
export type CreateCommuneInput = z.infer<typeof createCommuneInputSchema>;

export const enrollmentCodeInputSchema = z.object({ ttlHours: z.number().int().min(1).max(24 * 30).optional() }).default({});

export const statusChangeInputSchema = z.object({
  status: dossierStatusSchema,
  officer: z.string().trim().min(1).max(200),
  /** Event type for the timeline; defaults to a generic province status change. */
  type: z.string().trim().min(1).max(60).optional(),
  note: z.string().max(2000).optional(),
});
export type StatusChangeInput = z.infer<typeof statusChangeInputSchema>;

export const publicationInputSchema = z.object({
  kind: z.enum(['catalog', 'calendar', 'agency']),
  version: z.string().trim().min(1).max(100),
  data: z.json(),
});
export type PublicationInput = z.infer<typeof publicationInputSchema>;

export const dossierSearchInputSchema = z.object({
  q: z.string().trim().max(200).default(''),
  status: dossierStatusSchema.optional(),
  commune: agencyCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type DossierSearchInput = z.infer<typeof dossierSearchInputSchema>;

export const onTimeInputSchema = z
  .object({
    /** Period on finishedAt, [from, to); both optional (all time). */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((p) => !p.from || !p.to || new Date(p.from) < new Date(p.to), {
    message: 'from must be before to',
    path: ['to'],
  });
export type OnTimeInput = z.infer<typeof onTimeInputSchema>;

export const rejectedOpsInputSchema = z.object({
  commune: agencyCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type RejectedOpsInput = z.infer<typeof rejectedOpsInputSchema>;

const isoInstant = z.string();

export const communeStatsSchema = z.object({
  code: z.string(),
  name: z.string(),
  devices: z.number(),
  activeDevices: z.number(),
  dossiers: z.number(),
  lastPushAt: isoInstant.nullable(),
  lastPullAt: isoInstant.nullable(),
  /** Sum over active devices of the outbox depth each last reported. */
  pendingReported: z.number(),
  /** Largest absolute device-clock offset to the hub among active devices, in ms. */
  maxClockDriftMs: z.number().nullable(),
});
export type CommuneStats = z.infer<typeof communeStatsSchema>;

export const deviceRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  revoked: z.boolean(),
  createdAt: isoInstant,
  lastPushAt: isoInstant.nullable(),
  lastPullAt: isoInstant.nullable(),
  clockDriftMs: z.number().nullable(),
  pendingReported: z.number().nullable(),
});
export type DeviceRow = z.infer<typeof deviceRowSchema>;

export const dossierSearchRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  status: dossierStatusSchema,
  applicantName: z.string(),
  procedureName: z.string(),
  receivedAt: isoInstant,
  dueAt: isoInstant,
  finishedAt: isoInstant.nullable(),
  provinceStatusAt: isoInstant.nullable(),
});
export type DossierSearchRow = z.infer<typeof dossierSearchRowSchema>;

export const onTimeRowSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  finished: z.number(),
  onTime: z.number(),
  late: z.number(),
  /** Of the late ones, those with a Mẫu 04 apology. */
  lateApologised: z.number(),
  /** More than one supplement request (counted late). */
  exceptions: z.number(),
  /** onTime / finished; null when nothing finished in the period. */
  rate: z.number().nullable(),
});
export type OnTimeRow = z.infer<typeof onTimeRowSchema>;

/** Citizens' ratings per commune (issue #18): answered ratings submitted in [from, to). */
export const satisfactionRowSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  verySatisfied: z.number(),
  satisfied: z.number(),
  dissatisfied: z.number(),
  total: z.number(),
  /** Percent satisfied or very satisfied, one decimal; null with no rating. */
  satisfiedPercent: z.number().nullable(),
});
export type SatisfactionRow = z.infer<typeof satisfactionRowSchema>;

export const rejectedOpRowSchema = z.object({
  opId: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  deviceId: z.string(),
  deviceName: z.string(),
  opType: z.string(),
  entityId: z.string(),
  code: z.string().nullable(),
  reason: z.string().nullable(),
  receivedAt: isoInstant,
});
export type RejectedOpRow = z.infer<typeof rejectedOpRowSchema>;

export const rejectedOpsSummarySchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  rejected: z.number(),
});
export type RejectedOpsSummary = z.infer<typeof rejectedOpsSummarySchema>;

/** A page of a dossier's papers as the hub holds it; `stored` false while its file is still on its way. */
export const dossierPaperRowSchema = z.object({
  pageId: z.string(),
  sha256: z.string(),
  size: z.number(),
  role: z.string(),
  itemPosition: z.number(),
  itemName: z.string(),
  seq: z.number(),
  stored: z.boolean(),
});
export type DossierPaperRow = z.infer<typeof dossierPaperRowSchema>;

/** A stored paper's bytes (PDF), for the admin page's download: outside the JSON rows. */
export const adminPaperPath = (sha256: string) => `/v1/admin/papers/${sha256}`;

export const adminApi = {
  'stats.communes': adminRow({
    method: 'GET',
    path: '/v1/admin/stats',
    params: nothing,
    input: nothing,
    output: z.object({ communes: z.array(communeStatsSchema) }),
    access: 'admin',
  }),
  'communes.create': adminRow({
    method: 'POST',
    path: '/v1/admin/communes',
    params: nothing,
    input: createCommuneInputSchema,
    output: z.object({ code: z.string(), name: z.string() }),
    access: 'admin',
    status: 201,
  }),
  'communes.enrollmentCode': adminRow({
    method: 'POST',
    path: '/v1/admin/communes/:code/enrollment-codes',
    params: communeCodeParams,
    input: enrollmentCodeInputSchema,
    // The plain code is shown once; the hub keeps only its hash.
    output: z.object({ code: z.string(), communeCode: z.string(), expiresAt: isoInstant }),
    access: 'admin',
    status: 201,
  }),
  'communes.devices': adminRow({
    method: 'GET',
    path: '/v1/admin/communes/:code/devices',
    params: communeCodeParams,
    input: nothing,
    output: z.object({ devices: z.array(deviceRowSchema) }),
    access: 'admin',
  }),
  'devices.revoke': adminRow({
    method: 'POST',
    path: '/v1/admin/devices/:id/revoke',
    params: idParams,
    input: nothing,
    output: z.object({ ok: z.literal(true) }),
    access: 'admin',
  }),
  'dossiers.search': adminRow({
    method: 'GET',
    path: '/v1/admin/dossiers',
    params: nothing,
    input: dossierSearchInputSchema,
    output: z.object({ rows: z.array(dossierSearchRowSchema), total: z.number() }),
    access: 'admin',
  }),
  'dossiers.papers': adminRow({
    method: 'GET',
    path: '/v1/admin/dossiers/:id/papers',
    params: idParams,
    input: nothing,
    output: z.object({ papers: z.array(dossierPaperRowSchema) }),
    access: 'admin',
  }),
  'dossiers.recordStatus': adminRow({
    method: 'POST',
    path: '/v1/admin/dossiers/:id/status',
    params: idParams,
    input: statusChangeInputSchema,
    output: z.object({ dossier: dossierSchema, event: dossierEventSchema, seq: z.number() }),
    access: 'admin',
  }),
  'reports.onTime': adminRow({
    method: 'GET',
    path: '/v1/admin/reports/on-time',
    params: nothing,
    input: onTimeInputSchema,
    output: z.object({ communes: z.array(onTimeRowSchema) }),
    access: 'admin',
  }),
  'reports.satisfaction': adminRow({
    method: 'GET',
    path: '/v1/admin/reports/satisfaction',
    params: nothing,
    input: onTimeInputSchema,
    output: z.object({ communes: z.array(satisfactionRowSchema) }),
    access: 'admin',
  }),
  /** Feedback per commune, received in [from, to). */
  'reports.feedback': adminRow({
    method: 'GET',
    path: '/v1/admin/reports/feedback',
    params: nothing,
    input: onTimeInputSchema,
    output: z.object({ communes: z.array(feedbackCommuneRowSchema) }),
    access: 'admin',
  }),
  /** One commune's feedback received in [from, to), newest first (at most 500). */
  'communes.feedback': adminRow({
    method: 'GET',
    path: '/v1/admin/communes/:code/feedback',
    params: communeCodeParams,
    input: onTimeInputSchema,
    output: z.object({ items: z.array(feedbackItemRowSchema) }),
    access: 'admin',
  }),
  'rejectedOps.list': adminRow({
    method: 'GET',
    path: '/v1/admin/rejected-ops',
    params: nothing,
    input: rejectedOpsInputSchema,
    output: z.object({ summary: z.array(rejectedOpsSummarySchema), rows: z.array(rejectedOpRowSchema) }),
    access: 'admin',
  }),
  'offlineBundles.import': adminRow({
    method: 'POST',
    path: '/v1/admin/offline-bundles',
    params: nothing,
    // Checked by the hub itself: the signature is verified over the body exactly as received.
    input: z.unknown(),
    output: z.object({
      deviceId: z.string(),
      communeCode: z.string(),
      fingerprint: z.string(),
      summary: z.record(z.enum(OP_RESULTS), z.number()),
      results: z.array(pushResultSchema),
      /**
       * The bundle's pages: the files the hub still lacks (send each from the bundle's folder to
       * OFFLINE_BUNDLE_FILES_PATH/<sha256>) and the pages refused, with the reason.
       */
      files: z.object({
        missing: z.array(z.string()),
        refused: z.array(z.object({ pageId: z.string(), code: z.string(), message: z.string() })),
      }),
    }),
    access: 'admin',
    // A USB bundle can hold weeks of work.
    bodyLimit: 64 * 1024 * 1024,
  }),
  'publications.create': adminRow({
    method: 'POST',
    path: '/v1/admin/publications',
    params: nothing,
    input: publicationInputSchema,
    output: publicationPayloadSchema.extend({ seq: z.number() }),
    access: 'admin',
    status: 201,
    // Catalogs and calendars are bigger than a push batch.
    bodyLimit: 16 * 1_048_576,
  }),
  /** The province's trust list (danh sách tin cậy): the CA certificates it accepts. */
  'signatures.trustList': adminRow({
    method: 'GET',
    path: '/v1/admin/signatures/trust-list',
    params: nothing,
    input: nothing,
    output: z.object({ items: z.array(trustAnchorSchema) }),
    access: 'admin',
  }),
  'signatures.addAnchor': adminRow({
    method: 'POST',
    path: '/v1/admin/signatures/trust-list',
    params: nothing,
    input: addAnchorInputSchema,
    output: trustAnchorSchema,
    access: 'admin',
    status: 201,
  }),
  'signatures.removeAnchor': adminRow({
    method: 'POST',
    path: '/v1/admin/signatures/trust-list/:sha256/remove',
    params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    input: nothing,
    output: z.object({ ok: z.literal(true) }),
    access: 'admin',
  }),
  /** Any signed PDF checked against the trust list with the counters' own verifier. */
  'signatures.verify': adminRow({
    method: 'POST',
    path: '/v1/admin/signatures/verify',
    params: nothing,
    input: verifyInputSchema,
    output: verificationSchema,
    access: 'admin',
    // A signed scan is larger than a push batch.
    bodyLimit: 24 * 1_048_576,
  }),
};

export type AdminApi = typeof adminApi;
export type AdminCallName = keyof AdminApi;
/** What a caller sends for row N (before zod's transforms and defaults). */
export type AdminParams<N extends AdminCallName> = z.input<AdminApi[N]['params']>;
export type AdminInput<N extends AdminCallName> = z.input<AdminApi[N]['input']>;
/** What row N answers. */
export type AdminOutput<N extends AdminCallName> = z.output<AdminApi[N]['output']>;
