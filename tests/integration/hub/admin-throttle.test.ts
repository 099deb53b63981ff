/** Repeated wrong admin passwords at the hub are throttled, as sign-ins are at the counter. */
import { describe, expect, it } from 'vitest';
import { ADMIN, adminHeaders, hubForTests } from './harness';

const { hub } = hubForTests('pglite');


const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

describe('admin login throttling at the hub', () => {
  it('locks a username after five wrong passwords, even for the right one, with a Vietnamese 429', async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await hub.app.inject({ method: 'GET', url: '/v1/admin/stats', headers: basic(ADMIN.username, `sai-${i}`), remoteAddress: '10.0.0.9' });
      expect(wrong.statusCode).toBe(401);
    }
    const locked = await hub.app.inject({ method: 'GET', url: '/v1/admin/stats', headers: adminHeaders, remoteAddress: '10.0.0.8' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/Đăng nhập sai quá nhiều lần/);
    expect(JSON.stringify(locked.json())).not.toContain(ADMIN.password);
  });

  it('locks the address that guessed, for every username', async () => {
    const fromGuesser = await hub.app.inject({ method: 'GET', url: '/v1/admin/stats', headers: basic('someone-else', 'x'), remoteAddress: '10.0.0.9' });
    expect(fromGuesser.statusCode).toBe(429);
  });
});
