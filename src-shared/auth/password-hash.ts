/**
 * Password hashes, for officers at the counter and administrators at the hub: scrypt (RFC 7914),
 * stored as `scrypt$N$r$p$<salt>$<key>` (base64, 16-byte salt, 32-byte key). The cost travels
 * with each hash, so it can be raised later and every older hash still verifies at its own cost.
 *
 * One cost for every new hash: N = 2^15, r = 8, p = 1 — 32 MiB of memory per hash, twice the 2^14
 * RFC 7914 gave for interactive logins, and some 100 ms of one core on our machines. It was the
 * counter's cost already; the hub hashed at 2^14 until both were written once, and its older
 * hashes keep that cost (tests/unit/auth/password-hash.test.ts verifies hashes made by both
 * earlier implementations). The hub's admin API checks HTTP Basic credentials on every request,
 * so each admin call pays this once.
 *
 * Pure: scrypt and the salt's random bytes come from the host (`passwordHasher(crypto)` with
 * node:crypto), so the format, the cost and the comparison are written once for both.
 */
import { fromBase64, toBase64 } from '../base64';

export const SCRYPT_COST = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

interface ScryptOptions {
  N: number;
  r: number;
  p: number;
  maxmem: number;
}

/** What the host provides: node:crypto itself fits. */
export interface ScryptHost {
  scrypt(password: string, salt: Uint8Array, keylen: number, options: ScryptOptions, callback: (err: Error | null, key: Uint8Array) => void): void;
  randomBytes(size: number): Uint8Array;
}

export interface PasswordHasher {
  hashPassword(password: string): Promise<string>;
  /** False for a wrong password and for anything that is not one of our hashes. */
  verifyPassword(password: string, stored: string): Promise<boolean>;
}

/** Same length and same bytes, in time that does not depend on where they differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function passwordHasher(host: ScryptHost): PasswordHasher {
  const derive = (password: string, salt: Uint8Array, cost: { N: number; r: number; p: number }, keyLength: number) =>
    new Promise<Uint8Array>((resolve, reject) =>
      // scrypt needs 128·N·r bytes and a little more; Node refuses over 32 MiB unless told.
      host.scrypt(password.normalize('NFC'), salt, keyLength, { ...cost, maxmem: 256 * cost.N * cost.r }, (err, key) =>
        err ? reject(err) : resolve(key),
      ),
    );

  return {
    async hashPassword(password) {
      const salt = host.randomBytes(SALT_LENGTH);
      const key = await derive(password, salt, SCRYPT_COST, KEY_LENGTH);
      const { N, r, p } = SCRYPT_COST;
      return ['scrypt', N, r, p, toBase64(salt), toBase64(key)].join('$');
    },
    async verifyPassword(password, stored) {
      const [kind, n, r, p, salt, key] = stored.split('$');
      if (kind !== 'scrypt' || !salt || !key) return false;
      const actual = await derive(password, fromBase64(salt), { N: Number(n), r: Number(r), p: Number(p) }, KEY_LENGTH);
      return sameBytes(actual, fromBase64(key));
    },
  };
}
