/**
 * Dossier lifecycle (vòng đời hồ sơ), DOMAIN §4.1–4.3: the internal state machine over
 * DOSSIER_STATUSES and its mapping to the national status codes 1–10 (TrangThaiHoSo, Cổng DVCQG).
 *
 * The extension (xin lỗi và gia hạn, Mẫu 04) and the verification step (cần xác minh) are flags,
 * not states: they keep the status and may each be used once. The law asks for one complete
 * supplement request ("hướng dẫn một lần, đầy đủ"); a further request is still possible when the
 * officer records why, and QĐ 766 then counts the dossier as overdue (see grading.ts). The limits
 * are policy, configurable as DOMAIN [R50] asks.
 */
import { DOSSIER_STATUSES, type DossierStatus } from '../dossier';
import { DomainError } from './errors';

export const DOSSIER_ACTIONS = [
  'transfer', // chuyển xử lý
  'startProcessing', // bắt đầu xử lý
  'requestSupplement', // yêu cầu bổ sung (Mẫu 02), clock paused
  'supplementReceived', // đã nhận bổ sung, clock resumes
  'requestFee', // yêu cầu thực hiện nghĩa vụ tài chính
  'feePaid', // đã thực hiện nghĩa vụ tài chính
  'resultReady', // đã xử lý xong, chờ trả
  'returnResult', // trả kết quả
  'requestWithdrawal', // công dân yêu cầu rút hồ sơ
  'stop', // dừng xử lý (Mẫu 05)
  'extend', // xin lỗi và gia hạn (Mẫu 04) — once
  'recordVerification', // cần xác minh: the longer statutory limit applies — once
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** Vietnamese labels of internal statuses, for the officer. */
export const STATUS_LABELS: Record<DossierStatus, string> = {
  received: 'Đã tiếp nhận',
  rejected: 'Không được tiếp nhận',
  transferred: 'Đã chuyển xử lý',
  processing: 'Đang xử lý',
  awaiting_supplement: 'Chờ bổ sung hồ sơ',
  awaiting_fee: 'Chờ thực hiện nghĩa vụ tài chính',
  withdrawal_requested: 'Công dân yêu cầu rút hồ sơ',
  stopped: 'Dừng xử lý',
  result_ready: 'Đã xử lý xong, chờ trả kết quả',
  returned: 'Đã trả kết quả',
};

export const ACTION_LABELS: Record<DossierAction, string> = {
  transfer: 'Chuyển xử lý',
  startProcessing: 'Bắt đầu xử lý',
  requestSupplement: 'Yêu cầu bổ sung hồ sơ',
  supplementReceived: 'Nhận hồ sơ bổ sung',
  requestFee: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  feePaid: 'Xác nhận đã thực hiện nghĩa vụ tài chính',
  resultReady: 'Hoàn thành xử lý',
  returnResult: 'Trả kết quả',
  requestWithdrawal: 'Ghi nhận yêu cầu rút hồ sơ',
  stop: 'Dừng xử lý',
  extend: 'Xin lỗi và gia hạn thời gian giải quyết',
  recordVerification: 'Ghi nhận cần xác minh',
};

/** National status codes (DOMAIN §4.3) with their official labels. */
export const NATIONAL_STATUS_LABELS = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
} as const;
export type NationalStatusCode = keyof typeof NATIONAL_STATUS_LABELS;

const NATIONAL_CODE: Record<DossierStatus, NationalStatusCode> = {
  received: 2,
  rejected: 3,
  transferred: 4,
  processing: 4,
  awaiting_supplement: 5,
  awaiting_fee: 6,
  withdrawal_requested: 7,
  stopped: 8,
  result_ready: 9,
  returned: 10,
};

/** National code 1–10 of an internal status (code 1, online not yet received, has no internal state). */
export function nationalStatusCode(status: DossierStatus): NationalStatusCode {
  return NATIONAL_CODE[status];
}

/** Statuses in which the dossier is still being handled (hồ sơ đang giải quyết). */
export const OPEN_STATUSES: readonly DossierStatus[] = [
  'received',
  'transferred',
  'processing',
  'awaiting_supplement',
  'awaiting_fee',
];
export const TERMINAL_STATUSES: readonly DossierStatus[] = ['rejected', 'stopped', 'returned'];

const TRANSITIONS: Record<DossierAction, Partial<Record<DossierStatus, DossierStatus>>> = {
  transfer: { received: 'transferred' },
  // The receiving commune may resolve itself without a transfer (e.g. chứng thực at the counter).
  startProcessing: { received: 'processing', transferred: 'processing' },
  requestSupplement: { transferred: 'awaiting_supplement', processing: 'awaiting_supplement' },
  supplementReceived: { awaiting_supplement: 'processing' },
  requestFee: { processing: 'awaiting_fee' },
  feePaid: { awaiting_fee: 'processing' },
  resultReady: { processing: 'result_ready' },
  returnResult: { result_ready: 'returned' },
  requestWithdrawal: Object.fromEntries(OPEN_STATUSES.map((s) => [s, 'withdrawal_requested'])),
  stop: Object.fromEntries([...OPEN_STATUSES, 'withdrawal_requested'].map((s) => [s, 'stopped'])),
  // Flags on an open dossier: the status does not change.
  extend: Object.fromEntries(OPEN_STATUSES.map((s) => [s, s])),
  recordVerification: Object.fromEntries(OPEN_STATUSES.map((s) => [s, s])),
};

export interface LifecyclePolicy {
  /** Requests beyond this need a recorded reason (and make the dossier an exception). */
  maxSupplementRequests: number;
  maxExtensions: number;
}
export const DEFAULT_LIFECYCLE_POLICY: LifecyclePolicy = { maxSupplementRequests: 1, maxExtensions: 1 };

/** What has already happened to the dossier, from its event log, and what this step brings. */
export interface LifecycleHistory {
  supplementRequests?: number;
  extensions?: number;
  /** Verification already recorded. */
  verified?: boolean;
  /** The procedure has a longer limit for verification. */
  canVerify?: boolean;
  /** This step carries the officer's written reason (needed for a supplement request beyond the first). */
  reasonGiven?: boolean;
}

/** A further supplement request is possible, with its reason: say so before it is made. */
export function needsExceptionReason(action: DossierAction, history: LifecycleHistory, policy: LifecyclePolicy = DEFAULT_LIFECYCLE_POLICY): boolean {
  return action === 'requestSupplement' && (history.supplementRequests ?? 0) >= policy.maxSupplementRequests;
}

export class InvalidTransitionError extends DomainError {
  readonly from: DossierStatus;
  readonly action: DossierAction;
  constructor(from: DossierStatus, action: DossierAction, reason?: string) {
    const base = `Không thể "${ACTION_LABELS[action] ?? action}" khi hồ sơ đang ở trạng thái "${STATUS_LABELS[from] ?? from}".`;
    super('INVALID_TRANSITION', reason ? `${base} ${reason}` : base, { from, action });
    this.from = from;
    this.action = action;
  }
}

/** Why `action` is refused in `status` (undefined when allowed), without throwing. */
function refusal(
  status: DossierStatus,
  action: DossierAction,
  history: LifecycleHistory,
  policy: LifecyclePolicy,
): { reason?: string } | undefined {
  if (!(DOSSIER_STATUSES as readonly string[]).includes(status) || !(DOSSIER_ACTIONS as readonly string[]).includes(action)) {
    return {};
  }
  if (TRANSITIONS[action][status] === undefined) return {};
  const extensions = history.extensions ?? 0;
  if (action === 'extend' && extensions >= policy.maxExtensions) {
    return { reason: `Hồ sơ đã được gia hạn ${extensions} lần; chỉ được gia hạn ${policy.maxExtensions} lần.` };
  }
  if (action === 'recordVerification') {
    if (history.verified) return { reason: 'Hồ sơ đã được ghi nhận cần xác minh.' };
    if (history.canVerify === false) return { reason: 'Thủ tục này không có thời hạn riêng cho trường hợp cần xác minh.' };
  }
  const supplements = history.supplementRequests ?? 0;
  if (action === 'requestSupplement' && supplements >= policy.maxSupplementRequests && history.reasonGiven === false) {
    return {
      reason: `Hồ sơ đã được yêu cầu bổ sung ${supplements} lần; quy định chỉ yêu cầu ${policy.maxSupplementRequests} lần, đầy đủ. Yêu cầu thêm phải ghi rõ lý do và hồ sơ được tính là quá hạn.`,
    };
  }
  return undefined;
}

/** The status after `action`, or InvalidTransitionError naming the current state. */
export function transition(
  status: DossierStatus,
  action: DossierAction,
  history: LifecycleHistory = {},
  policy: LifecyclePolicy = DEFAULT_LIFECYCLE_POLICY,
): DossierStatus {
  const refused = refusal(status, action, history, policy);
  if (refused) throw new InvalidTransitionError(status, action, refused.reason);
  return TRANSITIONS[action][status]!;
}

/** Actions the officer can take now (for enabling buttons). */
export function allowedActions(
  status: DossierStatus,
  history: LifecycleHistory = {},
  policy: LifecyclePolicy = DEFAULT_LIFECYCLE_POLICY,
): DossierAction[] {
  return DOSSIER_ACTIONS.filter((a) => refusal(status, a, history, policy) === undefined);
}

/** The first status of a dossier after the counter's check: received (Mẫu 01) or rejected (Mẫu 03). */
export function initialStatus(outcome: 'receive' | 'reject'): DossierStatus {
  return outcome === 'receive' ? 'received' : 'rejected';
}

/** Is the deadline clock paused in this status (chờ bổ sung)? */
export function isClockPaused(status: DossierStatus): boolean {
  return status === 'awaiting_supplement';
}
