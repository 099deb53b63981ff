/**
 * The dispatcher decides a device's access before any handler runs (issue #18, item 7): over the
 * whole RPC table, with a handler map that records every call, no officer row's handler is ever
 * reached by a device of any scope, whatever the input.
 */
import { describe, expect, it } from 'vitest';
import { rpc, type RpcName } from '@shared/rpc';
import { DEVICE_SCOPES, isDeviceAccess } from '@shared/rpc/row';
import { createDispatch } from '../../../src-main/core/rpc/dispatch';
import type { Handlers, Principal } from '../../../src-main/core/rpc/handlers';

describe('device scopes in the dispatcher', () => {
  it('never runs an officer row for a device token, for every scope and every row', async () => {
    const reached: string[] = [];
    const handlers = new Proxy({} as Handlers, {
      get: (_t, name: string) => () => {
        reached.push(name);
        return {};
      },
    });
    for (const scope of DEVICE_SCOPES) {
      const principal: Principal = { kind: 'device', device: { id: `d-${scope}`, scope, counterNo: scope === 'rating' ? 1 : null, label: scope } };
      const dispatch = createDispatch(handlers, { resolve: () => principal }, { log: { error: () => {} }, dataDir: '/nonexistent' });
      for (const name of Object.keys(rpc) as RpcName[]) {
        const access = rpc[name].access;
        if (access === 'public' || (isDeviceAccess(access) && access.device.includes(scope))) continue;
        // A well-formed input would not help either: the refusal comes before the input is read.
        const answer = await dispatch(name, { id: 'x', code: '123456' }, { token: 'dv.any', address: '192.168.1.9' });
        expect(answer.ok ? 'ok' : answer.error.code, `${scope} → ${name}`).toBe('FORBIDDEN');
      }
    }
    expect(reached).toEqual([]);
  });

  it("refuses every device row to an officer's session, whatever the role", async () => {
    const reached: string[] = [];
    const handlers = new Proxy({} as Handlers, { get: (_t, name: string) => () => reached.push(name) });
    const principal: Principal = {
      kind: 'officer',
      officer: { id: 'o1', username: 'quantri', fullName: 'Quản trị', role: 'admin' },
      session: { id: 'h', state: 'open', lockReason: null, mustChangePassword: false, createdAt: '2026-11-17T02:00:00Z', expiresAt: '2026-11-17T14:00:00Z' },
    };
    const dispatch = createDispatch(handlers, { resolve: () => principal }, { log: { error: () => {} }, dataDir: '/nonexistent' });
    const deviceRows = (Object.keys(rpc) as RpcName[]).filter((n) => isDeviceAccess(rpc[n].access));
    expect(deviceRows.length).toBeGreaterThan(0);
    for (const name of deviceRows) {
      const answer = await dispatch(name, {}, { token: 'officer-token' });
      expect(answer.ok ? 'ok' : answer.error.code).toBe('FORBIDDEN');
    }
    expect(reached).toEqual([]);
  });
});
