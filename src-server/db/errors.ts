/** Reading PostgreSQL error codes through drizzle's wrapping (DrizzleQueryError.cause). */

export const UNIQUE_VIOLATION = '23505';

interface PgLikeError {
  code?: unknown;
  constraint?: unknown;
  cause?: unknown;
}

/** The innermost error carrying a SQLSTATE code, if any. */
export function findPgError(err: unknown): { code: string; constraint?: string } | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as PgLikeError;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
    }
    current = e.cause;
  }
  return undefined;
}

export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const pgErr = findPgError(err);
  return pgErr?.code === UNIQUE_VIOLATION && pgErr.constraint === constraint;
}
