/**
 * The browser host: the same core over HTTP (ARCHITECTURE.md §3) plus the built React bundle.
 * `POST /api/rpc/<name>` answers `{ ok, result }` or `{ ok: false, error }` with the status of
 * the error code; `GET /api/events` streams server-sent events to signed-in windows.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { ERROR_HTTP_STATUS, isErrorCode } from '@shared/errors';
import type { Core } from '../core/core';
import { SECURITY_HEADERS } from '../core/security/csp';

export interface WebServerOptions {
  core: Core;
  /** The built renderer (vite build output); the API works without it. */
  rendererDir?: string;
  logger?: boolean;
}

function bearer(header: string | undefined): string | null {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1] ?? null;
}

export async function createWebServer(opts: WebServerOptions): Promise<FastifyInstance> {
  const { core } = opts;
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 2 * 1024 * 1024 });

  app.addHook('onSend', async (_req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
  });

  // Malformed JSON, wrong content type, oversized body: the same envelope as any RPC error.
  app.setErrorHandler((err, _req, reply) => {
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn' } });
    }
    if (status >= 400 && status < 500) {
      return reply.code(400).send({ ok: false, error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên không đọc được' } });
    }
    app.log.error(err);
    return reply.code(500).send({ ok: false, error: { code: 'INTERNAL', message: 'Đã có lỗi trong ứng dụng' } });
  });

  app.post<{ Params: { name: string } }>('/api/rpc/:name', async (req, reply) => {
    const answer = await core.dispatch(req.params.name, req.body ?? {}, { token: bearer(req.headers.authorization) });
    if (!answer.ok) {
      const code = answer.error.code;
      reply.code(isErrorCode(code) ? ERROR_HTTP_STATUS[code] : 500);
    }
    return answer;
  });

  app.get('/api/events', async (req, reply) => {
    const token = bearer(req.headers.authorization);
    const me = await core.dispatch('auth.me', {}, { token });
    if (!me.ok) return reply.code(401).send(me);
    reply.hijack();
    reply.raw.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
    });
    reply.raw.write(': connected\n\n');
    const unsubscribe = core.events.subscribe((name, payload) => {
      reply.raw.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    // Proxies and sleeping laptops drop idle streams; a comment every 25 s keeps it open.
    const keepAlive = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
    req.raw.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });

  const rendererDir = opts.rendererDir;
  if (rendererDir && fs.existsSync(path.join(rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: rendererDir, index: ['index.html'] });
    // Client-side routes fall back to the app shell; unknown API paths stay 404.
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) {
        return reply.code(404).send({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } });
      }
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  }
  return app;
}
