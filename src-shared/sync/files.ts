/**
 * Files up to the hub (ARCHITECTURE.md §10): after a dossier's ops are acknowledged, the counter
 * declares the dossier's pages (`POST /v1/files/claim`); the hub records them, answers which of
 * their files it still lacks, and the counter sends only those, through tus (resumable uploads,
 * `FILES_TUS_PATH`) with the metadata below. Files are not ops: they never enter the outbox.
 */
import { z } from 'zod';

export const FILES_CLAIM_PATH = '/v1/files/claim';
export const FILES_TUS_PATH = '/v1/files/tus';
/** A normalised page is far smaller (core/scans caps an input at 50 MB); anything larger is refused. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
export const MAX_PAGES_PER_CLAIM = 200;

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const claimedPageSchema = z.object({
  pageId: z.uuid(),
  dossierId: z.uuid(),
  sha256: sha256HexSchema,
  size: z.number().int().positive().max(MAX_UPLOAD_BYTES),
  role: z.enum(['document', 'result']),
  itemPosition: z.number().int().min(0).max(10_000),
  itemName: z.string().min(1).max(500),
  seq: z.number().int().min(0).max(100_000),
});
export type ClaimedPage = z.infer<typeof claimedPageSchema>;

export const claimRequestSchema = z.object({
  deviceId: z.uuid(),
  pages: z.array(claimedPageSchema).min(1).max(MAX_PAGES_PER_CLAIM),
});
export type ClaimRequest = z.infer<typeof claimRequestSchema>;

export const claimResponseSchema = z.object({
  /** Hashes the hub does not hold yet: the counter uploads each once. */
  missing: z.array(sha256HexSchema),
  /** Pages refused (dossier unknown to the hub or of another commune), with the reason. */
  refused: z.array(z.object({ pageId: z.uuid(), code: z.string(), message: z.string() })),
  serverTime: z.string(),
});
export type ClaimResponse = z.infer<typeof claimResponseSchema>;

/** tus `Upload-Metadata` of a page's file: which file, for which dossier (checked against the claim). */
export const uploadMetadataSchema = z.object({
  sha256: sha256HexSchema,
  dossierId: z.uuid(),
});
export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;

/** The hub's answer when a completed upload's bytes do not hash to the declared SHA-256. */
export const HASH_MISMATCH_STATUS = 460;
export const HASH_MISMATCH_CODE = 'hash_mismatch';
