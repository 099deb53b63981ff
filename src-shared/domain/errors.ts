/**
 * Errors of the domain layer are values with a stable machine code and a Vietnamese message the
 * officer can read (STYLE.md: never a stack trace on screen). The RPC layer maps `code`,
 * `message` and `details` straight into its `{ code, message, details }` error shape.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message.normalize('NFC'));
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** A date or time the domain cannot interpret (bad ISO string, invalid Date, impossible day). */
export class InvalidDateError extends DomainError {
  constructor(input: unknown) {
    super('INVALID_DATE', `Ngày giờ không hợp lệ: ${String(input)}`, { input: String(input) });
  }
}
