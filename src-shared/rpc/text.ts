/**
 * Text as it arrives from keyboards, scanners and Unikey: trimmed and normalised to NFC at the
 * boundary, so nothing behind it ever sees NFD.
 */
import { z } from 'zod';

export function vnText(min: number, max: number) {
  return z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(min, 'Không được để trống').max(max, `Tối đa ${max} ký tự`));
}
