/**
 * Structured logs (pino, through Fastify). Every authenticated request line carries deviceId and
 * communeCode (auth/device-auth.ts). Never logged: device tokens, admin passwords (headers are
 * redacted), the public lookup's key and phone digits (query values redacted from URLs) and
 * citizen data — drizzle's query errors quote the SQL parameters, which hold the dossier snapshot
 * with ID numbers, so errors go through `safeError`.
 */
import type { FastifyServerOptions } from 'fastify';

export interface LogOptions {
  level?: string;
  /** Where lines go (stdout by default); tests pass a collecting stream. */
  stream?: NodeJS.WritableStream;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  constraint?: unknown;
  cause?: unknown;
  stack?: unknown;
}

/** An error reduced to what helps the operator: type, SQLSTATE, constraint, message without params. */
export function safeError(err: unknown): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { message: String(err) };
  const e = err as ErrorLike;
  const message = typeof e.message === 'string' ? e.message.split(/\nparams:/)[0] : undefined;
  const out: Record<string, unknown> = { type: e.name, message };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.constraint === 'string') out.constraint = e.constraint;
  if (e.cause) out.cause = safeError(e.cause);
  // The stack is code locations only; keep it for the operator (the client never sees it).
  if (typeof e.stack === 'string') out.stack = e.stack.split('\n').filter((l) => l.trimStart().startsWith('at ')).join('\n');
  return out;
}

/** A request URL with the values of its query parameters replaced: they may be lookup secrets. */
export function urlWithoutSecrets(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((p) => `${p.split('=')[0]}=[redacted]`);
  return `${url.slice(0, q)}?${params.join('&')}`;
}

interface RequestLike {
  method?: string;
  url?: string;
  hostname?: string;
  ip?: string;
}

export function loggerOptions(options: LogOptions | false): FastifyServerOptions['logger'] {
  if (options === false) return false;
  return {
    level: options.level ?? 'info',
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    // Fastify types the err serializer's output narrowly; pino accepts any object.
    serializers: {
      err: safeError as never,
      req: ((req: RequestLike) => ({ method: req.method, url: urlWithoutSecrets(req.url ?? ''), host: req.hostname, remoteAddress: req.ip })) as never,
    },
    ...(options.stream ? { stream: options.stream } : {}),
  };
}
