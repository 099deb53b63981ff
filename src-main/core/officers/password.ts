/** Officer passwords: the shared scrypt hashes (src-shared/auth/password-hash.ts) over node:crypto. */
import crypto from 'node:crypto';
import { passwordHasher } from '@shared/auth/password-hash';

export const { hashPassword, verifyPassword } = passwordHasher(crypto);

/** A hash of a random password: compared against when the username is unknown, so timing is equal. */
export const DUMMY_HASH_PROMISE = hashPassword(crypto.randomBytes(12).toString('hex'));
