/**
 * The counter's side of the wire (src-server/README.md): one method per hub endpoint, every
 * answer parsed with the protocol's zod schemas, every failure turned into a HubCallError the
 * engine can classify (network → back off, revoked → stop, rate limited → wait). The fetch
 * function is injected so the simulation can drop, duplicate and delay requests.
 *
 * Never put the token in an error or a log line: errors carry the hub's code and Vietnamese
 * message only.
 */
import type { z } from 'zod';
import { isFetchFailure } from '@shared/errors';
import { FILES_CLAIM_PATH, claimResponseSchema, type ClaimRequest, type ClaimResponse } from '@shared/sync/files';
import {
  enrollResponseSchema,
  errorResponseSchema,
  healthResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type EnrollRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type Scope,
} from '@shared/sync/protocol';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type HubErrorKind = 'network' | 'revoked' | 'unauthorized' | 'rate_limited' | 'too_large' | 'refused' | 'server' | 'invalid_response';

export class HubCallError extends Error {
  constructor(
    readonly kind: HubErrorKind,
    readonly code: string,
    message: string,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'HubCallError';
  }
}

/** Local send and receive instants around one exchange, for the clock offset. */
export interface Exchange<T> {
  body: T;
  sentAtMs: number;
  receivedAtMs: number;
  serverTime: string | null;
}

const TIMEOUT_MS = 30_000;

export class HubClient {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchFn: FetchLike,
    private readonly nowMs: () => number,
  ) {}

  health(): Promise<Exchange<z.infer<typeof healthResponseSchema>>> {
    return this.call('GET', '/v1/health', null, null, healthResponseSchema, 5_000);
  }

  enroll(input: EnrollRequest) {
    return this.call('POST', '/v1/devices/enroll', null, input, enrollResponseSchema);
  }

  push(token: string, body: PushRequest): Promise<Exchange<PushResponse>> {
    return this.call('POST', '/v1/sync/push', token, body, pushResponseSchema);
  }

  /** Declares pages of acknowledged dossiers; the hub answers which of their files it lacks (core/sync/file-upload.ts). */
  claimFiles(token: string, body: ClaimRequest): Promise<Exchange<ClaimResponse>> {
    return this.call('POST', FILES_CLAIM_PATH, token, body, claimResponseSchema);
  }

  pull(token: string, scope: Scope, after: number, clientTime: string, limit = 500): Promise<Exchange<PullResponse>> {
    const query = new URLSearchParams({ scope, after: String(after), limit: String(limit), clientTime });
    return this.call('GET', `/v1/sync/pull?${query}`, token, null, pullResponseSchema);
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    token: string | null,
    body: unknown,
    schema: S,
    timeoutMs = TIMEOUT_MS,
  ): Promise<Exchange<z.infer<S>>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== null) headers['content-type'] = 'application/json';
    const sentAtMs = this.nowMs();
    let res: Response;
    let text: string;
    try {
      res = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== null ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      if (!isFetchFailure(err)) throw err;
      throw new HubCallError('network', 'network', 'Không kết nối được với hệ thống tỉnh (mất mạng hoặc máy chủ không phản hồi).');
    }
    const receivedAtMs = this.nowMs();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
      json = null; // not JSON: answered below by status (toError) or as an invalid response
    }
    if (!res.ok) throw toError(res, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new HubCallError('invalid_response', 'invalid_response', 'Hệ thống tỉnh trả lời không đúng định dạng; sẽ thử lại sau.', res.status);
    }
    const serverTime = (parsed.data as { serverTime?: unknown }).serverTime;
    return { body: parsed.data, sentAtMs, receivedAtMs, serverTime: typeof serverTime === 'string' ? serverTime : null };
  }
}

function toError(res: Response, json: unknown): HubCallError {
  const parsed = errorResponseSchema.safeParse(json);
  const code = parsed.success ? parsed.data.error.code : `http_${res.status}`;
  const message = parsed.success ? parsed.data.error.message : `Hệ thống tỉnh báo lỗi ${res.status}.`;
  if (res.status === 401 && code === 'device_revoked') {
    return new HubCallError('revoked', code, 'Thiết bị này đã bị tỉnh thu hồi quyền đồng bộ. Hãy liên hệ quản trị viên tỉnh để đăng ký lại.', 401);
  }
  if (res.status === 401 || res.status === 403) return new HubCallError('unauthorized', code, message, res.status);
  if (res.status === 429) {
    const seconds = Number(res.headers.get('retry-after'));
    return new HubCallError('rate_limited', code, 'Hệ thống tỉnh đang giới hạn tần suất gửi; sẽ gửi tiếp sau.', 429, Number.isFinite(seconds) ? seconds * 1000 : null);
  }
  if (res.status === 413) return new HubCallError('too_large', code, message, 413);
  if (res.status >= 500) return new HubCallError('server', code, 'Hệ thống tỉnh đang gặp sự cố; sẽ thử lại sau.', res.status);
  return new HubCallError('refused', code, message, res.status);
}
