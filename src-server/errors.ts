/**
 * Every error the hub answers is `{ ok: false, error: { code, message, details } }` with a
 * Vietnamese message for the officer, never a stack trace (ARCHITECTURE.md §3, STYLE.md).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorResponse } from '@shared/sync/protocol';
import type { ZodError } from 'zod';

export class HubError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** Zod issues without the offending values (they may be citizen data). */
export function zodDetails(error: ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

export const badRequest = (error: ZodError, message = 'Dữ liệu gửi lên không hợp lệ.') =>
  new HubError(400, 'invalid_input', message, zodDetails(error));
export const unauthenticated = (message = 'Chưa xác thực hoặc mã truy cập không hợp lệ.') =>
  new HubError(401, 'unauthenticated', message);
export const forbidden = (message: string) => new HubError(403, 'forbidden', message);
export const notFound = (message: string) => new HubError(404, 'not_found', message);
export const conflict = (message: string, details?: unknown) => new HubError(409, 'conflict', message, details);

function body(code: string, message: string, details?: unknown): ErrorResponse {
  return { ok: false, error: { code, message, details } };
}

/** Fastify's own errors (body parsing, limits) mapped to our codes and Vietnamese messages. */
function fromFastifyError(err: FastifyError): HubError | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HubError(413, 'payload_too_large', 'Dữ liệu gửi lên quá lớn; hãy chia nhỏ lô đồng bộ.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HubError(415, 'unsupported_media_type', 'Chỉ nhận dữ liệu dạng JSON.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HubError(400, 'invalid_json', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
    default:
      break;
  }
  if (err.statusCode === 429) {
    return new HubError(429, 'rate_limited', 'Thiết bị gửi quá nhiều yêu cầu; vui lòng thử lại sau ít phút.');
  }
  if (err instanceof SyntaxError || (err.statusCode === 400 && err.code === undefined)) {
    return new HubError(400, 'invalid_json', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return new HubError(err.statusCode, 'bad_request', 'Yêu cầu không hợp lệ.');
  }
  return undefined;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const known = err instanceof HubError ? err : fromFastifyError(err);
    if (known) {
      request.log.info({ code: known.code, statusCode: known.statusCode }, 'request refused');
      return reply.status(known.statusCode).send(body(known.code, known.message, known.details));
    }
    // Unexpected: log it whole for the operator, tell the client nothing about internals.
    request.log.error({ err }, 'unexpected error');
    return reply.status(500).send(body('internal_error', 'Lỗi máy chủ; vui lòng thử lại sau.'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(body('not_found', 'Không tìm thấy địa chỉ yêu cầu.', { url: request.url.split('?')[0] })),
  );
}
