/**
 * The life of one demo dossier, consistent the way the counter would have written it: the legal
 * due date from the procedure's rules and the calendar, moved only by supplement pauses and the
 * verification limit; refusals at the counter, a second supplement request now and then, apologies
 * (Mẫu 04) for some late dossiers, withdrawals. Every step is a timeline event with the legal due
 * date it leaves, as the real steps record it, so reports can replay any past instant.
 */
import { limitInForce, type Procedure } from '@shared/domain/catalog';
import type { WorkingCalendar } from '@shared/domain/calendar/types';
import { computeDue, type PauseInterval, type WorkingDayCounting } from '@shared/domain/deadline';
import { MS_PER_DAY } from '@shared/domain/vn-time';

export interface DemoEvent {
  type: string;
  from: string | null;
  to: string | null;
  at: string;
  note?: string;
  data?: Record<string, unknown>;
}

export interface DemoStory {
  status: string;
  limit: { amount: number; unit: string; cutoff15: boolean };
  dueAt: string;
  originalDueAt: string;
  provisional: boolean;
  supplements: number;
  pausedSince: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  extendedDueAt: string | null;
  verificationAt: string | null;
  withdrawalAt: string | null;
  events: DemoEvent[];
}

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export function demoStory(
  rand: () => number,
  p: Procedure,
  t: number,
  now: number,
  rules: { calendar: WorkingCalendar; counting: WorkingDayCounting; countingBasis: string },
): DemoStory {
  const receivedAt = iso(t);
  if (rand() < 0.02) {
    return {
      status: 'rejected', limit: { amount: p.deadline!.amount, unit: p.deadline!.unit, cutoff15: p.deadline!.cutoff15 }, dueAt: receivedAt,
      originalDueAt: receivedAt, provisional: false, supplements: 0, pausedSince: null, finishedAt: receivedAt, returnedAt: null,
      extendedDueAt: null, verificationAt: null, withdrawalAt: null,
      events: [{ type: 'reject', from: null, to: 'rejected', at: receivedAt, note: 'Hồ sơ không thuộc thẩm quyền giải quyết' }],
    };
  }
  let limit = limitInForce(p.deadline!, false);
  const pauses: PauseInterval[] = [];
  const compute = () => {
    const r = computeDue({ receivedAt, ...limit, counting: rules.counting, countingBasis: rules.countingBasis, calendar: rules.calendar, pauses });
    return { due: Date.parse(r.dueAt), provisional: r.provisional };
  };
  let { due, provisional } = compute();
  const originalDueAt = iso(due);
  const events: DemoEvent[] = [{ type: 'receive', from: null, to: 'received', at: receivedAt, data: { legalDueAt: originalDueAt } }];
  let at = t;
  /** The next step, strictly after the last one and never after now. */
  const step = (wanted: number) => (at = Math.min(now - MINUTE, Math.max(at + MINUTE, wanted)));
  const story: Omit<DemoStory, 'status' | 'limit' | 'dueAt' | 'originalDueAt' | 'provisional' | 'events'> = {
    supplements: 0, pausedSince: null, finishedAt: null, returnedAt: null, extendedDueAt: null, verificationAt: null, withdrawalAt: null,
  };
  let status = 'processing';
  events.push({ type: 'startProcessing', from: 'received', to: 'processing', at: iso(step(t + 5 * MINUTE)) });

  if (p.deadline!.whenVerifying && rand() < 0.15 && step(t + (due - t) * 0.3) < due) {
    const oldDue = due;
    limit = limitInForce(p.deadline!, true);
    ({ due, provisional } = compute());
    story.verificationAt = iso(at);
    events.push({ type: 'recordVerification', from: status, to: status, at: iso(at), note: 'Xác minh thông tin với cơ quan liên quan', data: { oldDueAt: iso(oldDue), legalDueAt: iso(due) } });
  }

  const requests = rand() < 0.08 ? (rand() < 0.15 ? 2 : 1) : 0;
  for (let n = 0; n < requests; n++) {
    const from = step(at + (Math.max(due, at) - at) * (0.2 + 0.5 * rand()));
    const to = from + (0.5 + 2.5 * rand()) * MS_PER_DAY;
    story.supplements += 1;
    events.push({
      type: 'requestSupplement', from: status, to: 'awaiting_supplement', at: iso(from),
      ...(n > 0 ? { note: 'Giấy tờ nộp bổ sung lần trước chưa hợp lệ' } : {}),
      data: { legalDueAt: iso(due), ...(n > 0 ? { exception: 'supplement_again' } : {}) },
    });
    if (to >= now - MINUTE) {
      status = 'awaiting_supplement';
      story.pausedSince = iso(from);
      break;
    }
    pauses.push({ from: iso(from), to: iso(step(to)) });
    ({ due, provisional } = compute());
    events.push({ type: 'supplementReceived', from: 'awaiting_supplement', to: 'processing', at: iso(at), data: { legalDueAt: iso(due) } });
  }

  if (status === 'processing' && due < now - 2 * MS_PER_DAY) {
    if (rand() < 0.01) {
      story.withdrawalAt = iso(step(t + (due - t) * 0.5));
      events.push({ type: 'requestWithdrawal', from: status, to: 'withdrawal_requested', at: story.withdrawalAt });
      story.finishedAt = iso(step(at + MS_PER_DAY * rand()));
      events.push({ type: 'stop', from: 'withdrawal_requested', to: 'stopped', at: story.finishedAt, note: 'Công dân xin rút hồ sơ' });
      status = 'stopped';
    } else {
      const finish = t + Math.floor((due - t) * (0.2 + rand() * 0.9)); // about one in eleven late
      if (finish > due && rand() < 0.4) {
        const promise = Math.max(finish, due) + rand() * 2 * MS_PER_DAY;
        step(Math.min(finish - MINUTE, due - rand() * 0.8 * MS_PER_DAY));
        story.extendedDueAt = iso(promise);
        events.push({ type: 'extend', from: status, to: status, at: iso(at), note: 'Chờ kết quả xác minh của cơ quan liên quan', data: { promisedAt: story.extendedDueAt, legalDueAt: iso(due) } });
      }
      story.finishedAt = iso(step(finish));
      if (rand() < 0.97) {
        events.push({ type: 'resultReady', from: status, to: 'result_ready', at: story.finishedAt });
        story.returnedAt = iso(step(at + Math.floor(rand() * 2 * MS_PER_DAY)));
        events.push({ type: 'returnResult', from: 'result_ready', to: 'returned', at: story.returnedAt });
        status = 'returned';
      } else {
        events.push({ type: 'stop', from: status, to: 'stopped', at: story.finishedAt, note: 'Dừng giải quyết theo quy định' });
        status = 'stopped';
      }
    }
  } else if (status === 'processing') {
    // Still open: where it stands today.
    const kinds: [string, number][] = [['processing', 50], ['awaiting_supplement', 12], ['result_ready', 18], ['withdrawal_requested', 2]];
    let total = kinds.reduce((s, [, w]) => s + w, 0) * rand();
    const open = kinds.find(([, w]) => (total -= w) <= 0)?.[0] ?? 'processing';
    if (due < now && rand() < 0.3) {
      story.extendedDueAt = iso(now + 3 * MS_PER_DAY);
      events.push({ type: 'extend', from: status, to: status, at: iso(step(due - MS_PER_DAY * rand())), data: { promisedAt: story.extendedDueAt, legalDueAt: iso(due) } });
    }
    if (open === 'awaiting_supplement') {
      story.supplements += 1;
      story.pausedSince = iso(step(at + (now - at) * rand() * 0.5));
      events.push({ type: 'requestSupplement', from: status, to: open, at: story.pausedSince, data: { legalDueAt: iso(due) } });
    } else if (open === 'result_ready') {
      story.finishedAt = iso(step(Math.min(now - MINUTE, at + (due - at) / 2)));
      events.push({ type: 'resultReady', from: status, to: open, at: story.finishedAt });
    } else if (open === 'withdrawal_requested') {
      story.withdrawalAt = iso(step(at + (now - at) * rand()));
      events.push({ type: 'requestWithdrawal', from: status, to: open, at: story.withdrawalAt });
    }
    status = open;
  }
  return { ...story, status, limit, dueAt: iso(due), originalDueAt, provisional, events };
}
