/**
 * One pipeline for every call, whatever the transport: known row → who is calling → may they →
 * zod input → handler. Anything that is not an AppError becomes a typed answer without its stack
 * reaching the caller (storage problems get their own codes); the full error goes to the log.
 */
import { z } from 'zod';
import { AppError, isErrorCode, type AppErrorBody } from '@shared/errors';
import { DomainError } from '@shared/domain/errors';
import { isRpcName, rpc, type Access, type RpcEnvelope } from '@shared/rpc';
import { isDeviceAccess } from '@shared/rpc/row';
import { isLocalCaller, type CallContext, type Handlers, type Principal } from './handlers';
import { RateLimiter } from './rate-limit';
import { storageErrorBody } from './storage-errors';

/** How the host saw the call. */
export interface Caller {
  token: string | null;
  /**
   * The caller's network address when the call came over the LAN (the browser host); absent for
   * in-process callers: this PC's Electron window, the CLI, tests. Sign-in throttling counts per
   * address, and first-run setup from anywhere but this PC needs the console's one-time code.
   */
  address?: string;
}

export interface Logger {
  error(message: string, err: unknown): void;
}

/**
 * Who holds a token. The dispatcher asks only this, so it depends on no capability: auth/
 * provides it (SessionService) and sits above the dispatcher like every other capability.
 * Answers a principal, or the refusal to send (unknown, expired, disabled: each says why).
 * `passive`: the row is a timer's poll, which must not count as someone at the desk.
 */
export interface SessionResolver {
  resolve(token: string, opts: { passive: boolean }): Principal | AppError;
}

export type Dispatch = (name: string, input: unknown, caller: Caller) => Promise<RpcEnvelope<unknown>>;

function invalidInput(error: z.ZodError): AppError {
  return new AppError('INVALID_INPUT', 'Dữ liệu nhập không hợp lệ', {
    issues: error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })),
  });
}

const LOCKED_MESSAGE = 'Màn hình đang khóa. Nhập mật khẩu để mở khóa.';
const CHANGE_PASSWORD_MESSAGE = 'Quản trị viên đã đặt lại mật khẩu của bạn. Vui lòng đặt mật khẩu mới trước khi làm việc.';

const DEVICE_ONLY = 'Chức năng này chỉ dành cho thiết bị công cộng đã ghép nối (ki-ốt, màn hình gọi số, máy đánh giá).';
const NOT_FOR_DEVICE = 'Thiết bị này không được dùng chức năng này.';

/**
 * May this principal call a row with this access? The one place the answer is decided, before
 * any handler and before the input is read: a paired device reaches only the rows of its own
 * scope, never an officer's; an officer's session never reaches a device's row.
 */
function authorise(principal: Principal, access: Exclude<Access, 'public'>): void {
  switch (principal.kind) {
    case 'device': {
      if (isDeviceAccess(access) && access.device.includes(principal.device.scope)) return;
      throw new AppError('FORBIDDEN', NOT_FOR_DEVICE);
    }
    case 'officer': {
      if (isDeviceAccess(access)) throw new AppError('FORBIDDEN', DEVICE_ONLY);
      if (access === 'session') return;
      const { session, officer } = principal;
      if (session.state === 'locked') throw new AppError('SESSION_LOCKED', LOCKED_MESSAGE, { lockReason: session.lockReason });
      if (session.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED', CHANGE_PASSWORD_MESSAGE);
      if (Array.isArray(access) && !access.includes(officer.role)) {
        throw new AppError('FORBIDDEN', 'Tài khoản của bạn không có quyền thực hiện chức năng này');
      }
      return;
    }
  }
}

export interface DispatchOptions {
  log: Logger;
  /** The data folder, to tell an unplugged data drive from an ordinary missing file. */
  dataDir: string;
  /** Limits on public and device rows from LAN callers; the defaults unless a test sets its own. */
  rateLimiter?: RateLimiter;
}

export function createDispatch(handlers: Handlers, sessions: SessionResolver, opts: DispatchOptions): Dispatch {
  const limiter = opts.rateLimiter ?? new RateLimiter();
  return async (name, input, caller) => {
    try {
      if (!isRpcName(name)) throw new AppError('NOT_FOUND', `Không có chức năng "${name}"`);
      const spec = rpc[name];
      const unsessioned = spec.access === 'public' ? 'public' : isDeviceAccess(spec.access) ? 'device' : null;
      if (unsessioned && !isLocalCaller(caller)) limiter.take(unsessioned, caller.address ?? 'local', name);
      const ctx: CallContext = { principal: null, officer: null, token: caller.token, caller };
      if (spec.access !== 'public') {
        const resolved = caller.token ? sessions.resolve(caller.token, { passive: spec.passive === true }) : null;
        if (resolved === null) throw new AppError('UNAUTHENTICATED', 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại');
        if (resolved instanceof AppError) throw resolved;
        authorise(resolved, spec.access);
        ctx.principal = resolved;
        ctx.officer = resolved.kind === 'officer' ? resolved.officer : null;
      }
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) throw invalidInput(parsed.error);
      const handler = handlers[name] as (i: unknown, c: CallContext) => unknown;
      const result = await handler(parsed.data, ctx);
      return { ok: true, result };
    } catch (err) {
      return { ok: false, error: toErrorBody(err, name, opts) };
    }
  };
}

export function toErrorBody(err: unknown, name: string, opts: DispatchOptions): AppErrorBody {
  if (err instanceof AppError) return err.toBody();
  // Typed domain errors from src-shared (InvalidTransitionError, CalendarMissingError…) carry one
  // of our codes and a Vietnamese message; they are answers, not crashes.
  if (err instanceof Error && 'code' in err && isErrorCode(err.code) && err.code !== 'INTERNAL') {
    const details = 'details' in err ? err.details : undefined;
    return new AppError(err.code, err.message, details).toBody();
  }
  // Other domain refusals (a fee rule, a code pattern…) carry their own code: a 400 with it in details.
  if (err instanceof DomainError) {
    return new AppError('INVALID_INPUT', err.message, { reason: err.code, ...(err.details ?? {}) }).toBody();
  }
  opts.log.error(`rpc ${name} failed`, err);
  // A full disk, a read-only folder, an unplugged drive: the officer can do something about
  // those, so they are named instead of the generic message.
  const storage = storageErrorBody(err, opts.dataDir);
  if (storage) return storage;
  return {
    code: 'INTERNAL',
    message: 'Đã có lỗi trong ứng dụng; dữ liệu chưa bị thay đổi. Vui lòng thử lại hoặc báo quản trị viên.',
  };
}
