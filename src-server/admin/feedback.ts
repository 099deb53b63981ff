/**
 * Citizens' phản ánh, kiến nghị at the province (issue #18, item 6): the feedback the counters
 * pushed, by the day it came in, [from, to). On time means answered no later than the due date the
 * commune gave when it came in; overdue means still not answered at the hub's now and past that date.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { FEEDBACK_SUMMARY_CHARS, type FeedbackCommuneRow, type FeedbackItemRow, type FeedbackStatus } from '@shared/hub-admin/feedback';
import type { OnTimeInput } from '@shared/hub-admin/api';
import { communeFeedback } from '../db/schema';
import type { HubDb } from '../db/types';

export async function feedbackByCommune(db: HubDb, input: OnTimeInput, now: Date): Promise<FeedbackCommuneRow[]> {
  const period = sql.join(
    [
      sql`true`,
      ...(input.from ? [sql`f.received_at >= ${input.from}::timestamptz`] : []),
      ...(input.to ? [sql`f.received_at < ${input.to}::timestamptz`] : []),
    ],
    sql` and `,
  );
  const result = (await db.execute(sql`
    select c.code, c.name,
      count(f.id)::int as received,
      count(f.id) filter (where f.answered_at is not null)::int as answered,
      count(f.id) filter (where f.answered_at <= f.due_at)::int as answered_on_time,
      count(f.id) filter (where f.answered_at is null and f.due_at < ${now.toISOString()}::timestamptz)::int as overdue_open
    from commune c left join commune_feedback f on f.commune_code = c.code and ${period}
    group by c.code, c.name
    order by c.code`)) as { rows: Record<string, unknown>[] };
  return result.rows.map((r) => ({
    communeCode: String(r.code),
    communeName: String(r.name),
    received: Number(r.received),
    answered: Number(r.answered),
    answeredOnTime: Number(r.answered_on_time),
    overdueOpen: Number(r.overdue_open),
  }));
}

export async function feedbackOfCommune(db: HubDb, communeCode: string, input: OnTimeInput, now: Date): Promise<FeedbackItemRow[]> {
  const where: SQL[] = [eq(communeFeedback.communeCode, communeCode)];
  if (input.from) where.push(gte(communeFeedback.receivedAt, new Date(input.from)));
  if (input.to) where.push(lt(communeFeedback.receivedAt, new Date(input.to)));
  const rows = await db
    .select()
    .from(communeFeedback)
    .where(and(...where))
    .orderBy(desc(communeFeedback.receivedAt))
    .limit(500);
  return rows.map((f) => ({
    id: f.id,
    receivedAt: f.receivedAt.toISOString(),
    channel: f.channel === 'kiosk' ? 'kiosk' : 'counter',
    summary: summarize(f.content),
    dueAt: f.dueAt.toISOString(),
    answeredAt: f.answeredAt?.toISOString() ?? null,
    status: statusOf(f.dueAt, f.answeredAt, now),
  }));
}

function statusOf(dueAt: Date, answeredAt: Date | null, now: Date): FeedbackStatus {
  if (answeredAt) return answeredAt <= dueAt ? 'answered_on_time' : 'answered_late';
  return dueAt < now ? 'overdue' : 'open';
}

/** The first characters, cut at a word where one is near, on whole code points. */
function summarize(content: string): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= FEEDBACK_SUMMARY_CHARS) return flat;
  const head = chars.slice(0, FEEDBACK_SUMMARY_CHARS).join('');
  const space = head.lastIndexOf(' ');
  return `${space > FEEDBACK_SUMMARY_CHARS * 0.6 ? head.slice(0, space) : head}…`;
}
