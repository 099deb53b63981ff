/**
 * Ratings at the counter: one opening per counter event (a dossier received or returned there),
 * answered once from the tablet bound to that counter.
 *
 * - The counter is the officer's seat (queue/): where the officer's window said it serves today.
 *   An officer with no seat today has no tablet to ask, and nothing is opened.
 * - The tablet hears "rating.opened" for its own counter only (core.ts filters device streams by
 *   counter); an opening stays answerable for OPEN_MINUTES, and a newer opening at the same
 *   counter replaces it on the tablet.
 * - One answer per event: the (dossier, event) pair is unique, and an answered row is never
 *   answered again. Nobody edits a rating; the answer goes to the hub through the outbox with the
 *   dossier's code, the officer and the counter.
 */
import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { EVALUATION_SHEET, type SatisfactionLevel } from '@shared/domain/satisfaction';
import { vnYmd } from '@shared/domain/vn-time';
import type { OpenRating } from '@shared/rpc/ratings';
import type { Clock } from '../clock';
import type { CounterDb, DbExecutor } from '../db/open';
import { rating } from '../db/schema';
import type { CounterAct } from '../dossiers/context';
import type { CoreEvents } from '../events';
import { newId } from '../ids';

/** How long a citizen has to answer before the opening lapses (the tablet itself idles sooner). */
export const OPEN_MINUTES = 15;

export interface RatingAnswer {
  id: string;
  level: SatisfactionLevel;
  criteria: { no: number; level: SatisfactionLevel }[];
  comment: string;
}

type RatingRow = typeof rating.$inferSelect;

export class RatingService {
  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
    private readonly events: CoreEvents,
    private readonly seatOf: (officerId: string) => number | null,
    /** Writes the answered rating's sync op inside the answer's transaction (sync/). */
    private readonly enqueue: (tx: DbExecutor, answered: RatingRow) => void,
  ) {}

  /** After a counter event has committed: opens its rating and tells the counter's tablet. */
  open(act: CounterAct): OpenRating | null {
    const counterNo = this.seatOf(act.officer.id);
    if (counterNo === null) return null;
    const now = this.clock.now();
    const id = newId();
    const inserted = this.db
      .insert(rating)
      .values({
        id,
        dossierId: act.dossier.id,
        dossierCode: act.dossier.code,
        procedureName: act.dossier.procedureName,
        procedureField: act.dossier.procedureField,
        event: act.event,
        officerId: act.officer.id,
        officerName: act.officer.fullName,
        counterNo,
        openedAt: now.toISOString(),
        day: vnYmd(now),
        sheetVersion: EVALUATION_SHEET.version,
      })
      .onConflictDoNothing()
      .returning()
      .get();
    if (!inserted) return null;
    const open = toOpen(inserted);
    queueMicrotask(() => this.events.emit('rating.opened', open));
    return open;
  }

  /** The newest unanswered opening at this counter still within OPEN_MINUTES. */
  pending(counterNo: number): OpenRating | null {
    const since = new Date(this.clock.now().getTime() - OPEN_MINUTES * 60_000).toISOString();
    const row = this.db
      .select()
      .from(rating)
      .where(and(eq(rating.counterNo, counterNo), gte(rating.openedAt, since)))
      .orderBy(desc(rating.openedAt))
      .limit(1)
      .get();
    return row && row.submittedAt === null ? toOpen(row) : null;
  }

  /** The citizen's answer from the tablet of the counter the rating was opened at. */
  submit(device: { id: string; counterNo: number | null }, answer: RatingAnswer): { id: string; submittedAt: string } {
    const now = this.clock.now();
    const submittedAt = now.toISOString();
    return this.db.transaction((tx) => {
      const row = tx.select().from(rating).where(eq(rating.id, answer.id)).get();
      if (!row || row.counterNo !== device.counterNo) throw new AppError('NOT_FOUND', 'Không có lượt đánh giá này ở quầy của máy');
      if (row.submittedAt !== null) throw new AppError('CONFLICT', 'Lượt phục vụ này đã được đánh giá. Xin cảm ơn!');
      if (now.getTime() - new Date(row.openedAt).getTime() > OPEN_MINUTES * 60_000) throw new AppError('CONFLICT', 'Lượt đánh giá này đã hết thời gian');
      const answered = tx
        .update(rating)
        .set({
          submittedAt,
          deviceId: device.id,
          level: answer.level,
          criteria: JSON.stringify([...answer.criteria].sort((a, b) => a.no - b.no)),
          comment: answer.comment,
        })
        .where(and(eq(rating.id, row.id), isNull(rating.submittedAt)))
        .returning()
        .get();
      if (!answered) throw new AppError('CONFLICT', 'Lượt phục vụ này đã được đánh giá. Xin cảm ơn!');
      this.enqueue(tx, answered);
      return { id: answered.id, submittedAt };
    });
  }
}

function toOpen(r: RatingRow): OpenRating {
  return { id: r.id, counterNo: r.counterNo, event: r.event, dossierCode: r.dossierCode, procedureName: r.procedureName, openedAt: r.openedAt };
}
