/**
 * Device tokens and enrollment codes. Only hashes are stored. A plain SHA-256 is enough for
 * device tokens (32 random bytes: nothing to brute-force); enrollment codes are shorter so they
 * can be typed, and are protected by expiry, one-time use and the per-IP rate limit instead.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** No 0/O, 1/I/L: the code is read over the phone and typed at the counter. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 15 characters from a 31-letter alphabet ≈ 74 bits, shown as XXXXX-XXXXX-XXXXX. */
export function newEnrollmentCode(): string {
  const chars = Array.from({ length: 15 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [chars.slice(0, 5), chars.slice(5, 10), chars.slice(10)].map((g) => g.join('')).join('-');
}

/** Officers type codes with or without dashes, in any case. */
export function normaliseEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashEnrollmentCode(code: string): string {
  return sha256Hex(`enroll:${normaliseEnrollmentCode(code)}`);
}
