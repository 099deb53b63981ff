/**
 * The module matrix of pdfmake's `qr` node, worked out faster.
 *
 * pdfmake encodes QR codes with qr.js by Kang Seonghoon (pdfmake/js/qrEnc.js; public domain, or
 * CC0 where that is not recognised). To choose a mask it scores all eight masked matrices, and its
 * scoring builds arrays of run lengths for every row and column of every one: about 1 ms of each
 * receipt (bench/print.ts), where every receipt has a QR of its own. This is the same algorithm,
 * step for step and with the same tables and tie-breaks (the first mask with the lowest score
 * wins), on flat byte arrays, so it gives the very matrix pdfmake would: canvas.ts draws it
 * where pdfmake would draw its own, and tests/print/qr-matrix.test.ts holds the two encoders to
 * the same matrices over many payloads. Only what pdfmake's node uses is kept: automatic version,
 * mode and mask.
 */

// Per version: ECC code words per block by ECC level, blocks by ECC level, alignment pattern positions.
const VERSIONS: [number[], number[], number[]][] = [
  [[], [], []], // unused: versions count from 1
  [[10,  7,  17,  13], [1,  1,  1,  1], []], // 1
  [[16,  10,  28,  22], [1,  1,  1,  1], [4,  16]], // 2
  [[26,  15,  22,  18], [1,  1,  2,  2], [4,  20]], // 3
  [[18,  20,  16,  26], [2,  1,  4,  2], [4,  24]], // 4
  [[24,  26,  22,  18], [2,  1,  4,  4], [4,  28]], // 5
  [[16,  18,  28,  24], [4,  2,  4,  4], [4,  32]], // 6
  [[18,  20,  26,  18], [4,  2,  5,  6], [4,  20,  36]], // 7
  [[22,  24,  26,  22], [4,  2,  6,  6], [4,  22,  40]], // 8
  [[22,  30,  24,  20], [5,  2,  8,  8], [4,  24,  44]], // 9
  [[26,  18,  28,  24], [5,  4,  8,  8], [4,  26,  48]], // 10
  [[30,  20,  24,  28], [5,  4,  11,  8], [4,  28,  52]], // 11
  [[22,  24,  28,  26], [8,  4,  11,  10], [4,  30,  56]], // 12
  [[22,  26,  22,  24], [9,  4,  16,  12], [4,  32,  60]], // 13
  [[24,  30,  24,  20], [9,  4,  16,  16], [4,  24,  44,  64]], // 14
  [[24,  22,  24,  30], [10,  6,  18,  12], [4,  24,  46,  68]], // 15
  [[28,  24,  30,  24], [10,  6,  16,  17], [4,  24,  48,  72]], // 16
  [[28,  28,  28,  28], [11,  6,  19,  16], [4,  28,  52,  76]], // 17
  [[26,  30,  28,  28], [13,  6,  21,  18], [4,  28,  54,  80]], // 18
  [[26,  28,  26,  26], [14,  7,  25,  21], [4,  28,  56,  84]], // 19
  [[26,  28,  28,  30], [16,  8,  25,  20], [4,  32,  60,  88]], // 20
  [[26,  28,  30,  28], [17,  8,  25,  23], [4,  26,  48,  70,  92]], // 21
  [[28,  28,  24,  30], [17,  9,  34,  23], [4,  24,  48,  72,  96]], // 22
  [[28,  30,  30,  30], [18,  9,  30,  25], [4,  28,  52,  76,  100]], // 23
  [[28,  30,  30,  30], [20,  10,  32,  27], [4,  26,  52,  78,  104]], // 24
  [[28,  26,  30,  30], [21,  12,  35,  29], [4,  30,  56,  82,  108]], // 25
  [[28,  28,  30,  28], [23,  12,  37,  34], [4,  28,  56,  84,  112]], // 26
  [[28,  30,  30,  30], [25,  12,  40,  34], [4,  32,  60,  88,  116]], // 27
  [[28,  30,  30,  30], [26,  13,  42,  35], [4,  24,  48,  72,  96,  120]], // 28
  [[28,  30,  30,  30], [28,  14,  45,  38], [4,  28,  52,  76,  100,  124]], // 29
  [[28,  30,  30,  30], [29,  15,  48,  40], [4,  24,  50,  76,  102,  128]], // 30
  [[28,  30,  30,  30], [31,  16,  51,  43], [4,  28,  54,  80,  106,  132]], // 31
  [[28,  30,  30,  30], [33,  17,  54,  45], [4,  32,  58,  84,  110,  136]], // 32
  [[28,  30,  30,  30], [35,  18,  57,  48], [4,  28,  56,  84,  112,  140]], // 33
  [[28,  30,  30,  30], [37,  19,  60,  51], [4,  32,  60,  88,  116,  144]], // 34
  [[28,  30,  30,  30], [38,  19,  63,  53], [4,  28,  52,  76,  100,  124,  148]], // 35
  [[28,  30,  30,  30], [40,  20,  66,  56], [4,  22,  48,  74,  100,  126,  152]], // 36
  [[28,  30,  30,  30], [43,  21,  70,  59], [4,  26,  52,  78,  104,  130,  156]], // 37
  [[28,  30,  30,  30], [45,  22,  74,  62], [4,  30,  56,  82,  108,  134,  160]], // 38
  [[28,  30,  30,  30], [47,  24,  77,  65], [4,  24,  52,  80,  108,  136,  164]], // 39
  [[28,  30,  30,  30], [49,  25,  81,  68], [4,  28,  56,  84,  112,  140,  168]], // 40
];

const MODE_TERMINATOR = 0;
const MODE_NUMERIC = 1;
const MODE_ALPHANUMERIC = 2;
const MODE_OCTET = 4;

const NUMERIC_REGEXP = /^\d*$/;
const ALPHANUMERIC_REGEXP = /^[A-Za-z0-9 $%*+\-./:]*$/;
const ALPHANUMERIC_OUT_REGEXP = /^[A-Z0-9 $%*+\-./:]*$/;

/** ECC level → the index qr.js uses (its own order, cf. JIS X 0510:2004 Table 22). */
const ECC_LEVELS = { L: 1, M: 0, Q: 3, H: 2 } as const;
export type EccLevel = keyof typeof ECC_LEVELS;

// GF(2^8) with x^8+x^4+x^3+x^2+1, and generator polynomials up to degree 30 (as exponents).
const GF256_MAP: number[] = [];
const GF256_INVMAP: number[] = [-1];
for (let i = 0, v = 1; i < 255; ++i) {
  GF256_MAP.push(v);
  GF256_INVMAP[v] = i;
  v = (v * 2) ^ (v >= 128 ? 0x11d : 0);
}
const GF256_GENPOLY: number[][] = [[]];
for (let i = 0; i < 30; ++i) {
  const prev = GF256_GENPOLY[i]!;
  const poly: number[] = [];
  for (let j = 0; j <= i; ++j) {
    const a = j < i ? GF256_MAP[prev[j]!]! : 0;
    const b = GF256_MAP[(i + (prev[j - 1] || 0)) % 255]!;
    poly.push(GF256_INVMAP[a ^ b]!);
  }
  GF256_GENPOLY.push(poly);
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (((i / 2) | 0) + ((j / 3) | 0)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

const needsVersionInfo = (ver: number) => ver > 6;
const sizeOf = (ver: number) => 4 * ver + 17;

function fullBits(ver: number): number {
  const v = VERSIONS[ver]!;
  let nbits = 16 * ver * ver + 128 * ver + 64;
  if (needsVersionInfo(ver)) nbits -= 36;
  if (v[2].length) nbits -= 25 * v[2].length * v[2].length - 10 * v[2].length - 55;
  return nbits;
}

function dataBits(ver: number, ecc: number): number {
  const v = VERSIONS[ver]!;
  return (fullBits(ver) & ~7) - 8 * v[0][ecc]! * v[1][ecc]!;
}

function lengthBits(ver: number, mode: number): number {
  switch (mode) {
    case MODE_NUMERIC:
      return ver < 10 ? 10 : ver < 27 ? 12 : 14;
    case MODE_ALPHANUMERIC:
      return ver < 10 ? 9 : ver < 27 ? 11 : 13;
    default:
      return ver < 10 ? 8 : 16;
  }
}

function maxDataLength(ver: number, mode: number, ecc: number): number {
  const nbits = dataBits(ver, ecc) - 4 - lengthBits(ver, mode);
  switch (mode) {
    case MODE_NUMERIC:
      return ((nbits / 10) | 0) * 3 + (nbits % 10 < 4 ? 0 : nbits % 10 < 7 ? 1 : 2);
    case MODE_ALPHANUMERIC:
      return ((nbits / 11) | 0) * 2 + (nbits % 11 < 6 ? 0 : 1);
    default:
      return (nbits / 8) | 0;
  }
}

/** Octet data as qr.js makes it: each UTF-16 unit encoded as UTF-8 on its own. */
function octets(data: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < data.length; ++i) {
    const ch = data.charCodeAt(i);
    if (ch < 0x80) out.push(ch);
    else if (ch < 0x800) out.push(0xc0 | (ch >> 6), 0x80 | (ch & 0x3f));
    else out.push(0xe0 | (ch >> 12), 0x80 | ((ch >> 6) & 0x3f), 0x80 | (ch & 0x3f));
  }
  return out;
}

function encode(ver: number, mode: number, data: string | number[], maxLength: number): number[] {
  const buf: number[] = [];
  let bits = 0;
  let remaining = 8;
  const pack = (x: number, n: number) => {
    if (n >= remaining) {
      buf.push(bits | (x >> (n -= remaining)));
      while (n >= 8) buf.push((x >> (n -= 8)) & 255);
      bits = 0;
      remaining = 8;
    }
    if (n > 0) bits |= (x & ((1 << n) - 1)) << (remaining -= n);
  };
  const length = data.length;
  pack(mode, 4);
  pack(length, lengthBits(ver, mode));
  if (mode === MODE_NUMERIC) {
    const s = data as string;
    let i = 2;
    for (; i < length; i += 3) pack(parseInt(s.substring(i - 2, i + 1), 10), 10);
    pack(parseInt(s.substring(i - 2), 10), [0, 4, 7][length % 3]!);
  } else if (mode === MODE_ALPHANUMERIC) {
    const s = data as string;
    let i = 1;
    for (; i < length; i += 2) pack(ALPHANUMERIC.indexOf(s.charAt(i - 1)) * 45 + ALPHANUMERIC.indexOf(s.charAt(i)), 11);
    if (length % 2 === 1) pack(ALPHANUMERIC.indexOf(s.charAt(i - 1)), 6);
  } else {
    for (const byte of data as number[]) pack(byte, 8);
  }
  pack(MODE_TERMINATOR, 4);
  if (remaining < 8) buf.push(bits);
  while (buf.length + 1 < maxLength) buf.push(0xec, 0x11);
  if (buf.length < maxLength) buf.push(0xec);
  return buf;
}

function ecc(poly: number[], genpoly: number[]): number[] {
  const modulus = poly.slice(0);
  for (let i = 0; i < genpoly.length; ++i) modulus.push(0);
  for (let i = 0; i < poly.length; ) {
    const quotient = GF256_INVMAP[modulus[i++]!]!;
    if (quotient >= 0) {
      for (let j = 0; j < genpoly.length; ++j) modulus[i + j]! ^= GF256_MAP[(quotient + genpoly[j]!) % 255]!;
    }
  }
  return modulus.slice(poly.length);
}

function withEcc(poly: number[], nblocks: number, genpoly: number[]): number[] {
  const subsizes: number[] = [];
  const subsize = (poly.length / nblocks) | 0;
  let subsize0 = 0;
  const pivot = nblocks - (poly.length % nblocks);
  for (let i = 0; i < pivot; ++i) {
    subsizes.push(subsize0);
    subsize0 += subsize;
  }
  for (let i = pivot; i < nblocks; ++i) {
    subsizes.push(subsize0);
    subsize0 += subsize + 1;
  }
  subsizes.push(subsize0);
  const eccs: number[][] = [];
  for (let i = 0; i < nblocks; ++i) eccs.push(ecc(poly.slice(subsizes[i], subsizes[i + 1]), genpoly));
  const result: number[] = [];
  const perBlock = (poly.length / nblocks) | 0;
  for (let i = 0; i < perBlock; ++i) for (let j = 0; j < nblocks; ++j) result.push(poly[subsizes[j]! + i]!);
  for (let j = pivot; j < nblocks; ++j) result.push(poly[subsizes[j + 1]! - 1]!);
  for (let i = 0; i < genpoly.length; ++i) for (let j = 0; j < nblocks; ++j) result.push(eccs[j]![i]!);
  return result;
}

function bch(poly: number, p: number, genpoly: number, q: number): number {
  let modulus = poly << q;
  for (let i = p - 1; i >= 0; --i) if ((modulus >> (q + i)) & 1) modulus ^= genpoly << i;
  return (poly << q) | modulus;
}

interface Grid {
  n: number;
  /** 1 for a dark module, row by row. */
  dark: Uint8Array;
  /** 1 for a function module (finder, timing, alignment, format and version information). */
  reserved: Uint8Array;
}

function baseGrid(ver: number): Grid {
  const n = sizeOf(ver);
  const grid: Grid = { n, dark: new Uint8Array(n * n), reserved: new Uint8Array(n * n) };
  const blit = (y: number, x: number, h: number, w: number, bits: number[]) => {
    for (let i = 0; i < h; ++i) {
      for (let j = 0; j < w; ++j) {
        grid.dark[(y + i) * n + x + j] = (bits[i]! >> j) & 1;
        grid.reserved[(y + i) * n + x + j] = 1;
      }
    }
  };
  blit(0, 0, 9, 9, [0x7f, 0x41, 0x5d, 0x5d, 0x5d, 0x41, 0x17f, 0x00, 0x40]);
  blit(n - 8, 0, 8, 9, [0x100, 0x7f, 0x41, 0x5d, 0x5d, 0x5d, 0x41, 0x7f]);
  blit(0, n - 8, 9, 8, [0xfe, 0x82, 0xba, 0xba, 0xba, 0x82, 0xfe, 0x00, 0x00]);
  for (let i = 9; i < n - 8; ++i) {
    grid.dark[6 * n + i] = grid.dark[i * n + 6] = ~i & 1;
    grid.reserved[6 * n + i] = grid.reserved[i * n + 6] = 1;
  }
  const aligns = VERSIONS[ver]![2];
  const m = aligns.length;
  for (let i = 0; i < m; ++i) {
    const minj = i === 0 || i === m - 1 ? 1 : 0;
    const maxj = i === 0 ? m - 1 : m;
    for (let j = minj; j < maxj; ++j) blit(aligns[i]!, aligns[j]!, 5, 5, [0x1f, 0x11, 0x15, 0x11, 0x1f]);
  }
  if (needsVersionInfo(ver)) {
    const code = bch(ver, 6, 0x1f25, 12);
    let k = 0;
    for (let i = 0; i < 6; ++i) {
      for (let j = 0; j < 3; ++j) {
        grid.dark[i * n + n - 11 + j] = grid.dark[(n - 11 + j) * n + i] = (code >> k++) & 1;
        grid.reserved[i * n + n - 11 + j] = grid.reserved[(n - 11 + j) * n + i] = 1;
      }
    }
  }
  return grid;
}

function putData({ n, dark, reserved }: Grid, buf: number[]): void {
  let k = 0;
  let dir = -1;
  for (let i = n - 1; i >= 0; i -= 2) {
    if (i === 6) --i;
    let jj = dir < 0 ? n - 1 : 0;
    for (let j = 0; j < n; ++j) {
      for (let ii = i; ii > i - 2; --ii) {
        if (!reserved[jj * n + ii]) {
          dark[jj * n + ii] = ((buf[k >> 3] ?? 0) >> (~k & 7)) & 1;
          ++k;
        }
      }
      jj += dir;
    }
    dir = -dir;
  }
}

/** Per version: for each mask, 1 where it flips a data module (function modules are never masked). */
const maskPatterns = new Map<number, Uint8Array[]>();

function patternsFor(ver: number, { n, reserved }: Grid): Uint8Array[] {
  let patterns = maskPatterns.get(ver);
  if (!patterns) {
    patterns = MASKS.map((f) => {
      const pattern = new Uint8Array(n * n);
      for (let i = 0; i < n; ++i) for (let j = 0; j < n; ++j) pattern[i * n + j] = !reserved[i * n + j] && f(i, j) ? 1 : 0;
      return pattern;
    });
    maskPatterns.set(ver, patterns);
  }
  return patterns;
}

/** XORs the data modules with a mask pattern; a second call undoes the first. */
function applyMask({ dark }: Grid, pattern: Uint8Array): void {
  for (let k = 0; k < dark.length; ++k) dark[k]! ^= pattern[k]!;
}

function putFormatInfo({ n, dark }: Grid, eccLevel: number, mask: number): void {
  const code = bch((eccLevel << 3) | mask, 5, 0x537, 10) ^ 0x5412;
  for (let i = 0; i < 15; ++i) {
    const r = [0, 1, 2, 3, 4, 5, 7, 8, n - 7, n - 6, n - 5, n - 4, n - 3, n - 2, n - 1][i]!;
    const c = [n - 1, n - 2, n - 3, n - 4, n - 5, n - 6, n - 7, n - 8, 7, 5, 4, 3, 2, 1, 0][i]!;
    dark[r * n + 8] = dark[8 * n + c] = (code >> i) & 1;
  }
}

/** Run lengths of one row or column (reused): a first empty light run, then dark and light runs in turn. */
let runs = new Int32Array(512);

/** qr.js's evaluategroup over `runs[0..length)`: long runs, and finder-like 1:1:3:1:1 patterns. */
function scoreRuns(length: number): number {
  let score = 0;
  for (let i = 0; i < length; ++i) if (runs[i]! >= 5) score += 3 + (runs[i]! - 5);
  for (let i = 5; i < length; i += 2) {
    const p = runs[i]!;
    if (
      runs[i - 1] === p &&
      runs[i - 2] === 3 * p &&
      runs[i - 3] === p &&
      runs[i - 4] === p &&
      (runs[i - 5]! >= 4 * p || (i + 1 < length && runs[i + 1]! >= 4 * p))
    ) {
      score += 40;
    }
  }
  return score;
}

/** The runs of row i (step 1 from i*n) or column i (step n from i). */
function lineRuns(dark: Uint8Array, n: number, start: number, step: number): number {
  if (runs.length < 2 * n + 2) runs = new Int32Array(2 * n + 2);
  let length = 0;
  runs[length++] = 0;
  let j = 0;
  while (j < n) {
    const darkFrom = j;
    while (j < n && dark[start + j * step]) ++j;
    runs[length++] = j - darkFrom;
    const lightFrom = j;
    while (j < n && !dark[start + j * step]) ++j;
    runs[length++] = j - lightFrom;
  }
  return length;
}

/** qr.js's evaluatematrix (cf. JIS X 0510:2004 sec 8.8.2): lower is better. */
function evaluate({ n, dark }: Grid): number {
  let score = 0;
  let blacks = 0;
  for (let i = 0; i < n; ++i) {
    score += scoreRuns(lineRuns(dark, n, i * n, 1));
    score += scoreRuns(lineRuns(dark, n, i, n));
    const row = i * n;
    const next = (i + 1) * n;
    const hasNext = i + 1 < n;
    blacks += dark[row]!;
    for (let j = 1; j < n; ++j) {
      const p = dark[row + j]!;
      blacks += p;
      if (hasNext && dark[row + j - 1] === p && dark[next + j] === p && dark[next + j - 1] === p) score += 3;
    }
  }
  return score + 10 * ((Math.abs(blacks / n / n - 0.5) / 0.05) | 0);
}

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  /** 1 for a dark module, row by row. */
  dark: Uint8Array;
}

/** The QR matrix pdfmake's `qr` node draws for `data` (automatic version, mode and mask). */
export function qrMatrix(data: string, eccLevel: EccLevel = 'L'): QrMatrix {
  const level = ECC_LEVELS[eccLevel];
  let mode: number;
  let payload: string | number[];
  if (NUMERIC_REGEXP.test(data)) {
    mode = MODE_NUMERIC;
    payload = data;
  } else if (ALPHANUMERIC_OUT_REGEXP.test(data)) {
    // qr.js checks the wider alphanumeric set, then upper-cases (a no-op after the check above).
    mode = MODE_ALPHANUMERIC;
    payload = ALPHANUMERIC_REGEXP.test(data) ? data.toUpperCase() : data;
  } else {
    mode = MODE_OCTET;
    payload = octets(data);
  }
  let ver = 1;
  while (ver <= 40 && payload.length > maxDataLength(ver, mode, level)) ++ver;
  if (ver > 40) throw new Error('too large data for the Qr format');

  const v = VERSIONS[ver]!;
  const buf = withEcc(encode(ver, mode, payload, dataBits(ver, level) >> 3), v[1][level]!, GF256_GENPOLY[v[0][level]!]!);
  const grid = baseGrid(ver);
  putData(grid, buf);
  const patterns = patternsFor(ver, grid);
  let best = 0;
  let bestScore = Infinity;
  for (let mask = 0; mask < 8; ++mask) {
    applyMask(grid, patterns[mask]!);
    putFormatInfo(grid, level, mask);
    const score = evaluate(grid);
    if (bestScore > score) {
      bestScore = score;
      best = mask;
    }
    applyMask(grid, patterns[mask]!);
  }
  applyMask(grid, patterns[best]!);
  putFormatInfo(grid, level, best);
  return { size: grid.n, dark: grid.dark };
}
