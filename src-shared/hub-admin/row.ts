/**
 * What one row of the hub's admin API says (src-shared/hub-admin/api.ts): the HTTP method and
 * path, the zod schemas of its path parameters, its input (the query string of a GET, the JSON
 * body of a POST) and its output, who may call it, and the status of a success. The hub registers
 * one route per row (src-server/routes/admin.ts) and the admin page calls rows by name
 * (src-server/admin-ui/api/client.ts), as the counter does with its RPC table.
 */
import type { z } from 'zod';

/** Every admin row needs a province administrator (HTTP Basic, admin_user). */
export type AdminAccess = 'admin';

export interface AdminRow<
  P extends z.ZodType = z.ZodType,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST';
  /** Fastify's path syntax: `:name` segments are the params. */
  path: string;
  params: P;
  input: I;
  output: O;
  access: AdminAccess;
  /** 200 unless said. */
  status?: 200 | 201;
  /** Bytes, when a row's body may be larger than the hub's default limit. */
  bodyLimit?: number;
}

/** Keeps each row's literal schema types while checking its shape. */
export function adminRow<P extends z.ZodType, I extends z.ZodType, O extends z.ZodType>(r: AdminRow<P, I, O>): AdminRow<P, I, O> {
  return r;
}

/** The row's path with its `:name` segments filled in (URI-encoded). */
export function adminPath(row: Pick<AdminRow, 'path'>, params: Record<string, string>): string {
  return row.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`${row.path}: missing ${name}`);
    return encodeURIComponent(value);
  });
}
