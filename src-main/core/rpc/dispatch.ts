/**
 * One pipeline for every call, whatever the transport: known row → session → role → zod input →
 * handler. Anything that is not an AppError becomes INTERNAL without its stack reaching the
 * caller; the full error goes to the log.
 */
import { z } from 'zod';
import { AppError, isErrorCode, type AppErrorBody } from '@shared/errors';
import { DomainError } from '@shared/domain/errors';
import { isRpcName, rpc, type Officer, type RpcEnvelope } from '@shared/rpc';
import type { CallContext, Handlers } from './handlers';

export interface Caller {
  token: string | null;
}

export interface Logger {
  error(message: string, err: unknown): void;
}

/**
 * Who holds a session token. The dispatcher asks only this, so it depends on no capability:
 * auth/ provides it (SessionService) and sits above the dispatcher like every other capability.
 */
export interface SessionResolver {
  resolve(token: string): Officer | null;
}

export type Dispatch = (name: string, input: unknown, caller: Caller) => Promise<RpcEnvelope<unknown>>;

function invalidInput(error: z.ZodError): AppError {
  return new AppError('INVALID_INPUT', 'Dữ liệu nhập không hợp lệ', {
    issues: error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })),
  });
}

export function createDispatch(handlers: Handlers, sessions: SessionResolver, log: Logger): Dispatch {
  return async (name, input, caller) => {
    try {
      if (!isRpcName(name)) throw new AppError('NOT_FOUND', `Không có chức năng "${name}"`);
      const spec = rpc[name];
      const ctx: CallContext = { officer: null, token: caller.token };
      if (spec.access !== 'public') {
        const officer = caller.token ? sessions.resolve(caller.token) : null;
        if (!officer) throw new AppError('UNAUTHENTICATED', 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại');
        if (Array.isArray(spec.access) && !spec.access.includes(officer.role)) {
          throw new AppError('FORBIDDEN', 'Tài khoản của bạn không có quyền thực hiện chức năng này');
        }
        ctx.officer = officer;
      }
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) throw invalidInput(parsed.error);
      const handler = handlers[name] as (i: unknown, c: CallContext) => unknown;
      const result = await handler(parsed.data, ctx);
      return { ok: true, result };
    } catch (err) {
      return { ok: false, error: toErrorBody(err, name, log) };
    }
  };
}

export function toErrorBody(err: unknown, name: string, log: Logger): AppErrorBody {
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
  log.error(`rpc ${name} failed`, err);
  return {
    code: 'INTERNAL',
    message: 'Đã có lỗi trong ứng dụng; dữ liệu chưa bị thay đổi. Vui lòng thử lại hoặc báo quản trị viên.',
  };
}
