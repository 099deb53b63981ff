/**
 * The province admin page: the built React bundle (vite.hub.config.ts → dist/hub-admin) served at
 * /admin, with the same strict CSP and security headers as the counter's UI (ARCHITECTURE.md §8).
 * The page itself holds no data; everything it shows comes from the HTTP Basic admin API.
 *
 * Files are served by our own route rather than the plugin's wildcard, so that deep links
 * (/admin/ho-so) fall back to the app shell while a missing asset stays a 404.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { HubError, notFound } from '../errors';

export const DEFAULT_ADMIN_UI_DIR = fileURLToPath(new URL('../../dist/hub-admin/', import.meta.url));

/**
 * Scripts only from the hub itself: no eval, no remote code. Inline styles are allowed because the
 * component library injects its CSS at run time (no script can come through them).
 */
export const ADMIN_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const ADMIN_PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': ADMIN_PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Vite's hashed output: immutable, so browsers may keep it; the shell is always revalidated. */
const ASSET_PATH = /^assets\/[A-Za-z0-9._-]+$/;

function sendShell(reply: FastifyReply) {
  reply.header('Cache-Control', 'no-cache');
  return reply.type('text/html; charset=utf-8').sendFile('index.html', { cacheControl: false });
}

export async function registerAdminPage(app: FastifyInstance, uiDir = DEFAULT_ADMIN_UI_DIR): Promise<void> {
  const built = fs.existsSync(path.join(uiDir, 'index.html'));
  await app.register(async (page) => {
    page.addHook('onSend', async (_request, reply) => {
      for (const [name, value] of Object.entries(ADMIN_PAGE_HEADERS)) reply.header(name, value);
    });
    if (!built) {
      // A hub started from a checkout without the bundle still serves its API; say why /admin is empty.
      const missing = async () => {
        throw new HubError(
          503,
          'admin_ui_missing',
          'Chưa dựng giao diện quản trị (npx vite build --config vite.hub.config.ts).',
        );
      };
      page.get('/admin', missing);
      page.get('/admin/*', missing);
      return;
    }
    await page.register(fastifyStatic, { root: uiDir, serve: false });
    page.get('/admin', async (_request, reply) => sendShell(reply));
    page.get('/admin/*', async (request, reply) => {
      const rest = (request.params as { '*': string })['*'];
      if (ASSET_PATH.test(rest)) {
        if (!fs.existsSync(path.join(uiDir, rest))) throw notFound('Không tìm thấy tệp giao diện.');
        return reply.sendFile(rest, { maxAge: '365d', immutable: true });
      }
      if (/\.[A-Za-z0-9]+$/.test(rest)) throw notFound('Không tìm thấy tệp giao diện.');
      return sendShell(reply);
    });
  });
}
