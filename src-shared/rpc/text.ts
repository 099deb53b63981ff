/**
 * Free text as it arrives from keyboards, scanners, Unikey and copy-paste, cleaned at the boundary
 * so nothing behind it ever sees it raw. Every free-text field of the contract uses one of these
 * (tests/fuzz/text-fields.test.ts walks the contract to check it).
 *
 * What is removed, not refused: bidi embeddings, overrides and isolates (U+202A–202E,
 * U+2066–2069) and marks, zero-width characters (U+200B–200D, U+2060, U+FEFF), soft hyphens and
 * C0/C1 control characters. None of them is visible or means anything in a Vietnamese name, and
 * all of them have been used to make a printed or listed name read differently from what is
 * stored ("\u202Egnp.exe"). Refusing them would only make an officer retype a name pasted from a
 * Word file; removing them keeps exactly the visible text. The result is NFC, trimmed, with single
 * spaces (line breaks kept only in the multi-line fields).
 */
import { z } from 'zod';
import { cleanText } from '../domain/text';

/** One line of text: NFC, invisible and control characters removed, single spaces, trimmed. */
export function vnText(min: number, max: number) {
  return z
    .string()
    .transform(cleanText)
    .pipe(z.string().min(min, 'Không được để trống').max(max, `Tối đa ${max} ký tự`));
}

/** Like vnText, but keeps the officer's line breaks (a reason, a note): at most one blank line in a row. */
export function vnMultilineText(min: number, max: number) {
  return z
    .string()
    .transform(cleanMultiline)
    .pipe(z.string().min(min, 'Không được để trống').max(max, `Tối đa ${max} ký tự`));
}

/** A search box: cleaned like vnText, empty allowed. */
export function searchText(max: number) {
  return vnText(0, max);
}

export function cleanMultiline(s: string): string {
  return s
    .split(/\r\n|[\n\r\u2028\u2029\u0085]/)
    .map(cleanText)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
