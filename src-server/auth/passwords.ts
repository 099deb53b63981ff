/** Admin passwords (ARCHITECTURE.md §8): the shared scrypt hashes (src-shared/auth/password-hash.ts) over node:crypto. */
import crypto from 'node:crypto';
import { passwordHasher } from '@shared/auth/password-hash';

export const { hashPassword, verifyPassword } = passwordHasher(crypto);
