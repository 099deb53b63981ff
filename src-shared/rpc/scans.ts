/**
 * Số hóa at the counter: pages of each checklist item captured from a scanner, the scan folder,
 * a file or the camera, normalised to one-page PDFs in the file store, arranged before the
 * dossier is received and bound to it after; the result scanned at Trả kết quả. A file travels
 * in parts (`scans.uploadPart`) so any size up to the cap fits the transports' body limit.
 */
import { z } from 'zod';
import { tokenSchema } from './common';
import { row } from './row';
import { vnMultilineText, vnText } from './text';

/** One part of an uploaded file: 1 MiB of bytes, base64, under the 2 MB request limit. */
export const UPLOAD_PART_BYTES = 1024 * 1024;
/** The largest file taken from the picker, the camera or the scan folder (core/scans/normalise.ts). */
export const MAX_SCAN_FILE_BYTES = 50 * 1024 * 1024;

const id = tokenSchema(60);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Tệp gửi lên không đúng định dạng');

export const SCAN_ROLES = ['document', 'result'] as const;
export const SCAN_SOURCES = ['scanner', 'folder', 'upload', 'camera', 'reuse'] as const;

/** Where captured pages go: the intake form's batch (before receipt) or a dossier (after). */
const target = {
  batch: id,
  dossierId: id.optional(),
  role: z.enum(SCAN_ROLES),
  /** The checklist item (its position in the dossier's documents and its name). */
  item: z.strictObject({ position: z.number().int().min(0).max(200), name: vnText(1, 300) }),
};

export const scanPageSchema = z.object({
  id: z.string(),
  batch: z.string(),
  dossierId: z.string().nullable(),
  role: z.enum(SCAN_ROLES),
  itemPosition: z.number(),
  itemName: z.string(),
  seq: z.number(),
  sha256: z.string(),
  size: z.number(),
  hasThumbnail: z.boolean(),
  rotation: z.number(),
  source: z.enum(SCAN_SOURCES),
  addedAt: z.string(),
});
export type ScanPage = z.infer<typeof scanPageSchema>;

const pagesOutput = z.object({ pages: z.array(scanPageSchema) });

export const scansRows = {
  'scans.scanners': row({
    input: z.strictObject({}),
    output: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }),
    access: 'signedIn',
  }),
  'scans.scan': row({
    input: z.strictObject({ ...target, device: z.string().min(1).max(200).regex(/^[\x20-\x7E]+$/), color: z.boolean().default(false) }),
    output: pagesOutput,
    access: 'signedIn',
  }),
  'scans.uploadPart': row({
    input: z.strictObject({ uploadId: id, offset: z.number().int().min(0).max(MAX_SCAN_FILE_BYTES), data: base64(UPLOAD_PART_BYTES) }),
    output: z.object({ received: z.number() }),
    access: 'signedIn',
  }),
  'scans.addUpload': row({
    input: z.strictObject({ ...target, uploadId: id, source: z.enum(['upload', 'camera']), color: z.boolean().default(false) }),
    output: pagesOutput,
    access: 'signedIn',
  }),
  'scans.folder': row({
    input: z.strictObject({}),
    output: z.object({ dir: z.string(), files: z.array(z.object({ name: z.string(), size: z.number(), modifiedAt: z.string() })) }),
    access: 'signedIn',
    passive: true,
  }),
  'scans.setFolder': row({
    input: z.strictObject({ dir: z.string().min(1).max(500) }),
    output: z.object({ dir: z.string() }),
    access: ['admin'],
  }),
  'scans.addFromFolder': row({
    input: z.strictObject({ ...target, names: z.array(z.string().min(1).max(255)).min(1).max(50), color: z.boolean().default(false) }),
    output: pagesOutput,
    access: 'signedIn',
  }),
  'scans.list': row({
    input: z.union([z.strictObject({ batch: id }), z.strictObject({ dossierId: id })]),
    output: pagesOutput,
    access: 'signedIn',
  }),
  'scans.thumbnail': row({ input: z.strictObject({ pageId: id }), output: z.object({ png: z.string().nullable() }), access: 'signedIn' }),
  'scans.rotate': row({ input: z.strictObject({ pageId: id, by: z.union([z.literal(90), z.literal(180), z.literal(270)]) }), output: scanPageSchema, access: 'signedIn' }),
  'scans.move': row({ input: z.strictObject({ pageId: id, toSeq: z.number().int().min(1).max(10_000) }), output: pagesOutput, access: 'signedIn' }),
  /** Before receipt the page goes; after it, the page is marked removed with the reason, audited. */
  'scans.remove': row({ input: z.strictObject({ pageId: id, reason: vnMultilineText(0, 500).optional() }), output: z.object({ removed: z.boolean() }), access: 'signedIn' }),
  /** Binds the intake batch's pages to the dossier just received. */
  'scans.attach': row({ input: z.strictObject({ batch: id, dossierId: id }), output: z.object({ pages: z.number(), files: z.array(sha256) }), access: 'signedIn' }),
  /** Papers digitised before for this ID number (CCCD/CMND), by dossier and checklist item, newest first. */
  'scans.reusable': row({
    input: z.strictObject({ idNumber: z.string().trim().regex(/^(\d{9}|\d{12})$/, 'Số định danh gồm 12 chữ số (hoặc CMND 9 chữ số)') }),
    output: z.object({
      items: z.array(
        z.object({
          dossierId: z.string(),
          dossierCode: z.string(),
          procedureName: z.string(),
          itemName: z.string(),
          digitisedAt: z.string(),
          pageIds: z.array(z.string()),
        }),
      ),
    }),
    access: 'signedIn',
  }),
  /** Takes earlier pages into this form's item instead of scanning them again (the same stored files). */
  'scans.reuse': row({ input: z.strictObject({ ...target, pageIds: z.array(id).min(1).max(200) }), output: pagesOutput, access: 'signedIn' }),
  /** One item's pages assembled into one PDF (rotations applied), to view or print. */
  'scans.itemPdf': row({
    input: z.strictObject({ batch: id.optional(), dossierId: id.optional(), role: z.enum(SCAN_ROLES), itemPosition: z.number().int().min(0).max(200) }),
    output: z.object({ pdf: z.string(), pages: z.number() }),
    access: 'signedIn',
  }),
  /**
   * The background reading of scanned papers (OCR) that makes them searchable: running or off
   * (with the reason in Vietnamese: Tesseract or its Vietnamese data missing), and how many stored
   * page files are waiting, read, or failed. Nothing at the counter waits for it.
   */
  'scans.ocrStatus': row({
    input: z.strictObject({}),
    output: z.object({
      state: z.enum(['starting', 'running', 'off', 'stopped']),
      reason: z.string().nullable(),
      pending: z.number(),
      done: z.number(),
      failed: z.number(),
      lastError: z.string().nullable(),
    }),
    access: 'signedIn',
    passive: true,
  }),
} as const;
