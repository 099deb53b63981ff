/**
 * Ký số (ARCHITECTURE.md §12): signing printed forms, digitised papers and electronic results
 * with the officer's or the commune's PKCS#11 token, the signatures still owed a timestamp, and
 * verifying any signed PDF. The PIN travels in one call and is never stored or returned.
 */
import { z } from 'zod';
import { tokenSchema } from './common';
import { row } from './row';
import { vnText } from './text';

/** A PDF sent as base64; the bound keeps the request under the transports' body limit. */
const MAX_PDF_BYTES = 1_400_000;
export const pdfBase64 = z
  .string()
  .min(8)
  .max(Math.ceil(MAX_PDF_BYTES / 3) * 4, 'Tệp PDF lớn hơn 1,4 MB; hãy quét ở độ phân giải thấp hơn')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Tệp gửi lên không đúng định dạng');
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const id = tokenSchema(60);
/** A token's serial as PKCS#11 reports it: printable ASCII, padding spaces kept for the comparison. */
const tokenSerial = z.string().min(1).max(64).regex(/^[\x20-\x7E]+$/);

export const SIGNING_ROLES = ['officer', 'organisation'] as const;
export const signingRoleSchema = z.enum(SIGNING_ROLES);
export type SigningRole = (typeof SIGNING_ROLES)[number];

export const SIGNING_STEPS = ['checking', 'pin', 'signing', 'timestamp', 'saving', 'done'] as const;
export type SigningStep = (typeof SIGNING_STEPS)[number];

export const tokenCertificateSchema = z.object({
  tokenLabel: z.string(),
  tokenSerial: z.string(),
  id: z.string(),
  label: z.string(),
  commonName: z.string(),
  organisation: z.string().nullable(),
  issuerName: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  sha256: z.string(),
  /** Whether it can sign now, and if not why (Vietnamese), checked before any PIN is asked. */
  usable: z.boolean(),
  problem: z.string().nullable(),
  pinState: z.enum(['ok', 'countLow', 'finalTry', 'locked']),
});
export type TokenCertificateInfo = z.infer<typeof tokenCertificateSchema>;

export const dossierFileSchema = z.object({
  id: z.string(),
  dossierId: z.string().nullable(),
  kind: z.enum(['document', 'result', 'signed']),
  label: z.string(),
  sha256: z.string(),
  size: z.number(),
  derivedFrom: z.string().nullable(),
  addedAt: z.string(),
});
export type DossierFileInfo = z.infer<typeof dossierFileSchema>;

export const signatureRecordSchema = z.object({
  id: z.string(),
  dossierId: z.string().nullable(),
  fileId: z.string(),
  fileSha256: z.string(),
  fileLabel: z.string(),
  sourceKind: z.enum(['form', 'document', 'result']),
  form: z.string().nullable(),
  role: signingRoleSchema,
  signerName: z.string(),
  signerOrganisation: z.string().nullable(),
  issuerName: z.string(),
  signedAt: z.string(),
  level: z.enum(['B-B', 'B-T']),
  timestampAt: z.string().nullable(),
  timestampState: z.enum(['pending', 'done']),
  revocationState: z.enum(['pending', 'good', 'revoked', 'unknown']),
  lastError: z.string().nullable(),
});
export type SignatureRecord = z.infer<typeof signatureRecordSchema>;

const check = z.object({ key: z.string(), result: z.enum(['ok', 'fail', 'warn']), message: z.string() });
export const verificationSchema = z.object({
  status: z.enum(['valid', 'warning', 'invalid', 'unsigned']),
  summary: z.string(),
  signatures: z.array(
    z.object({
      index: z.number(),
      status: z.enum(['valid', 'warning', 'invalid']),
      summary: z.string(),
      signerName: z.string().nullable(),
      organisation: z.string().nullable(),
      issuerName: z.string().nullable(),
      certSha256: z.string().nullable(),
      claimedAt: z.string().nullable(),
      timestampAt: z.string().nullable(),
      level: z.enum(['B-B', 'B-T']).nullable(),
      checks: z.array(check),
    }),
  ),
});
export type VerificationResult = z.infer<typeof verificationSchema>;

export const signingSettingsSchema = z.object({
  /** The token vendor's PKCS#11 library (.dll on Windows, .so on Linux). */
  modulePath: z.string().max(500).nullable(),
  /** RFC 3161 timestamp authority; null = sign B-B only. */
  tsaUrl: z.url({ protocol: /^https?$/ }).max(500).nullable(),
  sealSha256: z.string().nullable(),
});
export type SigningSettings = z.infer<typeof signingSettingsSchema>;

export const trustAnchorSchema = z.object({ sha256: z.string(), subject: z.string(), notAfter: z.string(), addedAt: z.string() });

const signSource = z.discriminatedUnion('kind', [
  /** A form already printed (its archived PDF is read, never rewritten). */
  z.strictObject({ kind: z.literal('print'), printRecordId: id }),
  /** A file of the dossier (a digitised paper or the electronic result). */
  z.strictObject({ kind: z.literal('file'), fileId: id }),
]);

export const signingRows = {
  'signing.certificates': row({
    input: z.strictObject({}),
    output: z.object({ items: z.array(tokenCertificateSchema) }),
    access: 'signedIn',
  }),
  'signing.sign': row({
    input: z.strictObject({
      source: signSource,
      role: signingRoleSchema,
      certificate: z.strictObject({ tokenSerial, id: z.string().regex(/^[0-9a-f]{0,256}$/) }),
      pin: z.string().min(4, 'Mã PIN có ít nhất 4 ký tự').max(64),
      /** Chosen by the window, so it can follow this signature's progress events. */
      requestId: tokenSchema(60),
    }),
    output: signatureRecordSchema,
    access: 'signedIn',
  }),
  'signing.addFile': row({
    input: z.strictObject({ dossierId: id, kind: z.enum(['document', 'result']), label: vnText(1, 200), pdf: pdfBase64 }),
    output: dossierFileSchema,
    access: 'signedIn',
  }),
  'signing.files': row({
    input: z.strictObject({ dossierId: id }),
    output: z.object({ items: z.array(dossierFileSchema) }),
    access: 'signedIn',
  }),
  'signing.list': row({
    input: z.strictObject({ dossierId: id.optional(), missingTimestamp: z.boolean().optional() }),
    output: z.object({ items: z.array(signatureRecordSchema), missingTimestamp: z.number() }),
    access: 'signedIn',
  }),
  'signing.download': row({
    input: z.strictObject({ fileId: id }),
    output: z.object({ fileName: z.string(), sha256: z.string(), pdf: z.string() }),
    access: 'signedIn',
  }),
  'signing.verify': row({
    input: z.strictObject({ pdf: pdfBase64 }),
    output: verificationSchema,
    access: 'signedIn',
  }),
  /** Adds the missing timestamps and revocation checks now (they are also retried on their own). */
  'signing.augmentNow': row({
    input: z.strictObject({}),
    output: z.object({ completed: z.number(), remaining: z.number(), error: z.string().nullable() }),
    access: 'signedIn',
  }),
  'signing.settings': row({
    input: z.strictObject({}),
    output: signingSettingsSchema,
    access: 'signedIn',
  }),
  'signing.updateSettings': row({
    input: z.strictObject({ modulePath: z.string().trim().min(1).max(500).nullable().optional(), tsaUrl: signingSettingsSchema.shape.tsaUrl.optional() }),
    output: signingSettingsSchema,
    access: ['admin'],
  }),
  /** The commune's seal (PNG with a transparent background) for the organisation's signature. */
  'signing.setSeal': row({
    input: z.strictObject({ png: pdfBase64.nullable() }),
    output: signingSettingsSchema,
    access: ['admin'],
  }),
  'signing.trustList': row({
    input: z.strictObject({}),
    output: z.object({ items: z.array(trustAnchorSchema) }),
    access: 'signedIn',
  }),
  'signing.addTrustAnchor': row({
    // PEM text or base64 DER: ASCII with line breaks, nothing a bidi override could hide in.
    input: z.strictObject({ certificate: z.string().min(100).max(20_000).regex(/^[\x20-\x7E\r\n\t]+$/, 'Không đọc được chứng thư số (cần tệp .cer/.crt dạng PEM hoặc DER)') }),
    output: trustAnchorSchema,
    access: ['admin'],
  }),
  'signing.removeTrustAnchor': row({
    input: z.strictObject({ sha256: sha256Hex }),
    output: z.object({ ok: z.literal(true) }),
    access: ['admin'],
  }),
} as const;
