/**
 * The dossier (hồ sơ) as every layer sees it: the counter's committed row, what sync carries up
 * to the province, what the printed forms read. One schema so the three never drift apart.
 * Times are UTC ISO-8601 instants; money is integer đồng; text is NFC.
 */
import { z } from 'zod';

/** Internal lifecycle states (DOMAIN.md §4.2). The national codes 1–10 are derived from these. */
export const DOSSIER_STATUSES = [
  'received', // Đã tiếp nhận (2)
  'rejected', // Không được tiếp nhận, Mẫu 03 (3)
  'transferred', // Đã chuyển xử lý (4)
  'processing', // Đang xử lý (4)
  'awaiting_supplement', // Yêu cầu bổ sung, clock paused (5)
  'awaiting_fee', // Yêu cầu thực hiện nghĩa vụ tài chính (6)
  'withdrawal_requested', // Công dân yêu cầu rút hồ sơ (7)
  'stopped', // Dừng xử lý, Mẫu 05 (8)
  'result_ready', // Đã xử lý xong, chờ trả (9)
  'returned', // Đã trả kết quả (10)
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
export const dossierStatusSchema = z.enum(DOSSIER_STATUSES);

export const CHANNELS = ['direct', 'postal', 'online'] as const; // trực tiếp / bưu chính / trực tuyến
export const DELIVERIES = ['counter', 'postal'] as const; // tại quầy / bưu chính

export const applicantSchema = z.object({
  fullName: z.string().min(1).max(200),
  idNumber: z.string().max(20).optional(),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), // calendar date, no time zone
  gender: z.enum(['male', 'female']).optional(),
  address: z.string().max(500).optional(),
  phone: z.string().max(20).optional(),
  email: z.string().max(200).optional(),
});
export type Applicant = z.infer<typeof applicantSchema>;

export const dossierDocumentSchema = z.object({
  name: z.string().min(1).max(500),
  originals: z.number().int().min(0).max(1000),
  copies: z.number().int().min(0).max(1000),
});
export type DossierDocument = z.infer<typeof dossierDocumentSchema>;

export const feeLineSchema = z.object({
  label: z.string().min(1).max(300),
  amount: z.number().int().min(0), // đồng
  exemptReason: z.string().max(300).optional(),
});
export type FeeLine = z.infer<typeof feeLineSchema>;

/** A committed dossier, as stored at the counter and mirrored at the hub. */
export const dossierSchema = z.object({
  id: z.string().uuid(),
  code: z.string().min(1).max(50),
  agencyCode: z.string().min(1).max(50),
  procedureCode: z.string().min(1).max(60),
  procedureName: z.string().min(1).max(500),
  applicant: applicantSchema,
  documents: z.array(dossierDocumentSchema),
  fees: z.array(feeLineSchema),
  channel: z.enum(CHANNELS),
  delivery: z.enum(DELIVERIES),
  status: dossierStatusSchema,
  receivedAt: z.string().datetime({ offset: true }),
  /** The LEGAL due date (pauses and verification included); what every report grades against. */
  dueAt: z.string().datetime({ offset: true }),
  dueProvisional: z.boolean(),
  receivedBy: z.string().min(1).max(200), // officer full name
  finishedAt: z.string().datetime({ offset: true }).nullable(),
  returnedAt: z.string().datetime({ offset: true }).nullable(),
  updatedAt: z.string().datetime({ offset: true }),
  /** SHA-256 of the receipt's lookup key (sync/lookup-key.ts); absent for receipts printed before it. */
  lookupKeyHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  // What grading needs beyond the dates (src-shared/domain/grading.ts). Optional: counters that
  // predate them send snapshots without them, read as "none".
  /** Lĩnh vực key of the catalog (e.g. 'ho_tich'). */
  procedureField: z.string().min(1).max(60).optional(),
  /** The promise of a Mẫu 04 apology; never a due date for grading. */
  extendedDueAt: z.string().datetime({ offset: true }).nullable().optional(),
  supplementCount: z.number().int().min(0).max(1000).optional(),
  withdrawalRequestedAt: z.string().datetime({ offset: true }).nullable().optional(),
  verificationAt: z.string().datetime({ offset: true }).nullable().optional(),
});
export type Dossier = z.infer<typeof dossierSchema>;

/** One row of the append-only timeline (dossier_event). */
export const dossierEventSchema = z.object({
  id: z.string().uuid(),
  dossierId: z.string().uuid(),
  type: z.string().min(1).max(60),
  fromStatus: dossierStatusSchema.nullable(),
  toStatus: dossierStatusSchema.nullable(),
  at: z.string().datetime({ offset: true }),
  officer: z.string().max(200),
  note: z.string().max(2000).optional(),
  /** The legal due date after this step, for steps that move it (supplement received, verification…). */
  legalDueAt: z.string().datetime({ offset: true }).optional(),
});
export type DossierEvent = z.infer<typeof dossierEventSchema>;
