/**
 * The offline bundle's format (pending outbox ops carried on a USB stick when a commune has had
 * no connection for days): the counter signs it (src-main/core/backup), the hub verifies and
 * imports it through the same per-op path as a push. Pure: the signature check uses the Web
 * Crypto API (Ed25519), available in Node and in browsers alike.
 */
import { z } from 'zod';
import { fromBase64 } from '../base64';
import { claimedPageSchema } from './files';

export const BUNDLE_FORMAT = 'motcua.offline-bundle';
export const BUNDLE_VERSION = 1;

export const bundleOpSchema = z.object({
  seq: z.number().int().positive(),
  opId: z.string().min(1),
  deviceEpoch: z.string().min(1),
  opType: z.string().min(1),
  entityId: z.string().min(1),
  payload: z.unknown(),
  createdAt: z.string(),
});
export type BundleOp = z.infer<typeof bundleOpSchema>;

export const bundleBodySchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  deviceId: z.string().min(1),
  deviceEpoch: z.string().min(1),
  /** Ed25519 public key, SPKI DER, base64. */
  publicKey: z.string().min(1),
  agencyCode: z.string().nullable(),
  createdAt: z.string(),
  ops: z.array(bundleOpSchema),
  /**
   * The digitised pages the hub may not hold yet, as the counter would claim them online
   * (src-shared/sync/files.ts). Each page's file travels beside this JSON, in
   * `bundleFilesDir(name)/ab/cdef…` (named by SHA-256), and is checked against the signed hash and
   * size here when the hub takes it in: the signature covers the files through their hashes.
   * Absent in bundles made before files travelled; an empty list when every file is at the hub.
   */
  pages: z.array(claimedPageSchema).optional(),
});
export type BundleBody = z.infer<typeof bundleBodySchema>;

export const bundleFileSchema = z.object({
  body: bundleBodySchema,
  algorithm: z.literal('Ed25519'),
  /** Signature of canonicalJson(body), base64. */
  signature: z.string().min(1),
});
export type BundleFile = z.infer<typeof bundleFileSchema>;

/**
 * Where the province admin sends each file a bundle's import answered missing:
 * `PUT ${OFFLINE_BUNDLE_FILES_PATH}/<sha256>`, the raw bytes as application/octet-stream.
 */
export const OFFLINE_BUNDLE_FILES_PATH = '/v1/admin/offline-bundles/files';

/**
 * The folder beside a bundle file that holds its pages' files: `E:\\dong-bo.json` → `E:\\dong-bo.json.files`.
 * One file per page, never one archive: a USB stick formatted FAT32 holds no file over 4 GiB, and
 * a file at a time is copied, carried and checked without ever being read into memory whole.
 */
export function bundleFilesDir(bundleFile: string): string {
  return `${bundleFile}.files`;
}

/** Where a file named by its SHA-256 sits inside that folder (256 sub-folders, the stores' layout). */
export function bundleFileRelativePath(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2)}`;
}

/** JSON with object keys sorted at every level and no whitespace: one byte string per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}


/**
 * True when `signatureB64` is the Ed25519 signature, by `publicKeyB64` (SPKI DER), of the
 * canonical JSON of `rawBody` — the body exactly as received, not a parsed copy.
 */
export async function verifyBundleSignature(rawBody: unknown, publicKeyB64: string, signatureB64: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('spki', fromBase64(publicKeyB64), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(signatureB64), new TextEncoder().encode(canonicalJson(rawBody)));
  } catch (err) {
    // A key or signature that is not valid base64, or not an Ed25519 key: not this device's
    // signature. WebCrypto and atob say so with a DOMException.
    if (!(err instanceof Error) || err.constructor.name !== 'DOMException') throw err;
    return false;
  }
}
