/**
 * One scrypt implementation for officers (counter) and administrators (hub), one cost for new
 * hashes, and every hash made before still verifies: the two below were made by the two earlier
 * implementations (core/officers/password.ts at N = 2^15 and src-server/auth/passwords.ts at
 * N = 2^14, commit 2bffff5), with these passwords.
 */
import { describe, expect, it } from 'vitest';
import { SCRYPT_COST } from '@shared/auth/password-hash';
import * as counter from '../../../src-main/core/officers/password';
import * as hub from '../../../src-server/auth/passwords';

const MADE_BY_THE_COUNTER = {
  password: 'Mật khẩu quầy 2026',
  hash: 'scrypt$32768$8$1$ogDlGiPDbFZPEdp6UvAVeg==$+gw/TDundCqqL/2A8JidBas2lK8nCw9CQTcNeUzS8fY=',
};
const MADE_BY_THE_HUB = {
  password: 'mat-khau-tinh-2026',
  hash: 'scrypt$16384$8$1$IbA8lsSAU3H5H5qjyPZpyg==$1oBiy+9tfMGzwAKzZt1tYuwkWV8jXctvah++0vEuuGk=',
};

describe('password hashes', () => {
  it.each([
    ['the counter', counter],
    ['the hub', hub],
  ])('%s verifies hashes made by both earlier implementations, and refuses wrong passwords', async (_name, side) => {
    for (const old of [MADE_BY_THE_COUNTER, MADE_BY_THE_HUB]) {
      expect(await side.verifyPassword(old.password, old.hash)).toBe(true);
      expect(await side.verifyPassword(`${old.password}!`, old.hash)).toBe(false);
    }
  });

  it('hashes at the one documented cost, in the stored format, with a fresh salt each time', async () => {
    expect(SCRYPT_COST).toEqual({ N: 32768, r: 8, p: 1 });
    const a = await hub.hashPassword('mat-khau-moi-2027');
    const b = await counter.hashPassword('mat-khau-moi-2027');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    // Either side verifies the other's.
    expect(await counter.verifyPassword('mat-khau-moi-2027', a)).toBe(true);
    expect(await hub.verifyPassword('mat-khau-moi-2027', b)).toBe(true);
  });

  it('reads a password typed in decomposed Unicode (NFD) as the same password', async () => {
    expect(await counter.verifyPassword(MADE_BY_THE_COUNTER.password.normalize('NFD'), MADE_BY_THE_COUNTER.hash)).toBe(true);
  });

  it('answers false for a stored value that is not one of its hashes', async () => {
    for (const stored of ['', 'plain-text', 'bcrypt$10$abc', 'scrypt$16384$8$1$$']) {
      expect(await hub.verifyPassword('anything', stored)).toBe(false);
    }
  });
});
