/** Small schemas several rows share. */
import { z } from 'zod';

/** An instant with an explicit offset, e.g. 2026-11-23T08:00:00+07:00 or …Z. */
export const instantSchema = z.iso.datetime({ offset: true });

/** A calendar date yyyy-mm-dd. */
export const ymdSchema = z.iso.date();

export const emptyInput = z.strictObject({});

/**
 * An id, code, cursor or file name the UI got from core: printable ASCII without spaces, never
 * free text (free text goes through rpc/text.ts).
 */
export function tokenSchema(max: number) {
  return z.string().trim().min(1).max(max).regex(/^[\x21-\x7E]+$/, 'Mã không hợp lệ');
}
