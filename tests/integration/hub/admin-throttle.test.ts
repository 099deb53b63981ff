/**
 * Repeated wrong admin passwords at the hub are throttled as sign-ins are at the counter: per
 * username and address together, and per address across usernames. Issue #14: five wrong
 * guesses from anywhere locked the province's administrator out, while spraying one password
 * across usernames was never slowed.
 */
import { describe, expect, it } from 'vitest';
import { upsertAdmin } from '../../../src-server/admin/admins';
import { HubError } from '../../../src-server/errors';
import { ADMIN, adminHeaders, BACKENDS, hubForTests } from './harness';

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

describe.each(BACKENDS)('hub on %s: admin login throttling', (backendName) => {
  const { hub, backend } = hubForTests(backendName);
  const stats = (headers: Record<string, string>, remoteAddress: string) => hub.app.inject({ method: 'GET', url: '/v1/admin/stats', headers, remoteAddress });

  it('locks the guesser\'s address for that username after five wrong passwords, even for the right one, in Vietnamese', async () => {
    for (let i = 0; i < 5; i++) expect((await stats(basic(ADMIN.username, `sai-${i}`), '10.0.0.9')).statusCode).toBe(401);
    const locked = await stats(adminHeaders, '10.0.0.9');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/Đăng nhập sai quá nhiều lần/);
    expect(JSON.stringify(locked.json())).not.toContain(ADMIN.password);
  });

  it('never locks the administrator out from the province office\'s own address', async () => {
    expect((await stats(adminHeaders, '10.0.0.8')).statusCode).toBe(200);
  });

  it('slows spraying one password over many usernames from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await stats(basic(`nguoi-dung-${i}`, 'Matkhau@2026'), '10.0.0.7')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect((await stats(basic('nguoi-khac', 'x'), '10.0.0.7')).statusCode).toBe(429);
    expect((await stats(adminHeaders, '10.0.0.8')).statusCode).toBe(200);
  });

  it('refuses a weak administrator password ("password1", the username, too short), in Vietnamese, and keeps the old one', async () => {
    for (const password of ['password1', `${ADMIN.username}2026`, 'Ab1!xyz']) {
      const refused = await upsertAdmin(backend.database.db, { username: ADMIN.username, password }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(refused, password).toBeInstanceOf(HubError);
      expect((refused as HubError).code, password).toBe('weak_password');
      expect((refused as HubError).message, password).toMatch(/[ăâđêôơưáàảãạ]/);
      expect((await stats(basic(ADMIN.username, password), '10.0.0.6')).statusCode, password).toBe(401);
    }
    expect((await stats(adminHeaders, '10.0.0.6')).statusCode).toBe(200);
  });
});
