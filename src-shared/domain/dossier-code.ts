/**
 * Dossier code (mã hồ sơ), DOMAIN §3.1: agency identifier + date of receipt + sequence, default
 * `<mã định danh>-<yyMMdd>-<nnnn>`. TT 03/2025 may change the syntax (yyyyMMdd + 7 digits has been
 * seen), so the pattern is configuration: tokens {agency}, {yyMMdd}, {yyyyMMdd}, {seq:N}; any
 * other character is literal. The date is the receipt date in Vietnam.
 *
 * Offline desks (ARCHITECTURE §5): desk d in 1–9 draws from d·1000+1 … d·1000+999 so independent
 * installations never collide; desk 0 (one shared database) draws from 1 up to the sequence width.
 * Allocation (read the last number, write the next) happens in the lead's DB transaction; this
 * module gives the pure rules.
 */
import { DomainError } from './errors';
import { type InstantInput, vnParts } from './vn-time';

export const DEFAULT_DOSSIER_CODE_PATTERN = '{agency}-{yyMMdd}-{seq:4}';
/** DVCQG treats the code as an opaque string of at most 50 characters [S][R28]. */
export const MAX_DOSSIER_CODE_LENGTH = 50;

export class DossierCodeError extends DomainError {
  constructor(
    code: 'INVALID_CODE_PATTERN' | 'INVALID_DOSSIER_CODE' | 'SEQUENCE_EXHAUSTED' | 'INVALID_DESK',
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(code, message, details);
  }
}

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'agency' }
  | { kind: 'date'; format: 'yyMMdd' | 'yyyyMMdd' }
  | { kind: 'seq'; width: number };

export interface CompiledPattern {
  pattern: string;
  tokens: Token[];
  seqWidth: number;
}

export function compilePattern(pattern: string = DEFAULT_DOSSIER_CODE_PATTERN): CompiledPattern {
  const tokens: Token[] = [];
  const re = /\{([^}]*)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(pattern)) !== null) {
    if (m.index > last) tokens.push({ kind: 'literal', text: pattern.slice(last, m.index) });
    const body = m[1]!;
    if (body === 'agency') tokens.push({ kind: 'agency' });
    else if (body === 'yyMMdd' || body === 'yyyyMMdd') tokens.push({ kind: 'date', format: body });
    else if (/^seq:[1-9]$/.test(body)) tokens.push({ kind: 'seq', width: Number(body.slice(4)) });
    else throw new DossierCodeError('INVALID_CODE_PATTERN', `Mẫu mã hồ sơ có thành phần không hỗ trợ: {${body}}`, { pattern });
    last = m.index + m[0].length;
  }
  if (last < pattern.length) tokens.push({ kind: 'literal', text: pattern.slice(last) });
  const count = (k: Token['kind']) => tokens.filter((t) => t.kind === k).length;
  if (count('agency') !== 1 || count('date') !== 1 || count('seq') !== 1) {
    throw new DossierCodeError(
      'INVALID_CODE_PATTERN',
      'Mẫu mã hồ sơ phải có đúng một {agency}, một ngày ({yyMMdd} hoặc {yyyyMMdd}) và một {seq:N}.',
      { pattern },
    );
  }
  // A literal must separate {agency} from its neighbours, otherwise parsing is ambiguous.
  const agencyAt = tokens.findIndex((t) => t.kind === 'agency');
  for (const i of [agencyAt - 1, agencyAt + 1]) {
    const t = tokens[i];
    if (t && t.kind !== 'literal') {
      throw new DossierCodeError('INVALID_CODE_PATTERN', 'Mã định danh cơ quan phải được ngăn cách bằng ký tự cố định (ví dụ "-").', {
        pattern,
      });
    }
  }
  const seq = tokens.find((t): t is Extract<Token, { kind: 'seq' }> => t.kind === 'seq')!;
  return { pattern, tokens, seqWidth: seq.width };
}

/** Range of sequence numbers a desk may issue (per agency and day). */
export function deskRange(desk: number, seqWidth = 4): { first: number; last: number } {
  if (!Number.isInteger(desk) || desk < 0 || desk > 9) {
    throw new DossierCodeError('INVALID_DESK', `Số hiệu quầy phải từ 0 đến 9 (nhận được ${desk}).`, { desk });
  }
  const max = 10 ** seqWidth - 1;
  if (desk === 0) return { first: 1, last: max };
  if (desk * 1000 + 999 > max) {
    throw new DossierCodeError('INVALID_DESK', `Độ dài số thứ tự ${seqWidth} chữ số không đủ cho dải số của quầy ${desk}.`, {
      desk,
      seqWidth,
    });
  }
  return { first: desk * 1000 + 1, last: desk * 1000 + 999 };
}

/**
 * The sequence number to issue next, given the last number this desk used today for this agency
 * (null if none). Numbers outside the desk's range (e.g. another desk's) are ignored.
 */
export function nextSequence(lastUsed: number | null, desk = 0, seqWidth = 4): number {
  const { first, last } = deskRange(desk, seqWidth);
  const next = lastUsed === null || lastUsed < first || lastUsed > last ? first : lastUsed + 1;
  if (lastUsed !== null && lastUsed === last) {
    throw new DossierCodeError(
      'SEQUENCE_EXHAUSTED',
      `Quầy ${desk} đã dùng hết dải số thứ tự trong ngày (${first}–${last}).`,
      { desk, first, last },
    );
  }
  return next;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export interface FormatDossierCodeInput {
  agencyCode: string;
  receivedAt: InstantInput;
  seq: number;
  pattern?: string;
}

export function formatDossierCode(input: FormatDossierCodeInput): string {
  const compiled = compilePattern(input.pattern);
  const agency = input.agencyCode.trim();
  if (!/^[A-Za-z0-9.]+$/.test(agency)) {
    throw new DossierCodeError('INVALID_DOSSIER_CODE', `Mã định danh cơ quan không hợp lệ: "${input.agencyCode}".`);
  }
  if (!Number.isInteger(input.seq) || input.seq < 1 || input.seq > 10 ** compiled.seqWidth - 1) {
    throw new DossierCodeError('INVALID_DOSSIER_CODE', `Số thứ tự ${input.seq} vượt quá ${compiled.seqWidth} chữ số.`);
  }
  const p = vnParts(input.receivedAt);
  const code = compiled.tokens
    .map((t) => {
      switch (t.kind) {
        case 'literal':
          return t.text;
        case 'agency':
          return agency;
        case 'date':
          return `${t.format === 'yyMMdd' ? pad(p.year % 100, 2) : pad(p.year, 4)}${pad(p.month, 2)}${pad(p.day, 2)}`;
        case 'seq':
          return pad(input.seq, t.width);
      }
    })
    .join('');
  if (code.length > MAX_DOSSIER_CODE_LENGTH) {
    throw new DossierCodeError('INVALID_DOSSIER_CODE', `Mã hồ sơ dài quá ${MAX_DOSSIER_CODE_LENGTH} ký tự.`, { code });
  }
  return code;
}

export interface ParsedDossierCode {
  agencyCode: string;
  /** Receipt date 'yyyy-mm-dd' (two-digit years are 20yy). */
  date: string;
  seq: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parse a code made with `pattern`; null when it does not match (e.g. a code from another system). */
export function parseDossierCode(code: string, pattern?: string): ParsedDossierCode | null {
  const compiled = compilePattern(pattern);
  const source = compiled.tokens
    .map((t) => {
      switch (t.kind) {
        case 'literal':
          return escapeRe(t.text);
        case 'agency':
          return '([A-Za-z0-9.]+?)';
        case 'date':
          return t.format === 'yyMMdd' ? '(\\d{6})' : '(\\d{8})';
        case 'seq':
          return `(\\d{${t.width}})`;
      }
    })
    .join('');
  const m = new RegExp(`^${source}$`).exec(code.trim());
  if (!m) return null;
  let group = 1;
  let agencyCode = '';
  let date = '';
  let seq = 0;
  for (const t of compiled.tokens) {
    if (t.kind === 'literal') continue;
    const value = m[group++]!;
    if (t.kind === 'agency') agencyCode = value;
    else if (t.kind === 'seq') seq = Number(value);
    else {
      const yyyy = t.format === 'yyMMdd' ? `20${value.slice(0, 2)}` : value.slice(0, 4);
      const rest = t.format === 'yyMMdd' ? value.slice(2) : value.slice(4);
      date = `${yyyy}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
    }
  }
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || seq < 1) return null;
  return { agencyCode, date, seq };
}

/**
 * Whether `code` is one of `agencyCode`'s own: it starts with the agency code followed by a
 * separator that cannot continue an agency code (anything but a letter, a digit or a dot). DVCQG
 * wants every code prefixed by its agency's identifier (DOMAIN §3.1), so a code made with any
 * pattern that leads with {agency} passes, and a commune can never register a dossier under
 * another commune's code: "000.00.17.H56-…" is not "000.00.17.H5-…"'s nor "000.00.17.H56.1-…"'s.
 */
export function codeBelongsToAgency(code: string, agencyCode: string): boolean {
  if (agencyCode.length === 0 || !code.startsWith(agencyCode)) return false;
  const next = code.charAt(agencyCode.length);
  return next !== '' && !/[A-Za-z0-9.]/.test(next);
}

/**
 * Whether codes made with `pattern` pass codeBelongsToAgency: the pattern leads with {agency}
 * followed by such a separator. The province hub accepts no other (settings refuse it).
 */
export function patternLeadsWithAgency(pattern: string): boolean {
  const tokens = compilePattern(pattern).tokens;
  const [first, second] = tokens;
  return first?.kind === 'agency' && second?.kind === 'literal' && !/[A-Za-z0-9.]/.test(second.text.charAt(0));
}
