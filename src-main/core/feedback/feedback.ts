/**
 * Phản ánh, kiến nghị (src-shared/rpc/feedback.ts).
 * - The due date is fixed when the feedback comes in (received + the commune's answer days then
 *   in force): changing the setting later does not move what was already promised.
 * - Recording one at the desk and answering are audited under the officer's name; a kiosk
 *   submission is anonymous unless the citizen wrote a name.
 * - Sent to the province through the outbox, in the same transaction as the change: one op when
 *   it comes in, one when it is answered (feedback-op.ts; the citizen's name and phone stay here).
 */
import { and, desc, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { dayNumberOfYmd, epochMsOfVnLocalMinutes } from '@shared/domain/vn-time';
import type { Feedback, FeedbackSummary } from '@shared/rpc/feedback';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { feedback, officer } from '../db/schema';
import { newId } from '../ids';
import { enqueueFeedbackAnswered, enqueueFeedbackReceived } from './feedback-op';
import type { SettingsService } from '../settings/settings';

type Row = typeof feedback.$inferSelect;
const DAY_MS = 86_400_000;

export interface FeedbackInput {
  content: string;
  citizenName?: string | undefined;
  citizenPhone?: string | undefined;
}

export class FeedbackService {
  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {}

  submit(input: FeedbackInput, recordedBy: string | null): Feedback {
    const now = this.clock.now();
    const row: Row = {
      id: newId(),
      receivedAt: now.toISOString(),
      channel: recordedBy ? 'counter' : 'kiosk',
      recordedBy,
      citizenName: input.citizenName ?? null,
      citizenPhone: input.citizenPhone ?? null,
      content: input.content,
      dueAt: new Date(now.getTime() + this.settings.get().feedbackAnswerDays * DAY_MS).toISOString(),
      answer: null,
      answeredAt: null,
      answeredBy: null,
      updatedAt: now.toISOString(),
    };
    this.db.transaction((tx) => {
      tx.insert(feedback).values(row).run();
      enqueueFeedbackReceived(tx, row);
      if (recordedBy) appendAudit(tx, { at: row.receivedAt, officerId: recordedBy, action: 'feedback.record', target: row.id, details: { channel: row.channel } });
    });
    return this.get(row.id);
  }

  answer(id: string, answer: string, officerId: string): Feedback {
    const at = this.clock.now().toISOString();
    this.db.transaction((tx) => {
      const row = tx.select().from(feedback).where(eq(feedback.id, id)).get();
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy phản ánh, kiến nghị này');
      if (row.answeredAt) throw new AppError('CONFLICT', 'Phản ánh, kiến nghị này đã được trả lời');
      const answered = { ...row, answer, answeredAt: at, answeredBy: officerId, updatedAt: at };
      tx.update(feedback).set({ answer, answeredAt: at, answeredBy: officerId, updatedAt: at }).where(eq(feedback.id, id)).run();
      enqueueFeedbackAnswered(tx, answered);
      appendAudit(tx, { at, officerId, action: 'feedback.answer', target: id, details: { onTime: at <= row.dueAt } });
    });
    return this.get(id);
  }

  list(state: 'open' | 'answered' | 'all'): Feedback[] {
    const where = state === 'open' ? isNull(feedback.answeredAt) : state === 'answered' ? isNotNull(feedback.answeredAt) : undefined;
    const rows = this.db.select().from(feedback).where(where).orderBy(state === 'open' ? feedback.dueAt : desc(feedback.receivedAt)).limit(500).all();
    return rows.map((r) => this.present(r));
  }

  get(id: string): Feedback {
    const row = this.db.select().from(feedback).where(eq(feedback.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy phản ánh, kiến nghị này');
    return this.present(row);
  }

  /** Received in [from, to] by Vietnam's calendar days; the open ones graded against core's now. */
  summary(from: string, to: string): FeedbackSummary {
    const start = new Date(epochMsOfVnLocalMinutes(dayNumberOfYmd(from) * 1440)).toISOString();
    const end = new Date(epochMsOfVnLocalMinutes((dayNumberOfYmd(to) + 1) * 1440)).toISOString();
    const now = this.clock.now().toISOString();
    const r = this.db
      .select({
        received: sql<number>`count(*)`,
        answeredOnTime: sql<number>`coalesce(sum(${feedback.answeredAt} IS NOT NULL AND ${feedback.answeredAt} <= ${feedback.dueAt}), 0)`,
        answeredLate: sql<number>`coalesce(sum(${feedback.answeredAt} IS NOT NULL AND ${feedback.answeredAt} > ${feedback.dueAt}), 0)`,
        openOverdue: sql<number>`coalesce(sum(${feedback.answeredAt} IS NULL AND ${feedback.dueAt} < ${now}), 0)`,
      })
      .from(feedback)
      .where(and(gte(feedback.receivedAt, start), lt(feedback.receivedAt, end)))
      .get()!;
    return { ...r, openInTime: r.received - r.answeredOnTime - r.answeredLate - r.openOverdue };
  }

  private present(r: Row): Feedback {
    const nameOf = (id: string | null) => (id ? (this.db.select({ n: officer.fullName }).from(officer).where(eq(officer.id, id)).get()?.n ?? null) : null);
    return {
      id: r.id,
      receivedAt: r.receivedAt,
      channel: r.channel,
      recordedByName: nameOf(r.recordedBy),
      citizenName: r.citizenName,
      citizenPhone: r.citizenPhone,
      content: r.content,
      dueAt: r.dueAt,
      answer: r.answer,
      answeredAt: r.answeredAt,
      answeredByName: nameOf(r.answeredBy),
    };
  }
}
