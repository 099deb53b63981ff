/**
 * The public lookup's secret (issue #14: the hub's lookup answered consecutive codes, 40 in a
 * tenth of a second, and showed which procedure someone applied for). Only the holder of the
 * receipt can look a dossier up:
 * - the Mẫu 01 receipt's QR carries a short random key beside the code: `…/tra-cuu/<code>?k=<key>`;
 * - the counter keeps the key (to print the same QR again) and sends the hub only its SHA-256
 *   over `lookupKeyDigestInput` in the dossier snapshot (`lookupKeyHash`);
 * - receipts printed before the key existed, and forms other than Mẫu 01, are looked up with the
 *   last four digits of the applicant's phone instead (rate-limited per code at the hub).
 * Pure: the hashing itself is done by each side with its own SHA-256.
 */
import { z } from 'zod';

/** The query parameter the QR's link carries the key in. */
export const LOOKUP_KEY_PARAM = 'k';

/** No 0/O, 1/I/L: the key may be read off the printed link and typed. */
export const LOOKUP_KEY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 10 characters of 31 ≈ 50 bits: with the code and the hub's rate limits, not guessable. */
export const LOOKUP_KEY_LENGTH = 10;

export const lookupKeySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${LOOKUP_KEY_ALPHABET}]{${LOOKUP_KEY_LENGTH}}$`));

/** A SHA-256 in lower-case hex, as the snapshot carries it. */
export const lookupKeyHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** What is hashed: the code binds the key to its dossier, so one hash says nothing of another. */
export function lookupKeyDigestInput(code: string, key: string): string {
  return `motcua-lookup:${code}:${key.toUpperCase()}`;
}

/**
 * What a receipt's QR says, read back by the lookup kiosk's camera or a USB scanner typing into a
 * field: `…/tra-cuu/<code>?k=<key>` (Mẫu 01 with a hub), `…/tra-cuu/<code>` (the other forms) or
 * the bare code (no hub configured). Null when the text is none of these.
 */
export function receiptFromQrText(text: string): { code: string; key: string | null } | null {
  const trimmed = text.trim();
  const link = /\/tra-cuu\/([^/?#\s]+)(?:\?([^#\s]*))?$/.exec(trimmed);
  if (link) {
    let code: string;
    try {
      code = decodeURIComponent(link[1]!);
    } catch (err) {
      // A malformed %-escape is not a receipt's link; anything else is a bug.
      if (err instanceof URIError) return null;
      throw err;
    }
    const key = new RegExp(`(?:^|&)${LOOKUP_KEY_PARAM}=([^&]*)`).exec(link[2] ?? '')?.[1] ?? null;
    const parsedKey = key === null ? null : lookupKeySchema.safeParse(key);
    return { code, key: parsedKey?.success ? parsedKey.data : null };
  }
  return /^[A-Za-z0-9][A-Za-z0-9.\-]{0,49}$/.test(trimmed) ? { code: trimmed, key: null } : null;
}
