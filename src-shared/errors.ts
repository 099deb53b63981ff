/**
 * Errors are values: a stable code for programs, a Vietnamese message for the officer, and
 * details for the screen that needs them. Never a stack trace across a boundary.
 */
export const ERROR_HTTP_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** The session is locked (idle time or the officer's click): only unlock, state and logout answer. */
  SESSION_LOCKED: 423,
  /** An administrator reset the password: only choosing a new one, state and logout answer. */
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_INITIALIZED: 409,
  NOT_INITIALIZED: 409,
  INVALID_TRANSITION: 409,
  CALENDAR_MISSING: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  /** The disk of the data folder is full (ENOSPC, SQLITE_FULL). */
  STORAGE_FULL: 507,
  /** The data folder cannot be written (read-only drive, no permission). */
  STORAGE_READ_ONLY: 503,
  /** The data folder is gone (an unplugged drive, a disconnected share). */
  STORAGE_MISSING: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get httpStatus(): number {
    return ERROR_HTTP_STATUS[this.code];
  }

  toBody(): AppErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_HTTP_STATUS, value);
}

/**
 * A decoder refusing malformed input it was handed (certificates, CMS, timestamps, PDF files from
 * outside): pkijs, asn1js and pdf-lib report every such input by throwing an Error, and only
 * that means "unreadable". Anything else thrown is not theirs and is rethrown.
 */
export function isDecodeFailure(err: unknown): err is Error {
  return err instanceof Error;
}

/**
 * What `fetch` rejects with when the other side cannot be reached, the connection drops or the
 * wait runs out: a TypeError ("fetch failed", "Failed to fetch") or an AbortError/TimeoutError
 * DOMException. Anything else thrown around a fetch is a bug, not the network.
 */
export function isFetchFailure(err: unknown): boolean {
  return err instanceof TypeError || (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError'));
}
