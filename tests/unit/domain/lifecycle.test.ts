import { describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES } from '@shared/dossier';
import {
  allowedActions,
  initialStatus,
  InvalidTransitionError,
  nationalStatusCode,
  needsExceptionReason,
  NATIONAL_STATUS_LABELS,
  transition,
  type DossierAction,
} from '@shared/domain/lifecycle';

describe('dossier lifecycle (DOMAIN.md §4.2)', () => {
  it('a chứng thực dossier goes received → processing → result ready → returned', () => {
    let s = initialStatus('receive');
    s = transition(s, 'startProcessing');
    s = transition(s, 'resultReady');
    s = transition(s, 'returnResult');
    expect(s).toBe('returned');
  });

  it('an inter-agency dossier: transfer, one supplement, fee, result', () => {
    const steps: [DossierAction, string][] = [
      ['transfer', 'transferred'],
      ['requestSupplement', 'awaiting_supplement'],
      ['supplementReceived', 'processing'],
      ['requestFee', 'awaiting_fee'],
      ['feePaid', 'processing'],
      ['resultReady', 'result_ready'],
      ['returnResult', 'returned'],
    ];
    let s = initialStatus('receive');
    for (const [action, expected] of steps) {
      s = transition(s, action, { supplementRequests: action === 'requestSupplement' ? 0 : 1 });
      expect(s).toBe(expected);
    }
  });

  it('a rejected dossier (Mẫu 03) accepts no further action', () => {
    expect(initialStatus('reject')).toBe('rejected');
    expect(allowedActions('rejected')).toEqual([]);
  });

  it('withdrawal: the citizen asks (7), the agency stops (8)', () => {
    const s = transition('processing', 'requestWithdrawal');
    expect(s).toBe('withdrawal_requested');
    expect(transition(s, 'stop')).toBe('stopped');
    expect(allowedActions('withdrawal_requested')).toEqual(['stop']);
  });

  it('returning a result twice is refused with a Vietnamese message naming the state', () => {
    let error: unknown;
    try {
      transition('returned', 'returnResult');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect((error as InvalidTransitionError).code).toBe('INVALID_TRANSITION');
    expect((error as InvalidTransitionError).message).toBe(
      'Không thể "Trả kết quả" khi hồ sơ đang ở trạng thái "Đã trả kết quả".',
    );
  });

  it('the apology/extension (Mẫu 04) keeps the status and is allowed only once', () => {
    expect(transition('processing', 'extend')).toBe('processing');
    expect(() => transition('processing', 'extend', { extensions: 1 })).toThrowError(/chỉ được gia hạn 1 lần/);
  });

  it('a second supplement request needs a written reason (the law asks for one complete request), or a province policy allowing two', () => {
    expect(() => transition('processing', 'requestSupplement', { supplementRequests: 1, reasonGiven: false })).toThrowError(/ghi rõ lý do/);
    expect(transition('processing', 'requestSupplement', { supplementRequests: 1, reasonGiven: true })).toBe('awaiting_supplement');
    expect(needsExceptionReason('requestSupplement', { supplementRequests: 1 })).toBe(true);
    expect(needsExceptionReason('requestSupplement', { supplementRequests: 0 })).toBe(false);
    expect(allowedActions('processing', { supplementRequests: 1 })).toContain('requestSupplement');
    expect(
      transition('processing', 'requestSupplement', { supplementRequests: 1, reasonGiven: false }, { maxSupplementRequests: 2, maxExtensions: 1 }),
    ).toBe('awaiting_supplement');
  });

  it('verification (cần xác minh) keeps the status, is recorded once, and only where the procedure has a longer limit', () => {
    expect(transition('processing', 'recordVerification', { canVerify: true })).toBe('processing');
    expect(() => transition('processing', 'recordVerification', { canVerify: true, verified: true })).toThrowError(/đã được ghi nhận/);
    expect(allowedActions('received', { canVerify: false })).not.toContain('recordVerification');
    expect(() => transition('returned', 'recordVerification', { canVerify: true })).toThrowError(InvalidTransitionError);
  });

  it('cannot finish a dossier still waiting for the supplement', () => {
    expect(() => transition('awaiting_supplement', 'resultReady')).toThrowError(InvalidTransitionError);
  });
});

describe('national status codes (DOMAIN.md §4.3)', () => {
  it.each([
    ['received', 2],
    ['rejected', 3],
    ['transferred', 4],
    ['processing', 4],
    ['awaiting_supplement', 5],
    ['awaiting_fee', 6],
    ['withdrawal_requested', 7],
    ['stopped', 8],
    ['result_ready', 9],
    ['returned', 10],
  ] as const)('%s → %i', (status, code) => {
    expect(nationalStatusCode(status)).toBe(code);
  });

  it('has the ten official labels', () => {
    expect(Object.keys(NATIONAL_STATUS_LABELS)).toHaveLength(10);
    expect(NATIONAL_STATUS_LABELS[5]).toBe('Yêu cầu bổ sung giấy tờ');
    expect(NATIONAL_STATUS_LABELS[10]).toBe('Đã trả kết quả');
  });

  it('every internal status maps to a code', () => {
    for (const s of DOSSIER_STATUSES) expect(NATIONAL_STATUS_LABELS[nationalStatusCode(s)]).toBeTruthy();
  });
});
