/** UUIDv7 ids: made locally, sortable by creation time, unique across offline desks. */
import { randomInt } from 'node:crypto';
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}

/**
 * A short random code people read and type (first-run setup, receipt lookup keys): `length`
 * characters from `alphabet`, drawn with the crypto generator.
 */
export function newReadableCode(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}
