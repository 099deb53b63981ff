/** Dossiers at the counter: receive (tiếp nhận), find, look at, move through their lifecycle. */
import { z } from 'zod';
import { CHANNELS, DELIVERIES, dossierStatusSchema } from '../dossier';
import { DOSSIER_ACTIONS } from '../domain/lifecycle';
import { tokenSchema, ymdSchema } from './common';
import { row } from './row';
import { searchText, vnMultilineText, vnText } from './text';

const optionalText = (max: number) =>
  vnText(0, max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** The longest applicant name and address core records; the form counts against the same limits. */
export const APPLICANT_MAX = { fullName: 200, address: 500 } as const;

export const applicantInputSchema = z.strictObject({
  fullName: vnText(1, APPLICANT_MAX.fullName),
  idNumber: z
    .string()
    .trim()
    .regex(/^(\d{9}|\d{12})$/, 'Số định danh gồm 12 chữ số (hoặc CMND 9 chữ số)')
    .optional(),
  birthDate: ymdSchema.optional(),
  gender: z.enum(['male', 'female']).optional(),
  address: optionalText(APPLICANT_MAX.address),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d .-]{8,15}$/, 'Số điện thoại không hợp lệ')
    .optional(),
  email: z.email('Thư điện tử không hợp lệ').max(200).optional(),
});

export const receiveInputSchema = z.strictObject({
  procedureCode: tokenSchema(60),
  applicant: applicantInputSchema,
  documents: z
    .array(
      z.strictObject({
        name: vnText(1, 500),
        originals: z.number().int().min(0).max(1000),
        copies: z.number().int().min(0).max(1000),
      }),
    )
    .max(100)
    .optional(),
  pages: z.number().int().min(1).max(10_000).optional(),
  copies: z.number().int().min(1).max(1000).optional(),
  channel: z.enum(CHANNELS).default('direct'),
  delivery: z.enum(DELIVERIES).default('counter'),
  conditions: z.array(tokenSchema(60)).max(20).optional(),
  /** An exemption of the procedure (its legal basis is printed on the receipt). */
  exemptionId: vnText(1, 100).optional(),
  /** Or an exemption the catalog does not list, with the officer's written reason. */
  exemptionReason: optionalText(300),
  /** The intake form's số hóa batch (src-shared/rpc/scans.ts): its pages are bound in the receipt's transaction. */
  scanBatch: tokenSchema(60).optional(),
});

export const dossierSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  applicantName: z.string(),
  applicantIdNumber: z.string().nullable(),
  applicantPhone: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  field: z.string(),
  status: dossierStatusSchema,
  receivedAt: z.string(),
  dueAt: z.string(),
  dueProvisional: z.boolean(),
  receivedByName: z.string(),
  /** Pending and past its legal due date (or a second supplement request): graded overdue now. */
  overdue: z.boolean(),
  finishedAt: z.string().nullable(),
  /** The promise of a Mẫu 04 apology; the legal due date stays dueAt. */
  extendedDueAt: z.string().nullable(),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

export const dossierDetailSchema = dossierSummarySchema.extend({
  agencyCode: z.string(),
  procedureId: z.string(),
  catalogVersion: z.string(),
  deadline: z.object({ amount: z.number(), unit: z.string(), cutoff15: z.boolean(), counting: z.string() }),
  /** How the dossier stands now against its legal due date (null when refused at the counter). */
  standing: z
    .object({
      state: z.enum(['solved', 'pending']),
      grade: z.enum(['early', 'on_time', 'late', 'in_time', 'overdue']),
      apologised: z.boolean(),
      exception: z.boolean(),
    })
    .nullable(),
  verification: z.object({ at: z.string(), reason: z.string() }).nullable(),
  /** Received on behalf of another agency, which uses its own forms (no TT 03/2025 forms). */
  receivedFor: z.object({ agency: z.string(), ownForms: z.string() }).nullable(),
  /** A further supplement request needs a written reason and makes the dossier an exception. */
  supplementNeedsReason: z.boolean(),
  withdrawalRequestedAt: z.string().nullable(),
  applicant: z.object({
    fullName: z.string(),
    idNumber: z.string().optional(),
    birthDate: z.string().optional(),
    gender: z.enum(['male', 'female']).optional(),
    address: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
  }),
  documents: z.array(z.object({ name: z.string(), originals: z.number(), copies: z.number() })),
  fees: z.array(z.object({ label: z.string(), amount: z.number(), exemptReason: z.string().optional() })),
  feeTotal: z.number(),
  channel: z.enum(CHANNELS),
  delivery: z.enum(DELIVERIES),
  pages: z.number().nullable(),
  copies: z.number().nullable(),
  originalDueAt: z.string(),
  pausedSince: z.string().nullable(),
  supplementCount: z.number(),
  extensionCount: z.number(),
  returnedAt: z.string().nullable(),
  /** Người nhận kết quả, as recorded when the result was returned. */
  collectedBy: z.string().nullable(),
  nationalStatus: z.number(),
  completion: z.enum(['early', 'on_time', 'late']).nullable(),
  allowedActions: z.array(z.enum(DOSSIER_ACTIONS)),
  events: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      at: z.string(),
      officerName: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
export type DossierDetail = z.infer<typeof dossierDetailSchema>;

/** A legal due date moved after receipt (calendar change, verification), for the officer to act on. */
export const dueRevisionSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  code: z.string(),
  applicantName: z.string(),
  procedureName: z.string(),
  status: dossierStatusSchema.or(z.string()),
  at: z.string(),
  cause: z.enum(['calendar', 'verification']),
  oldDueAt: z.string(),
  newDueAt: z.string(),
  note: z.string().nullable(),
  /** A new Mẫu 01 was printed after the change. */
  reprinted: z.boolean(),
});
export type DueRevision = z.infer<typeof dueRevisionSchema>;

export const dossierRows = {
  /** Due dates moved in the last days: old and new date, whether the new slip was printed. */
  'dossiers.dueRevisions': row({
    input: z.strictObject({ days: z.number().int().min(1).max(366).default(30), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ items: z.array(dueRevisionSchema) }),
    access: 'signedIn',
  }),
  'dossiers.receive': row({
    input: receiveInputSchema,
    output: z.object({ id: z.string(), code: z.string(), dueAt: z.string(), status: dossierStatusSchema, provisional: z.boolean() }),
    access: 'signedIn',
  }),
  'dossiers.get': row({
    input: z.union([z.strictObject({ id: tokenSchema(60) }), z.strictObject({ code: tokenSchema(60) })]),
    output: dossierDetailSchema,
    access: 'signedIn',
  }),
  'dossiers.search': row({
    input: z.strictObject({
      query: searchText(200).optional(),
      status: z.union([dossierStatusSchema, z.array(dossierStatusSchema).max(10)]).optional(),
      overdue: z.boolean().optional(),
      dueWithinDays: z.number().int().min(0).max(365).optional(),
      from: ymdSchema.optional(),
      to: ymdSchema.optional(),
      procedureCode: tokenSchema(60).optional(),
      field: tokenSchema(60).optional(),
      officerId: tokenSchema(60).optional(),
      limit: z.number().int().min(1).max(500).default(50),
      cursor: tokenSchema(40).optional(),
    }),
    // foundInPapers: the words were not in the dossier's own fields but in its scanned papers' text (OCR).
    output: z.object({ items: z.array(dossierSummarySchema.extend({ foundInPapers: z.literal(true).optional() })), nextCursor: z.string().nullable() }),
    access: 'signedIn',
  }),
  /** Từ chối tiếp nhận (Mẫu 03): recorded as a dossier with status rejected (national code 3). */
  'dossiers.reject': row({
    input: z.strictObject({
      procedureCode: tokenSchema(60),
      applicant: applicantInputSchema,
      reason: vnMultilineText(1, 2000),
      channel: z.enum(CHANNELS).default('direct'),
    }),
    output: z.object({ id: z.string(), code: z.string(), status: dossierStatusSchema }),
    access: 'signedIn',
  }),
  /** One lifecycle step (chuyển, yêu cầu bổ sung, trả kết quả, gia hạn…), recorded as an event. */
  'dossiers.act': row({
    input: z.strictObject({
      id: tokenSchema(60),
      action: z.enum(DOSSIER_ACTIONS),
      note: vnMultilineText(0, 2000)
        .optional()
        .transform((v) => (v ? v : undefined)),
      /** extend (Mẫu 04): the new appointment date. */
      newDueDate: ymdSchema.optional(),
      /** returnResult: who collected the result and how. */
      collectedBy: optionalText(200),
    }),
    /** The dossier after the step, and what the officer must know about it (e.g. a late apology). */
    output: dossierDetailSchema.extend({ warnings: z.array(z.string()) }),
    access: 'signedIn',
  }),
} as const;
