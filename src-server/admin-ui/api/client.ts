/**
 * The admin page's only way to the hub: fetch against the HTTP Basic admin API, by the names of
 * its rows (src-shared/hub-admin/api.ts), so paths, inputs and answers are typed from the same
 * table the hub serves. The Authorization header is built from the credentials of the session
 * store on every call; nothing else is sent and no cookie is involved.
 */
import { toBase64 } from '@shared/base64';
import { isFetchFailure } from '@shared/errors';
import { adminApi, type AdminCallName, type AdminInput, type AdminOutput, type AdminParams } from '@shared/hub-admin/api';
import { adminPath, type AdminRow } from '@shared/hub-admin/row';
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

/** What a call of row N sends: its path parameters and its input (query of a GET, body of a POST). */
export interface AdminCall<N extends AdminCallName> {
  params?: AdminParams<N>;
  input?: AdminInput<N>;
}

function withQuery(path: string, query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** UTF-8 safe Basic credentials (btoa alone only takes Latin-1). */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${toBase64(new TextEncoder().encode(`${username}:${password}`))}`;
}

/** Calls row `name` of the admin API (src-shared/hub-admin/api.ts) with these credentials. */
export async function callAdminApi<N extends AdminCallName>(authorization: string, name: N, call: AdminCall<N> = {}): Promise<AdminOutput<N>> {
  const row: AdminRow = adminApi[name];
  const path = adminPath(row, (call.params ?? {}) as Record<string, string>);
  const method = row.method;
  return fetchAdmin<AdminOutput<N>>(method === 'GET' ? withQuery(path, call.input ?? {}) : path, {
    method,
    headers: {
      authorization,
      accept: 'application/json',
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    body: method === 'POST' ? JSON.stringify(call.input ?? {}) : undefined,
  });
}

/**
 * One request to the hub and its JSON answer; a failure becomes an AdminApiError carrying the hub's
 * Vietnamese message, or the page's own when the network or a proxy answered instead of the hub.
 */
export async function fetchAdmin<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    if (!isFetchFailure(err)) throw err;
    throw new AdminApiError(0, 'network', vi.errors.network);
  }
  const payload = (await response.json().catch((err: unknown) => {
    if (!(err instanceof SyntaxError)) throw err; // a proxy's error page is not JSON
    return null;
  })) as (T & { error?: { code: string; message: string } }) | null;
  if (!response.ok) {
    const error = payload?.error;
    throw new AdminApiError(response.status, error?.code ?? 'http_error', error?.message ?? vi.errors.unexpected);
  }
  return payload as T;
}
