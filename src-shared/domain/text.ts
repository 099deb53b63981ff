/**
 * Vietnamese text helpers shared by every layer: normalisation (NFC everywhere, ARCHITECTURE §4),
 * the folded search key, money in đồng and dates as Vietnamese officers write them.
 *
 * Why the cleaning: handheld 2D scanners type into the focused field as a keyboard, so Unikey /
 * EVKey (Telex, VNI) and the OS can inject zero-width joiners, BOMs, soft hyphens, stray combining
 * marks and decomposed (NFD) letters. "Đỗ" in NFD and in NFC must compare and search equal.
 */
import { type InstantInput, vnParts, parseYmd, daysFromCivil, isoWeekdayOfDay, type IsoWeekday } from './vn-time';

/**
 * Invisible or junk code points that carry no meaning in names and addresses: C0/C1 controls
 * other than tab and line breaks, soft hyphen, zero-width space/joiners, word joiner, bidi marks,
 * BOM, replacement character and the variation selectors some IMEs emit.
 */
const INVISIBLE_RE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF\uFFF9-\uFFFD]/g;

/** Combining marks: the diacritics left once a string is in NFD. */
const COMBINING_RE = /\p{M}/gu;

/** Unicode NFC, the only form stored or compared anywhere in the app. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Remove invisible/junk characters (see INVISIBLE_RE) without touching visible text. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE_RE, '');
}

/**
 * A combining mark is stray when, after NFC, it still sits on something that cannot carry a
 * Vietnamese diacritic (a digit, a separator, a space or the start of the string): the residue of
 * an IME that applied a tone to the wrong key.
 */
export function stripStrayMarks(s: string): string {
  return s.replace(/(^|[^\p{L}\p{M}])\p{M}+/gu, '$1');
}

/** Collapse any run of whitespace (including NBSP and ideographic spaces) to one space; trim. */
export function collapseSpaces(s: string): string {
  return s.replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/gu, ' ').trim();
}

/** Clean free text typed or scanned at the counter: junk removed, NFC, single spaces, trimmed. */
export function cleanText(s: string): string {
  return collapseSpaces(stripStrayMarks(nfc(stripInvisible(s))));
}

/**
 * Search key: NFC → strip combining marks → đ/Đ → d → lower case → single spaces. The SQLite FTS
 * column stores this, so "do duc dung" finds "Đỗ Đức Dũng" (unicode61 does not fold đ itself).
 */
export function foldForSearch(s: string): string {
  const withoutMarks = nfc(stripInvisible(s)).normalize('NFD').replace(COMBINING_RE, '');
  return collapseSpaces(withoutMarks.replace(/[đĐ]/g, 'd').toLowerCase());
}

/**
 * An amount in đồng with the Vietnamese thousands separator, a dot: 1234567 → "1.234.567".
 * Amounts are integers by construction (ARCHITECTURE §4); a fraction is a bug upstream.
 */
function dongDigits(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Số tiền phải là số nguyên đồng: ${amount}`);
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${digits}`;
}

/** Money on screen: 1000 → "1.000 đ". */
export function formatDong(amount: number): string {
  return `${dongDigits(amount)} đ`;
}

/** Money on printed forms, the unit spelled out as the official samples write it: "6.000 đồng". */
export function formatDongPrinted(amount: number): string {
  return `${dongDigits(amount)} đồng`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'dd/MM/yyyy' in Vietnam of an instant (or of a 'yyyy-mm-dd' calendar date). */
export function formatDateVi(input: InstantInput): string {
  const p = vnParts(input);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** 'HH:mm dd/MM/yyyy' in Vietnam. */
export function formatDateTimeVi(input: InstantInput): string {
  const p = vnParts(input);
  return `${pad2(p.hour)}:${pad2(p.minute)} ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** Parse 'd/M/yyyy' or 'dd/MM/yyyy' (also '-' or '.' separators) into 'yyyy-mm-dd'; null if invalid. */
export function parseDateVi(s: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${pad2(Number(m[2]))}-${pad2(Number(m[1]))}`;
  return parseYmd(iso) ? iso : null;
}

const WEEKDAY_NAMES: Record<IsoWeekday, string> = {
  1: 'Thứ Hai',
  2: 'Thứ Ba',
  3: 'Thứ Tư',
  4: 'Thứ Năm',
  5: 'Thứ Sáu',
  6: 'Thứ Bảy',
  7: 'Chủ nhật',
};

export function weekdayNameVi(weekday: IsoWeekday): string {
  return WEEKDAY_NAMES[weekday];
}

/** Weekday name of a 'yyyy-mm-dd' calendar date. */
export function weekdayNameOfYmd(ymd: string): string {
  const d = parseYmd(ymd);
  if (!d) throw new RangeError(`Ngày không hợp lệ: ${ymd}`);
  return WEEKDAY_NAMES[isoWeekdayOfDay(daysFromCivil(d.year, d.month, d.day))];
}

/**
 * The place-and-date line of printed forms, NĐ 30/2020 style: days below 10 and the months
 * 1–2 are zero-padded ("ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026"), DOMAIN §2.2.
 */
export function formatDateLineVi(input: InstantInput): string {
  const p = vnParts(input);
  const month = p.month <= 2 ? pad2(p.month) : String(p.month);
  return `ngày ${pad2(p.day)} tháng ${month} năm ${p.year}`;
}

/** Appointment time as printed on Mẫu 01: "HH giờ mm phút, ngày dd tháng MM năm yyyy" (DOMAIN §4.5). */
export function formatAppointmentVi(input: InstantInput): string {
  const p = vnParts(input);
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút, ngày ${pad2(p.day)} tháng ${pad2(p.month)} năm ${p.year}`;
}
