/**
 * renderForm: PrintContext → PDF bytes + SHA-256. Deterministic: metadata dates come from
 * ctx.printedAt, producer/creator are fixed, and pdfkit derives the file ID from that metadata
 * (PDFSecurity.generateFileID hashes info), so re-rendering yields byte-identical output and the
 * archived hash of a print stays valid for a reprint. Fonts come from assets/fonts only; every
 * URL fetch is refused.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError } from '../../../src-shared/errors';
import { fontDescriptors, getFontsDir } from './fonts';
import { FORMS } from './forms';
import { FORM_IDS, formIdSchema, printContextSchema, type FormId, type PrintContext } from './model';
import type { FormTemplate } from './templates/types';

export { FORM_IDS, formIdSchema };
export type { FormId };

export const PRODUCER = 'Một Cửa Xã';

export interface RenderOptions {
  /** Replacement wording of the same shape as the form's built-in template. */
  template?: FormTemplate;
}

export interface RenderedPdf {
  pdf: Buffer;
  sha256: string;
  /** Which wording was printed (store it with the print record). */
  templateVersion: string;
  legalBasis: string;
}

/** Deep NFC normalisation: input methods (Unikey "tổ hợp") can produce NFD, which breaks shaping. */
function toNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(toNfc) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k in value) out[k] = toNfc((value as Record<string, unknown>)[k]);
    return out as T;
  }
  return value;
}

/** What turns a pdfmake document into PDF bytes: the PDF engine (pdf-engine/index.ts). */
export interface PdfWriter {
  /** The name to give pdfmake for a font file on disk. */
  pdfFontFile(file: string): string;
  /** The bytes `pdfmake.createPdf(doc).getBuffer()` gives with the fonts configured on pdfmake. */
  renderPdf(doc: TDocumentDefinitions): Promise<Buffer>;
}

/**
 * pdfmake (with pdfkit and fontkit under it) and the PDF engine load at the first print, not when
 * the host starts: they were ~0.4 s of a start's CPU, and the sign-in screen prints nothing.
 */
async function loadPdfmake() {
  return (await import('pdfmake')).default;
}
function loadPdfEngine(): Promise<PdfWriter> {
  return import('./pdf-engine');
}

async function configurePdfmake(writer: PdfWriter): Promise<void> {
  const pdfmake = await loadPdfmake();
  pdfmake.setUrlAccessPolicy(() => false);
  const dir = getFontsDir() + path.sep;
  pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(dir));
  // pdfmake resolves font descriptors in place, so hand it a fresh dictionary each time.
  pdfmake.setFonts(fontDescriptors((file) => writer.pdfFontFile(file)));
}

/** The pdfmake document for a form, with fixed metadata. Exposed for tests and previews. */
export function buildDocument(formId: FormId, ctx: PrintContext, options: RenderOptions = {}): TDocumentDefinitions {
  const id = formIdSchema.parse(formId);
  const parsed = printContextSchema.safeParse(ctx);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'Dữ liệu in không hợp lệ.', { formId: id, issues: parsed.error.issues });
  }
  const form = FORMS[id];
  const context = toNfc(parsed.data);
  const template = toNfc(options.template ?? form.template);
  const doc = form.build(context, template as never);
  const printedAt = new Date(context.printedAt);
  const code = context.dossier?.code;
  return {
    ...doc,
    info: {
      title: code ? `${template.title} - ${code}` : template.title,
      author: context.office.name,
      subject: template.legalBasis,
      keywords: `${id} ${template.version}`,
      creator: `${PRODUCER} (${id} ${template.version})`,
      producer: PRODUCER,
      creationDate: printedAt,
      modDate: printedAt,
    },
  };
}

/** Render one form to PDF bytes and their SHA-256 (hex). */
export async function renderForm(formId: FormId, ctx: PrintContext, options: RenderOptions = {}): Promise<RenderedPdf> {
  return renderFormWith(await loadPdfEngine(), formId, ctx, options);
}

/**
 * renderForm through a given writer. The app always uses the PDF engine; bench/print.ts passes
 * stock pdfmake to measure the engine against it in one process.
 */
export async function renderFormWith(writer: PdfWriter, formId: FormId, ctx: PrintContext, options: RenderOptions = {}): Promise<RenderedPdf> {
  const doc = buildDocument(formId, ctx, options);
  await configurePdfmake(writer);
  const pdf = await writer.renderPdf(doc);
  const template = options.template ?? FORMS[formId].template;
  return {
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    templateVersion: template.version,
    legalBasis: template.legalBasis,
  };
}

/** A document built outside the dossier forms (the queue ticket) to PDF bytes, with the same fonts and engine. */
export async function renderDocument(doc: TDocumentDefinitions): Promise<{ pdf: Buffer; sha256: string }> {
  const pdfEngine = await loadPdfEngine();
  await configurePdfmake(pdfEngine);
  const pdf = await pdfEngine.renderPdf(toNfc(doc));
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}
