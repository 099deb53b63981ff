/**
 * The admin page's only way to the hub: fetch against the HTTP Basic admin API. The
 * Authorization header is built from the credentials of the session store on every call; nothing
 * else is sent and no cookie is involved.
 */
import { isFetchFailure } from '@shared/errors';
import { vi } from '../i18n/vi';

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

export type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** UTF-8 safe Basic credentials (btoa alone only takes Latin-1). */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

export async function callAdminApi<T>(
  authorization: string,
  method: 'GET' | 'POST',
  path: string,
  options: { query?: Query; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers: {
        authorization,
        accept: 'application/json',
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      body: method === 'POST' ? JSON.stringify(options.body ?? {}) : undefined,
    });
  } catch (err) {
    if (!isFetchFailure(err)) throw err;
    throw new AdminApiError(0, 'network', vi.errors.network);
  }
  const payload = (await response.json().catch((err: unknown) => {
    if (!(err instanceof SyntaxError)) throw err; // a proxy's error page is not JSON
    return null;
  })) as
    | (T & { ok?: boolean; error?: { code: string; message: string } })
    | null;
  if (!response.ok) {
    const error = payload?.error;
    throw new AdminApiError(response.status, error?.code ?? 'http_error', error?.message ?? vi.errors.unexpected);
  }
  return payload as T;
}
