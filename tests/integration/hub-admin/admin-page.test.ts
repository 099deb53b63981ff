/**
 * The hub serves the admin bundle at /admin with the counter's strict security headers, falls
 * back to the app shell for deep links, and says plainly when the bundle was never built.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '@shared/sync/protocol';
import { ADMIN_PAGE_CSP } from '../../../src-server/routes/admin-page';
import { hubForTests, startHub, type Hub } from '../hub/harness';

describe('the admin page route (PGlite)', () => {
  // A stand-in bundle: this file tests the serving, the e2e test drives the real build.
  const uiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-admin-ui-'));
  fs.mkdirSync(path.join(uiDir, 'assets'));
  fs.writeFileSync(path.join(uiDir, 'index.html'), '<!doctype html><html lang="vi" translate="no"></html>');
  fs.writeFileSync(path.join(uiDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  const { hub, backend } = hubForTests('pglite', { adminUiDir: uiDir });
  /** A second hub over the same database whose bundle was never built. */
  let bare: Hub;
  beforeAll(async () => {
    bare = await startHub(backend, { adminUiDir: path.join(uiDir, 'missing') });
  });
  afterAll(async () => {
    await bare?.close();
    fs.rmSync(uiDir, { recursive: true, force: true });
  });

  it('serves the shell at /admin and for deep links, with CSP and no caching', async () => {
    for (const url of ['/admin', '/admin/', '/admin/ho-so/tim-kiem']) {
      const res = await hub.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('lang="vi" translate="no"');
      expect(res.headers['content-security-policy']).toBe(ADMIN_PAGE_CSP);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    expect(ADMIN_PAGE_CSP).toContain("script-src 'self'");
    expect(ADMIN_PAGE_CSP).not.toContain('unsafe-eval');
  });

  it('serves hashed assets as immutable and answers 404 for missing files or escapes', async () => {
    const asset = await hub.app.inject({ method: 'GET', url: '/admin/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['content-security-policy']).toBe(ADMIN_PAGE_CSP);
    for (const url of ['/admin/assets/nope.js', '/admin/favicon.ico', '/admin/assets/..%2f..%2fpackage.json']) {
      const res = await hub.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(errorResponseSchema.parse(res.json()).error.code).toBe('not_found');
    }
  });

  it('says the bundle is missing (503) while the API keeps working', async () => {
    const res = await bare.app.inject({ method: 'GET', url: '/admin' });
    expect(res.statusCode).toBe(503);
    expect(errorResponseSchema.parse(res.json()).error.message).toContain('vite.hub.config.ts');
    const health = await bare.app.inject({ method: 'GET', url: '/v1/health' });
    expect(health.statusCode).toBe(200);
  });
});
