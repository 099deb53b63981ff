/**
 * What a dossier's history (its dossier_event rows) says for the registers and forms: who
 * collected the result, when it went to the resolving unit and came back, and the notes a clerk
 * would write in the register's "Ghi chú" column. Pure over the event rows.
 */
import { formatDateVi } from '@shared/domain/text';

export interface HistoryEvent {
  type: string;
  at: string;
  officerName: string;
  note: string | null;
  data: unknown;
}

/** The person named when the result was returned (the last return wins). */
export function collectedByOf(events: readonly HistoryEvent[]): string | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type !== 'returnResult') continue;
    const by = (e.data as { collectedBy?: unknown } | null)?.collectedBy;
    return typeof by === 'string' && by.trim() ? by.trim() : null;
  }
  return null;
}

/** A step that is not a hand-over but belongs in "Ghi chú", in the register's words. */
export function noteOf(e: HistoryEvent): string | null {
  const day = formatDateVi(e.at);
  const why = e.note ? `: ${e.note}` : '';
  switch (e.type) {
    case 'reject':
      return `Từ chối tiếp nhận${why}`;
    case 'requestSupplement':
      return `Yêu cầu bổ sung ngày ${day}${why}`;
    case 'supplementReceived':
      return `Nhận bổ sung ngày ${day}`;
    case 'requestFee':
      return `Yêu cầu thực hiện nghĩa vụ tài chính ngày ${day}`;
    case 'feePaid':
      return `Đã thực hiện nghĩa vụ tài chính ngày ${day}`;
    case 'recordVerification':
      return `Cần xác minh${why}`;
    case 'requestWithdrawal':
      return `Công dân xin rút hồ sơ ngày ${day}`;
    case 'stop':
      return `Dừng giải quyết ngày ${day}${why}`;
    default:
      return null;
  }
}

export interface RegisterFacts {
  transferredAt?: string;
  resultReceivedAt?: string;
  collectedBy?: string;
  notes: string[];
}

/** The Mẫu 07 columns a dossier's history fills: Chuyển hồ sơ, Nhận kết quả, the collector, Ghi chú. */
export function registerFacts(events: readonly HistoryEvent[]): RegisterFacts {
  const transfer = events.find((e) => e.type === 'transfer');
  const ready = events.findLast((e) => e.type === 'resultReady');
  const collectedBy = collectedByOf(events);
  return {
    ...(transfer ? { transferredAt: transfer.at } : {}),
    ...(ready ? { resultReceivedAt: ready.at } : {}),
    ...(collectedBy ? { collectedBy } : {}),
    notes: events.map(noteOf).filter((n): n is string => n !== null),
  };
}
