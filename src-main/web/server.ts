/**
 * The browser host: the same core over HTTP (ARCHITECTURE.md §3) plus the built React bundle.
 * `POST /api/rpc/<name>` answers `{ ok, result }` or `{ ok: false, error }` with the status of
 * the error code; `GET /api/events` streams server-sent events to signed-in windows.
 *
 * It answers only its own Host names (allowed-hosts.ts), refuses requests whose Origin is another
 * site, and tells core each caller's address (throttling, first-run setup from elsewhere).
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { ERROR_HTTP_STATUS, isErrorCode } from '@shared/errors';
import type { Core } from '../core/core';
import { SECURITY_HEADERS } from '../core/security/csp';
import { allowedHostNames, isAllowedHost, isAllowedOrigin } from './allowed-hosts';

export interface WebServerOptions {
  core: Core;
  /** The built renderer (vite build output); the API works without it. */
  rendererDir?: string;
  logger?: boolean;
  /** The address the host listens on (decides which of this machine's names it answers). */
  bind?: string;
  /** More Host names to answer (--allowed-host). */
  allowedHosts?: string[];
}

function bearer(header: string | undefined): string | null {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1] ?? null;
}

const MISDIRECTED = 'Máy chủ Một Cửa Xã không phục vụ tên miền này. Hãy mở bằng địa chỉ của máy chủ trong mạng nội bộ của xã.\n';

/** Server-sent events are checked against their session this often (expiry, idle lock). */
const STREAM_CHECK_MS = 25_000;

export async function createWebServer(opts: WebServerOptions): Promise<FastifyInstance> {
  const { core } = opts;
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 2 * 1024 * 1024 });
  const allowed = allowedHostNames({ bind: opts.bind ?? '127.0.0.1', extra: opts.allowedHosts });

  // Before anything else, for every path: a page of another site reaching us under its own name
  // (DNS rebinding) or calling us from the officer's browser gets nothing.
  app.addHook('onRequest', async (req, reply) => {
    if (!isAllowedHost(allowed, req.headers.host)) {
      return reply.code(421).type('text/plain; charset=utf-8').send(MISDIRECTED);
    }
    if (!isAllowedOrigin(allowed, req.headers.origin)) {
      return reply.code(403).type('text/plain; charset=utf-8').send('Yêu cầu từ trang web khác bị từ chối.\n');
    }
  });

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
    const answer = await core.dispatch(req.params.name, req.body ?? {}, { token: bearer(req.headers.authorization), address: req.ip });
    if (!answer.ok) {
      const code = answer.error.code;
      reply.code(isErrorCode(code) ? ERROR_HTTP_STATUS[code] : 500);
    }
    return answer;
  });

  app.get('/api/events', async (req, reply) => {
    const token = bearer(req.headers.authorization);
    // An officer's window, or a paired device's page (which hears only its page's events).
    const me = token ? await core.dispatch(core.sessions.whoRow(token), {}, { token, address: req.ip }) : await core.dispatch('auth.me', {}, { token, address: req.ip });
    if (!me.ok || !token) return reply.code(me.ok ? 401 : ERROR_HTTP_STATUS[isErrorCode(me.error.code) ? me.error.code : 'UNAUTHENTICATED']).send(me);
    reply.hijack();
    reply.raw.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
    });
    reply.raw.write(': connected\n\n');
    let closed = false;
    const cleanUp = () => {
      closed = true;
      clearInterval(keepAlive);
      unsubscribe();
      stopWatching();
    };
    // The stream lives as long as its session: logout, a disabled account, a reset password or
    // the session's lifetime end it (with a last event saying so); while locked it stays silent.
    const close = (reason: string) => {
      if (closed) return;
      cleanUp();
      reply.raw.write(`event: session.ended\ndata: ${JSON.stringify({ reason })}\n\n`);
      reply.raw.end();
    };
    const stopWatching = core.sessions.watch(token, close);
    const unsubscribe = core.events.subscribe((name, payload) => {
      if (closed) return;
      const status = core.sessions.status(token);
      if (status === 'gone') return close('expired');
      if (status === 'open' && core.sessions.mayReceive(token, name, payload)) reply.raw.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    // Proxies and sleeping laptops drop idle streams: a comment keeps it open, and the session is
    // looked at again (its lifetime may have run out with nothing else asking).
    const keepAlive = setInterval(() => {
      if (core.sessions.status(token) === 'gone') close('expired');
      else if (!closed) reply.raw.write(': ping\n\n');
    }, STREAM_CHECK_MS);
    req.raw.on('close', () => {
      if (!closed) cleanUp();
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
