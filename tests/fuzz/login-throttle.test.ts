/**
 * The sign-in throttle (src-shared/auth/login-throttle.ts, at the counter and the hub) under
 * random attacks, as properties. Issue #14: five failures from anyone locked an officer out, and
 * spraying one password across usernames was never slowed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDRESS_LIMIT, LoginThrottle, PAIR_LIMIT } from '@shared/auth/login-throttle';

class TestClock {
  ms = Date.UTC(2026, 10, 23, 1, 0, 0);
  now(): Date {
    return new Date(this.ms);
  }
}

const OFFICER = { username: 'quantri', address: '192.168.1.10' };
const attacker = fc.record({
  username: fc.oneof(fc.constant('quantri'), fc.constant('quay2'), fc.string({ minLength: 1, maxLength: 12 })),
  address: fc.constantFrom('192.168.1.66', '192.168.1.67', '10.0.0.5', 'local', '::1'),
  waitMs: fc.nat({ max: 120_000 }),
});

function refused(throttle: LoginThrottle, attempt: { username: string; address: string }): boolean {
  try {
    throttle.check(attempt);
    return false;
  } catch (err) {
    expect((err as { code: string }).code).toBe('RATE_LIMITED');
    return true;
  }
}

describe('sign-in throttle, as properties', () => {
  it('no sequence of failures from other addresses ever refuses the officer at their own desk', () => {
    fc.assert(
      fc.property(fc.array(attacker, { maxLength: 300 }), (attacks) => {
        const clock = new TestClock();
        const throttle = new LoginThrottle(clock);
        for (const a of attacks) {
          clock.ms += a.waitMs;
          if (!refused(throttle, a)) throttle.fail(a);
          expect(refused(throttle, OFFICER)).toBe(false);
        }
      }),
      { numRuns: 300, seed: 14_01 },
    );
  });

  it('refuses an address that failed 20 times within 15 minutes, whatever usernames it tried', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 10 }), { minLength: ADDRESS_LIMIT.maxFailures + 1, maxLength: 60 }),
        // 20 failures at most 40 s apart fit inside the 15-minute window.
        fc.nat({ max: 40_000 }),
        (usernames, gap) => {
          const clock = new TestClock();
          const throttle = new LoginThrottle(clock);
          const address = '192.168.1.66';
          let failures = 0;
          for (const username of usernames) {
            if (refused(throttle, { username, address })) break;
            throttle.fail({ username, address });
            failures += 1;
            clock.ms += gap;
          }
          expect(failures).toBe(ADDRESS_LIMIT.maxFailures);
          expect(refused(throttle, { username: 'ai-do-khac', address })).toBe(true);
          expect(refused(throttle, OFFICER)).toBe(false);
        },
      ),
      { numRuns: 300, seed: 14_02 },
    );
  });

  it('refuses one username from one address after five failures, and only that pair', () => {
    const clock = new TestClock();
    const throttle = new LoginThrottle(clock);
    const guesser = { username: 'quantri', address: '192.168.1.66' };
    for (let i = 0; i < PAIR_LIMIT.maxFailures; i++) {
      expect(refused(throttle, guesser)).toBe(false);
      throttle.fail(guesser);
    }
    expect(refused(throttle, guesser)).toBe(true);
    expect(refused(throttle, { username: 'quay2', address: guesser.address })).toBe(false);
    expect(refused(throttle, OFFICER)).toBe(false);
    clock.ms += 61_000;
    expect(refused(throttle, guesser)).toBe(false);
  });

  it('keeps memory bounded under a flood of random usernames', () => {
    const clock = new TestClock();
    const throttle = new LoginThrottle(clock);
    for (let i = 0; i < 120_000; i++) {
      clock.ms += 20;
      throttle.fail({ username: `u${i}`, address: `10.0.${i % 250}.${i % 7}` });
    }
    const size = (throttle as unknown as { records: Map<string, unknown> }).records.size;
    expect(size).toBeLessThan(60_000);
  });
});
