/**
 * The contract's promises: every row has schemas and an access rule, and a handler map that
 * misses a row does not compile (checked by `npm run typecheck`, which includes this file).
 */
import { describe, expect, it } from 'vitest';
import { rpc, type RpcName } from '@shared/rpc';
import { isDeviceAccess } from '@shared/rpc/row';
import type { Handlers } from '../../src-main/core/rpc/handlers';

describe('the RPC table', () => {
  it('names every row <capability>.<action> and gives it schemas and an access rule', () => {
    for (const [name, spec] of Object.entries(rpc)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z][a-zA-Z0-9]*$/);
      expect(typeof spec.input.safeParse).toBe('function');
      expect(typeof spec.output.safeParse).toBe('function');
      expect(spec.access === 'public' || spec.access === 'session' || spec.access === 'signedIn' || Array.isArray(spec.access) || isDeviceAccess(spec.access)).toBe(true);
    }
  });

  it('lets a locked session reach only its own state, lock, unlock, password change and logout', () => {
    const sessionRows = Object.entries(rpc)
      .filter(([, s]) => s.access === 'session')
      .map(([n]) => n)
      .sort();
    expect(sessionRows).toEqual(['auth.changePassword', 'auth.lock', 'auth.logout', 'auth.session', 'auth.unlock']);
  });

  it('keeps the unauthenticated surface to first run, sign-in and pairing a device', () => {
    const publicRows = Object.entries(rpc)
      .filter(([, s]) => s.access === 'public')
      .map(([n]) => n)
      .sort();
    expect(publicRows).toEqual(['auth.login', 'devices.pair', 'setup.initialize', 'setup.status']);
  });

  it('fails to compile a handler map with a missing row', () => {
    const missingOne = { 'setup.status': () => ({ initialized: true }) };
    // @ts-expect-error every row of src-shared/rpc.ts needs a handler
    const handlers: Handlers = missingOne;
    expect(Object.keys(handlers).length).toBeLessThan(Object.keys(rpc).length);
    const names: RpcName[] = Object.keys(rpc) as RpcName[];
    expect(names).toContain('auth.login');
  });
});
