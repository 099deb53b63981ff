/**
 * Finds the signatures of a PDF from its bytes alone (no PDF library): each signature
 * dictionary says, in its /ByteRange, which bytes it covers; the gap between its two ranges is
 * exactly its /Contents hex string, which holds the CMS. Everything else in the dictionary
 * (/M, /SubFilter) is inside the covered bytes, so it is as trustworthy as the signature.
 *
 * Signature dictionaries are never inside compressed object streams (their byte offsets must be
 * fixed), so a text scan finds them all; a /ByteRange that does not describe a hex string at its
 * own gap is reported as malformed rather than guessed at.
 */

export interface PdfSignatureField {
  byteRange: [number, number, number, number];
  /** The CMS bytes (DER), without the zero padding of the reserved space. */
  cms: Uint8Array;
  /** Offsets of the hex digits inside /Contents < … > (for rewriting the unsigned part). */
  contentsStart: number;
  contentsEnd: number;
  subFilter: string | null;
  /** The claimed signing time (/M), as the signer's clock said. */
  claimedAt: Date | null;
  /** True when the signed ranges run to the end of the file (nothing was appended after). */
  coversWholeFile: boolean;
}

export class MalformedSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedSignatureError';
  }
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** One character per byte, so string offsets are byte offsets. */
function asLatin1(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return out;
}

export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new MalformedSignatureError('Nội dung chữ ký (/Contents) không phải chuỗi hex');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** The DER length of the value at the start of `bytes` (the padding after it is zeros). */
function derLength(bytes: Uint8Array): number {
  if (bytes.length < 2 || bytes[0] !== 0x30) throw new MalformedSignatureError('Nội dung chữ ký không phải cấu trúc CMS');
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) throw new MalformedSignatureError('Độ dài cấu trúc CMS không hợp lệ');
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + bytes[2 + i]!;
  if (2 + n + len > bytes.length) throw new MalformedSignatureError('Cấu trúc CMS bị cắt cụt');
  return 2 + n + len;
}

/** "D:20261123091500+07'00'" → the instant; null when absent or unreadable. */
export function parsePdfDate(s: string): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz = 'Z'] = m;
  let offsetMinutes = 0;
  if (tz !== 'Z') {
    const t = /([+-])(\d{2})'?(\d{2})/.exec(tz);
    if (t) offsetMinutes = (t[1] === '-' ? -1 : 1) * (Number(t[2]) * 60 + Number(t[3]));
  }
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)) - offsetMinutes * 60_000;
  return Number.isNaN(ms) ? null : new Date(ms);
}

export function findPdfSignatures(pdf: Uint8Array): PdfSignatureField[] {
  const text = asLatin1(pdf);
  const out: PdfSignatureField[] = [];
  for (const m of text.matchAll(BYTE_RANGE)) {
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (a !== 0 || b <= 0 || c <= b + 1 || c + d > pdf.length) throw new MalformedSignatureError('Phạm vi ký (/ByteRange) không hợp lệ');
    if (text[b] !== '<' || text[c - 1] !== '>') throw new MalformedSignatureError('Phạm vi ký (/ByteRange) không trỏ đúng vào nội dung chữ ký');
    const contentsHex = text.slice(b + 1, c - 1);
    const raw = hexToBytes(contentsHex);
    const cms = raw.slice(0, derLength(raw));

    // The rest of the dictionary: from the object that holds it to its end.
    const objStart = Math.max(0, text.lastIndexOf(' obj', m.index));
    const objEnd = text.indexOf('endobj', c);
    const dict = text.slice(objStart, b) + text.slice(c, objEnd === -1 ? c + 4096 : objEnd);
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dict)?.[1] ?? null;
    const rawDate = /\/M\s*\((D:[^)]*)\)/.exec(dict)?.[1];
    out.push({
      byteRange: [a, b, c, d],
      cms,
      contentsStart: b + 1,
      contentsEnd: c - 1,
      subFilter,
      claimedAt: rawDate ? parsePdfDate(rawDate) : null,
      coversWholeFile: c + d === pdf.length,
    });
  }
  return out;
}

/** The bytes a signature covers: everything but its own /Contents. */
export function signedBytes(pdf: Uint8Array, byteRange: [number, number, number, number]): Uint8Array {
  const [a, b, c, d] = byteRange;
  const out = new Uint8Array(b + d);
  out.set(pdf.subarray(a, a + b), 0);
  out.set(pdf.subarray(c, c + d), b);
  return out;
}
