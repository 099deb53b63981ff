/**
 * Building blocks shared by the forms, following NĐ 30/2020/NĐ-CP Phụ lục I (DOMAIN.md §2.2,
 * §2.10): A4 with 20/20/30/15 mm margins, 13 pt serif body, the two-column header (cơ quan /
 * Quốc hiệu – Tiêu ngữ), italic place-and-date line, bold centred title, signature blocks.
 * Everything here returns plain pdfmake nodes; nothing reads state.
 */
import type { Content, ContentColumns, StyleDictionary, TableCell } from 'pdfmake/interfaces';
import { FONT_FAMILY } from './fonts';
import { upperVi } from './format';
import { qrCanvas } from './qr/canvas';

/** PDF points per millimetre. */
export const MM = 72 / 25.4;

/** NĐ 30: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. We take the lower bounds. */
export const PAGE_MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];

const A4_WIDTH = 210 * MM;
const A4_HEIGHT = 297 * MM;

/** Usable width for content, needed wherever we draw canvas lines or size columns. */
export function contentWidth(orientation: 'portrait' | 'landscape'): number {
  const pageWidth = orientation === 'portrait' ? A4_WIDTH : A4_HEIGHT;
  return pageWidth - PAGE_MARGINS[0] - PAGE_MARGINS[2];
}

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Font sizes from NĐ 30 ranges; 13 pt body keeps Mẫu 01 on one page for ordinary dossiers. */
export const STYLES: StyleDictionary = {
  formNumber: { fontSize: 11, bold: true, alignment: 'right' },
  governingBody: { fontSize: 12, alignment: 'center' },
  issuingUnit: { fontSize: 12, bold: true, alignment: 'center' },
  nationalTitle: { fontSize: 12, bold: true, alignment: 'center' },
  motto: { fontSize: 13, bold: true, alignment: 'center' },
  docNumber: { fontSize: 13, alignment: 'center' },
  placeDate: { fontSize: 13, italics: true, alignment: 'center' },
  docTitle: { fontSize: 14, bold: true, alignment: 'center' },
  subtitle: { fontSize: 13, alignment: 'center' },
  body: { fontSize: 13, alignment: 'justify' },
  paragraph: { fontSize: 13, alignment: 'justify', leadingIndent: 1 * 10 * MM, margin: [0, 0, 0, 6] },
  signTitle: { fontSize: 13, bold: true, alignment: 'center' },
  signNote: { fontSize: 13, italics: true, alignment: 'center' },
  signName: { fontSize: 13, bold: true, alignment: 'center' },
  footnote: { fontSize: 11, italics: true, alignment: 'justify' },
  recipientsHeading: { fontSize: 12, bold: true, italics: true },
  recipients: { fontSize: 11 },
  tableHeader: { fontSize: 11, bold: true, alignment: 'center' },
  tableCell: { fontSize: 11 },
};

export const DEFAULT_STYLE = { font: FONT_FAMILY, fontSize: 13, lineHeight: 1.0 };

/** Page numbers: Arabic, centred in the top margin, not on page 1 (NĐ 30). */
export function pageNumberHeader(currentPage: number): Content | null {
  if (currentPage === 1) return null;
  return { text: String(currentPage), fontSize: 13, alignment: 'center', margin: [0, 10 * MM, 0, 0] };
}

export interface HeaderOptions {
  /** Cơ quan chủ quản (regular); omitted when the issuer has none printed. */
  parent?: string;
  /** Issuing unit (bold), with the short rule under it. */
  unit: string;
  /** "Số: 15/HDHS"; omitted on forms without a number. */
  numberLine?: string;
  /** "Hòa An, ngày 05 tháng 02 năm 2026". */
  placeDate: string;
  /** "Mẫu số 01", printed above the header on the right. */
  formNumber?: string;
  orientation?: 'portrait' | 'landscape';
}

/** A centred horizontal rule of a given length inside a column of known width. */
function rule(length: number, columnWidth: number, marginTop = 2): Content {
  const x1 = (columnWidth - length) / 2;
  return {
    canvas: [{ type: 'line', x1, y1: 0, x2: x1 + length, y2: 0, lineWidth: 0.6 }],
    margin: [0, marginTop, 0, 0],
  };
}

/**
 * White between the issuer's last line and the rule under it. The line box ends barely below the
 * dots under Ạ, Ộ, Ụ (Liberation Serif's descent at line height 1.0), so 2 pt drew the rule onto
 * the letters; 4 pt leaves a visible gap of about 2.5 pt.
 */
const RULE_GAP = 4;

/** The commune's or ward's name in an issuer line: "XÃ HÒA MẠC", "PHƯỜNG THỦ DẦU MỘT". */
const PLACE_NAME = /(?:^|\s)((?:XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s.*)$/u;

/**
 * An issuer line may wrap, but never inside the place name ("…XÃ HÒA / MẠC"): its spaces become
 * no-break spaces, so a line breaks before "XÃ" and the name stays whole on the next line.
 */
export function keepPlaceTogether(line: string): string {
  const m = PLACE_NAME.exec(line);
  if (!m) return line;
  const start = line.length - m[1]!.length;
  return line.slice(0, start) + m[1]!.replace(/ /g, '\u00a0');
}

/** The NĐ 30 two-column header: issuer on the left, Quốc hiệu and Tiêu ngữ on the right. */
export function officialHeader(o: HeaderOptions): Content[] {
  const width = contentWidth(o.orientation ?? 'portrait');
  // The left column holds the issuer (≈ 40 %); the Quốc hiệu needs the rest on one line.
  const left = Math.round(width * 0.42);
  const right = width - left;
  const issuer: Content[] = [];
  if (o.parent) issuer.push({ text: keepPlaceTogether(upperVi(o.parent)), style: 'governingBody' });
  issuer.push({ text: keepPlaceTogether(upperVi(o.unit)), style: 'issuingUnit' });
  issuer.push(rule(left / 3, left, RULE_GAP));

  const nodes: Content[] = [];
  if (o.formNumber) nodes.push({ text: o.formNumber, style: 'formNumber', margin: [0, 0, 0, 4] });
  nodes.push({
    columns: [
      { width: left, stack: issuer },
      {
        width: right,
        stack: [
          { text: NATIONAL_TITLE, style: 'nationalTitle' },
          // The underline of the Tiêu ngữ is the length of the text itself (NĐ 30).
          { text: MOTTO, style: 'motto', decoration: 'underline' },
        ],
      },
    ],
    columnGap: 0,
  } satisfies ContentColumns);
  nodes.push({
    columns: [
      { width: left, text: o.numberLine ?? '', style: 'docNumber' },
      { width: right, text: o.placeDate, style: 'placeDate' },
    ],
    columnGap: 0,
    margin: [0, 8, 0, 0],
  } satisfies ContentColumns);
  return nodes;
}

/** QR side length in points (≈ 27 mm): decodable from a phone and from a 200 dpi scan. */
export const QR_SIZE = 76;

/**
 * Room between the title's line and the QR. A centred title as long as Mẫu 01's reaches into the QR
 * column, and with no gap the QR sat on the end of its last word.
 */
export const QR_TITLE_GAP = 5;

/**
 * Title across the full width, then its subtitle lines (Mã hồ sơ, Liên …) with the dossier's QR
 * on the right. An empty column of the QR's width on the left keeps the lines centred.
 */
export function titleBlock(title: string, lines: Content[], qr?: string): Content {
  const heading: Content = { text: title, style: 'docTitle', margin: [0, 12, 0, 0] };
  if (!qr) return { stack: [heading, ...lines], margin: [0, 0, 0, 10] };
  return {
    stack: [
      heading,
      {
        columns: [
          { width: QR_SIZE, text: '' },
          { width: '*', stack: lines, margin: [4, 8, 4, 0] },
          {
            width: QR_SIZE,
            stack: [qrCanvas(qr, { fit: QR_SIZE, eccLevel: 'M', alignment: 'right' })],
            margin: [0, QR_TITLE_GAP, 0, 0],
          },
        ],
        columnGap: 0,
      },
    ],
    // The QR is the tallest column: what it gains on top it gives back below, so nothing under the
    // title block moves.
    margin: [0, 0, 0, 8 - QR_TITLE_GAP],
  };
}

/** "Label: value" on one wrapping line; a missing value prints the hand-fill dots. */
export function field(label: string, value: string, extra?: { margin?: [number, number, number, number] }): Content {
  return { text: [`${label} `, value], style: 'body', margin: extra?.margin ?? [0, 0, 0, 3] };
}

/** Two labelled values on one line (Số điện thoại … Email …), wrapping as one paragraph. */
export function fieldPair(l1: string, v1: string, l2: string, v2: string): Content {
  return { text: [`${l1} `, v1, '        ', `${l2} `, v2], style: 'body', margin: [0, 0, 0, 3] };
}

/** Room left blank for a handwritten signature (and a seal where one is needed). */
export const SIGN_SPACE = 52;

export interface SignatureBlock {
  title: string;
  note?: string;
  name?: string;
}

/** Side-by-side signature blocks with room to sign; never split across pages. */
export function signatures(blocks: (SignatureBlock | null)[], marginTop = 14): Content {
  return {
    unbreakable: true,
    columns: blocks.map((b) =>
      b === null
        ? { width: '*', text: '' }
        : {
            width: '*',
            stack: [
              { text: b.title, style: 'signTitle' },
              ...(b.note ? [{ text: b.note, style: 'signNote' }] : []),
              { text: b.name ?? '', style: 'signName', margin: [0, SIGN_SPACE, 0, 0] },
            ],
          },
    ),
    columnGap: 10,
    margin: [0, marginTop, 0, 0],
  } as Content;
}

/** "Nơi nhận:" block beside the signer, as official letters put it. */
export function recipientsAndSigner(heading: string, items: string[], signer: SignatureBlock): Content {
  return {
    unbreakable: true,
    columns: [
      {
        width: '45%',
        stack: [{ text: heading, style: 'recipientsHeading' }, ...items.map((t) => ({ text: t, style: 'recipients' }))],
      },
      {
        width: '*',
        stack: [
          { text: signer.title, style: 'signTitle' },
          ...(signer.note ? [{ text: signer.note, style: 'signNote' }] : []),
          { text: signer.name ?? '', style: 'signName', margin: [0, SIGN_SPACE, 0, 0] },
        ],
      },
    ],
    columnGap: 10,
    margin: [0, 14, 0, 0],
  } as Content;
}

/** A table header cell: bold, centred, 11 pt. */
export function th(text: string, extra: Partial<TableCell & object> = {}): TableCell {
  return { text, style: 'tableHeader', ...extra } as TableCell;
}

/** A table body cell: 11 pt, left or centred. */
export function td(text: string, alignment: 'left' | 'center' | 'right' = 'left'): TableCell {
  return { text, style: 'tableCell', alignment };
}
