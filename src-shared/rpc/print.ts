/**
 * Printing the counter's forms (ARCHITECTURE.md §7). Forms are built in core from committed
 * data; the UI only names the form, the dossier and the few facts the officer types for that
 * form (what is missing, why it is refused or stopped, who signs).
 */
import { z } from 'zod';
import { tokenSchema, ymdSchema } from './common';
import { applicantInputSchema } from './dossiers';
import { row } from './row';
import { vnMultilineText, vnText } from './text';

export const PRINT_FORMS = ['mau01', 'mau02', 'mau03', 'mau04', 'mau05', 'mau06', 'mau07', 'ticket', 'report_ii06a'] as const;
export const printFormSchema = z.enum(PRINT_FORMS);
export type PrintForm = (typeof PRINT_FORMS)[number];

const signer = z.strictObject({ title: vnText(1, 200), fullName: vnText(1, 200) });

/** What the officer adds for forms that need more than the dossier. */
export const printDetailsSchema = z.strictObject({
  /** Mẫu 02: everything missing, listed once (hướng dẫn một lần, đầy đủ). */
  supplement: z
    .strictObject({
      items: z
        .array(
          z.strictObject({
            name: vnText(1, 500),
            originals: z.number().int().min(0).max(1000),
            certifiedCopies: z.number().int().min(0).max(1000),
            photocopies: z.number().int().min(0).max(1000),
          }),
        )
        .min(1)
        .max(50),
      reason: vnMultilineText(1, 2000),
    })
    .optional(),
  /** Mẫu 04: why late, who signs (the new date is the dossier's extended due date). */
  apology: z.strictObject({ reason: vnMultilineText(1, 2000), signer, agencyName: vnText(0, 300).optional() }).optional(),
  /** Mẫu 05: why processing stops, who signs. */
  stop: z.strictObject({ reason: vnMultilineText(1, 2000), signer, agencyName: vnText(0, 300).optional() }).optional(),
  /** Mẫu 07 and Biểu II.06a: the period (inclusive dates). */
  period: z.strictObject({ from: ymdSchema, to: ymdSchema }).optional(),
  /** Mẫu 02 given before any receipt (hướng dẫn bổ sung): who and for which procedure. */
  draft: z.strictObject({ procedureCode: tokenSchema(60), applicant: applicantInputSchema }).optional(),
});
export type PrintDetails = z.infer<typeof printDetailsSchema>;

const printRequest = z.strictObject({
  form: printFormSchema,
  dossierId: tokenSchema(60).optional(),
  details: printDetailsSchema.optional(),
});

export const printRecordSchema = z.object({
  id: z.string(),
  form: z.string(),
  at: z.string(),
  officerId: z.string(),
  printer: z.string().nullable(),
  result: z.enum(['rendered', 'printed', 'failed']),
  error: z.string().nullable(),
  sha256: z.string(),
});

export const printerSchema = z.object({ name: z.string(), isDefault: z.boolean(), state: z.string() });

export const printRows = {
  /** The PDF for the in-app preview (and the browser host's own print), archived with its hash. */
  'print.render': row({
    input: printRequest,
    output: z.object({ recordId: z.string(), sha256: z.string(), pdf: z.string(), fileName: z.string() }),
    access: 'signedIn',
  }),
  /** Render and send to the printer chosen in settings (or the one named). */
  'print.send': row({
    input: printRequest.extend({ printer: vnText(1, 200).optional() }),
    output: printRecordSchema,
    access: 'signedIn',
  }),
  /** Retry a failed print: the archived PDF again, byte for byte. */
  'print.retry': row({
    input: z.strictObject({ recordId: tokenSchema(60), printer: vnText(1, 200).optional() }),
    output: printRecordSchema,
    access: 'signedIn',
  }),
  'print.printers': row({
    input: z.strictObject({}),
    output: z.object({ items: z.array(printerSchema), selected: z.string().nullable(), error: z.string().nullable() }),
    access: 'signedIn',
  }),
  'print.records': row({
    input: z.strictObject({ dossierId: tokenSchema(60) }),
    output: z.object({ items: z.array(printRecordSchema) }),
    access: 'signedIn',
  }),
} as const;
