/**
 * Prepares a PDF for signing: a visible signature box in the NĐ 30/2020 form for electronic
 * documents (Phụ lục I, chữ ký số trên văn bản điện tử [M]: top right of the first page; the
 * signer's name or the organisation, the signing time in ISO 8601 with the Vietnamese offset;
 * the organisation's signature shows its seal image), and an empty signature dictionary
 * (@signpdf/placeholder-pdf-lib) whose /Contents reserves room for the CMS and its later
 * timestamp and revocation data.
 *
 * The source bytes are only read; pdf-lib writes a new file (the caller archives it under its
 * own hash). The text is drawn with the project's Liberation Serif (Times New Roman metrics, as
 * NĐ 30 asks), subset-embedded, so Vietnamese shows the same everywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { degrees, drawImage, drawRectangle, drawText, PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, rgb, type PDFFont, type PDFImage, type PDFOperator } from 'pdf-lib';
import { AppError } from '@shared/errors';
import { toVnIso } from '@shared/domain/vn-time';
import { getFontsDir } from '../print/fonts';

/**
 * Hex digits reserved for the CMS: the signature and its certificates (~4–6 KB), a timestamp
 * token (~3–6 KB) and an OCSP response (~2 KB) added later, with room to spare. A CRL larger than
 * what is left is kept beside the signature instead (see README).
 */
export const RESERVED_CMS_BYTES = 32_768;

export interface AppearanceInput {
  role: 'officer' | 'organisation';
  signerName: string;
  organisation: string;
  claimedAt: Date;
  /** The commune's seal (PNG, transparent background), shown for the organisation's signature. */
  sealPng: Uint8Array | null;
  reason: string;
  location: string;
}

const BOX = { width: 232, height: 46, marginRight: 42, marginTop: 8 };
const FONT_SIZE = 9;
const LINE = 11;

let fontBytes: { regular: Buffer; italic: Buffer } | null = null;
function fonts() {
  fontBytes ??= {
    regular: fs.readFileSync(path.join(getFontsDir(), 'LiberationSerif-Regular.ttf')),
    italic: fs.readFileSync(path.join(getFontsDir(), 'LiberationSerif-Italic.ttf')),
  };
  return fontBytes;
}

export async function loadPdfForSigning(source: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(source, { updateMetadata: false });
  } catch {
    throw new AppError('INVALID_INPUT', 'Tệp không phải PDF đọc được, hoặc PDF đã được đặt mật khẩu');
  }
  if (doc.getPageCount() === 0) throw new AppError('INVALID_INPUT', 'Tệp PDF không có trang nào');
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (const ref of fields?.asArray() ?? []) {
    const field = doc.context.lookup(ref);
    if (field instanceof PDFDict && field.get(PDFName.of('FT'))?.toString() === '/Sig' && field.has(PDFName.of('V'))) {
      // pdf-lib rewrites the whole file, which would break the signature already there.
      throw new AppError('CONFLICT', 'Tệp này đã có chữ ký số; ký thêm lên tệp sẽ làm hỏng chữ ký cũ. Hãy ký bản gốc chưa ký');
    }
  }
  return doc;
}

export async function preparePdf(source: Uint8Array, a: AppearanceInput): Promise<Buffer> {
  const doc = await loadPdfForSigning(source);
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts().regular, { subset: true });
  const italic = await doc.embedFont(fonts().italic, { subset: true });
  const seal = a.role === 'organisation' && a.sealPng ? await doc.embedPng(a.sealPng) : null;

  const page = doc.getPage(0);
  const { width, height } = page.getSize();
  const x1 = width - BOX.marginRight - BOX.width;
  const y2 = height - BOX.marginTop;
  const rect = [x1, y2 - BOX.height, x1 + BOX.width, y2];

  pdflibAddPlaceholder({
    pdfDoc: doc,
    pdfPage: page,
    reason: a.reason,
    contactInfo: a.organisation,
    name: a.signerName,
    location: a.location,
    signingTime: a.claimedAt,
    signatureLength: RESERVED_CMS_BYTES * 2,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: rect,
    appName: 'Mot Cua Xa',
  });
  const widget = lastWidget(doc, page.node.lookupMaybe(PDFName.of('Annots'), PDFArray));
  const ops = appearanceOperators(a, regular, italic, seal);
  const resources: Record<string, unknown> = { Font: { F1: regular.ref, F2: italic.ref } };
  if (seal) resources.XObject = { Seal: seal.ref };
  const stream = doc.context.formXObject(ops, { BBox: [0, 0, BOX.width, BOX.height], Resources: resources as never });
  widget.set(PDFName.of('AP'), doc.context.obj({ N: doc.context.register(stream) }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

function lastWidget(doc: PDFDocument, annots: PDFArray | undefined): PDFDict {
  const ref = annots?.get(annots.size() - 1);
  const dict = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  if (!(dict instanceof PDFDict)) throw new Error('signature widget not found after adding the placeholder');
  return dict;
}

/** NĐ 30/2020 Phụ lục I: ISO 8601 time with the Vietnamese offset, in the signature's text. */
export function appearanceLines(a: AppearanceInput): string[] {
  const time = toVnIso(a.claimedAt);
  return a.role === 'organisation'
    ? [a.organisation, `Ký bởi: ${a.signerName}`, `Thời gian ký: ${time}`]
    : [`Ký bởi: ${a.signerName}`, `Cơ quan: ${a.organisation}`, `Thời gian ký: ${time}`];
}

function appearanceOperators(a: AppearanceInput, regular: PDFFont, italic: PDFFont, seal: PDFImage | null): PDFOperator[] {
  const zero = degrees(0);
  const ops: PDFOperator[] = [
    ...drawRectangle({ x: 0.5, y: 0.5, width: BOX.width - 1, height: BOX.height - 1, borderWidth: 0.8, color: undefined, borderColor: rgb(0.75, 0.1, 0.1), rotate: zero, xSkew: zero, ySkew: zero }),
  ];
  let textX = 6;
  if (seal) {
    const size = BOX.height - 4;
    ops.push(...drawImage('Seal', { x: 2, y: 2, width: size, height: size, rotate: zero, xSkew: zero, ySkew: zero }));
    textX = size + 6;
  }
  const lines = appearanceLines(a);
  const maxWidth = BOX.width - textX - 4;
  lines.forEach((line, i) => {
    const font = i === lines.length - 1 ? italic : regular;
    const fitted = fitText(line, font, maxWidth);
    ops.push(
      ...drawText(font.encodeText(fitted), {
        color: rgb(0, 0, 0),
        font: i === lines.length - 1 ? 'F2' : 'F1',
        size: FONT_SIZE,
        rotate: zero,
        xSkew: zero,
        ySkew: zero,
        x: textX,
        y: BOX.height - 13 - i * LINE,
      }),
    );
  });
  return ops;
}

/** Shortens a long name with an ellipsis rather than drawing past the box. */
function fitText(text: string, font: PDFFont, maxWidth: number): string {
  if (font.widthOfTextAtSize(text, FONT_SIZE) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, FONT_SIZE) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
