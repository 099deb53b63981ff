/**
 * The waiting-room queue: fields mapped to counters, tickets numbered per day, officers calling.
 *
 * - The day is Vietnam's calendar day of core's clock (vnYmd): numbers restart at local midnight,
 *   whatever the PC's time zone; a ticket still "called" from yesterday is no one's current.
 * - A counter calls, in order: numbers sent to it by another counter (transfers), then the
 *   oldest waiting number of a field it serves. Calling the next number marks the one it was
 *   serving as served.
 * - Not audited: numbers carry no personal data and are not legal acts; the dossier received
 *   for a ticket is (dossiers/).
 * - The counter an officer's window serves (its call bar's number) is remembered as the officer's
 *   seat for the day: a dossier received there is linked to the number called there, and the
 *   counter's rating tablet is asked (ratings/).
 * - Every change tells the calling screen and the kiosks (queue.changed), and a call or re-call
 *   says what to announce (queue.called), after the transaction has committed.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { vnYmd } from '@shared/domain/vn-time';
import type { QueueField, Ticket } from '@shared/rpc/queue';
import type { Clock } from '../clock';
import type { CounterDb, DbExecutor } from '../db/open';
import { counterSeat, queueField, queueTicket } from '../db/schema';
import type { CoreEvents } from '../events';
import { newId } from '../ids';

type TicketRow = typeof queueTicket.$inferSelect;

export function ticketLabel(n: number): string {
  return String(n).padStart(3, '0');
}

export interface CounterState {
  counterNo: number;
  current: Ticket | null;
  waiting: number;
}

/** The waiting tickets a counter would call, transfers to it first, then its fields' by number. */
const FOR_COUNTER = sql`${queueTicket.state} = 'waiting' AND (${queueTicket.transferredTo} = ${sql.placeholder('counter')} OR (${queueTicket.transferredTo} IS NULL AND EXISTS (SELECT 1 FROM json_each((SELECT counters FROM queue_field f WHERE f.id = ${queueTicket.fieldId})) WHERE value = ${sql.placeholder('counter')})))`;

export class QueueService {
  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
    private readonly events: CoreEvents,
  ) {}

  fields(): QueueField[] {
    return this.db
      .select()
      .from(queueField)
      .orderBy(asc(queueField.sort))
      .all()
      .map((f) => ({ id: f.id, name: f.name, counters: JSON.parse(f.counters) as number[], active: f.active }));
  }

  /** Replaces the list: fields left out are kept (old tickets name them) but no longer offered. */
  saveFields(input: { id?: string | undefined; name: string; counters: number[]; active: boolean }[]): QueueField[] {
    this.db.transaction((tx) => {
      const known = new Set(tx.select({ id: queueField.id }).from(queueField).all().map((f) => f.id));
      tx.update(queueField).set({ active: false }).run();
      input.forEach((f, sort) => {
        const counters = JSON.stringify([...new Set(f.counters)].sort((a, b) => a - b));
        if (f.id && known.has(f.id)) tx.update(queueField).set({ name: f.name, counters, active: f.active, sort }).where(eq(queueField.id, f.id)).run();
        else tx.insert(queueField).values({ id: newId(), name: f.name, counters, active: f.active, sort }).run();
      });
    });
    this.changed();
    return this.fields();
  }

  takeTicket(fieldId: string, issuedBy: string): { ticket: Ticket; waitingBefore: number } {
    const field = this.fields().find((f) => f.id === fieldId && f.active);
    if (!field) throw new AppError('NOT_FOUND', 'Lĩnh vực này không còn nhận số thứ tự');
    const now = this.clock.now();
    const day = vnYmd(now);
    const taken = this.db.transaction((tx) => {
      const last = tx.select({ n: sql<number | null>`max(${queueTicket.number})` }).from(queueTicket).where(eq(queueTicket.day, day)).get()?.n ?? 0;
      const waitingBefore =
        tx
          .select({ n: sql<number>`count(*)` })
          .from(queueTicket)
          .where(and(eq(queueTicket.day, day), eq(queueTicket.fieldId, fieldId), eq(queueTicket.state, 'waiting')))
          .get()?.n ?? 0;
      const id = newId();
      tx.insert(queueTicket)
        .values({ id, day, number: last + 1, fieldId, takenAt: now.toISOString(), issuedBy, state: 'waiting' })
        .run();
      return { id, waitingBefore };
    });
    this.changed();
    return { ticket: this.ticket(taken.id), waitingBefore: taken.waitingBefore };
  }

  counter(counterNo: number, officerId?: string): CounterState {
    if (officerId) this.sit(officerId, counterNo);
    const day = this.today();
    const current = this.currentRow(this.db, day, counterNo);
    const waiting =
      this.db
        .select({ n: sql<number>`count(*)` })
        .from(queueTicket)
        .where(and(eq(queueTicket.day, day), sql`${FOR_COUNTER}`))
        .prepare()
        .get({ counter: counterNo })?.n ?? 0;
    return { counterNo, current: current ? this.toTicket(current) : null, waiting };
  }

  callNext(officerId: string, counterNo: number): CounterState {
    this.sit(officerId, counterNo);
    const day = this.today();
    const at = this.clock.now().toISOString();
    const called = this.db.transaction((tx) => {
      const current = this.currentRow(tx, day, counterNo);
      if (current) tx.update(queueTicket).set({ state: 'served', finishedAt: at }).where(eq(queueTicket.id, current.id)).run();
      const next = tx
        .select()
        .from(queueTicket)
        .where(and(eq(queueTicket.day, day), sql`${FOR_COUNTER}`))
        .orderBy(sql`${queueTicket.transferredTo} IS NULL`, asc(queueTicket.number))
        .limit(1)
        .prepare()
        .get({ counter: counterNo });
      if (!next) return null;
      tx.update(queueTicket)
        .set({
          state: 'called',
          counterNo,
          calledAt: at,
          calledBy: officerId,
          callCount: next.callCount + 1,
          firstCalledAt: next.firstCalledAt ?? at,
          serviceStartedAt: at,
        })
        .where(eq(queueTicket.id, next.id))
        .run();
      return next.id;
    });
    if (called) this.announce(called);
    this.changed();
    return this.counter(counterNo);
  }

  recall(counterNo: number): CounterState {
    const current = this.requireCurrent(counterNo);
    const at = this.clock.now().toISOString();
    this.db.update(queueTicket).set({ callCount: current.callCount + 1, calledAt: at }).where(eq(queueTicket.id, current.id)).run();
    this.announce(current.id);
    return this.counter(counterNo);
  }

  skip(counterNo: number): CounterState {
    const current = this.requireCurrent(counterNo);
    this.db.update(queueTicket).set({ state: 'skipped', finishedAt: this.clock.now().toISOString() }).where(eq(queueTicket.id, current.id)).run();
    this.changed();
    return this.counter(counterNo);
  }

  transfer(counterNo: number, toCounterNo: number): CounterState {
    if (toCounterNo === counterNo) throw new AppError('INVALID_INPUT', 'Hãy chọn một quầy khác quầy đang phục vụ');
    const current = this.requireCurrent(counterNo);
    this.db.update(queueTicket).set({ state: 'waiting', counterNo: null, transferredTo: toCounterNo }).where(eq(queueTicket.id, current.id)).run();
    this.changed();
    return this.counter(counterNo);
  }

  /** The counter this officer's window serves today, or null when no window has said so today. */
  seatOf(officerId: string): number | null {
    const seat = this.db.select().from(counterSeat).where(eq(counterSeat.officerId, officerId)).get();
    return seat && vnYmd(new Date(seat.at)) === this.today() ? seat.counterNo : null;
  }

  /**
   * Links the number now served at this officer's counter to the dossier just received for it;
   * a number already linked keeps its first dossier. Returns the number's label, or null.
   */
  linkReceived(officerId: string, dossierId: string): string | null {
    const counterNo = this.seatOf(officerId);
    if (counterNo === null) return null;
    const current = this.currentRow(this.db, this.today(), counterNo);
    if (!current || current.dossierId !== null) return null;
    this.db.update(queueTicket).set({ dossierId }).where(eq(queueTicket.id, current.id)).run();
    return ticketLabel(current.number);
  }

  private sit(officerId: string, counterNo: number): void {
    const at = this.clock.now().toISOString();
    this.db.insert(counterSeat).values({ officerId, counterNo, at }).onConflictDoUpdate({ target: counterSeat.officerId, set: { counterNo, at } }).run();
  }

  /** The calling screen: numbers being served (latest call first), and the next waiting ones. */
  display(limit = 10): { serving: { counterNo: number; label: string; fieldName: string; calledAt: string }[]; next: { label: string; fieldName: string }[] } {
    const day = this.today();
    const names = new Map(this.fields().map((f) => [f.id, f.name]));
    const serving = this.db
      .select()
      .from(queueTicket)
      .where(and(eq(queueTicket.day, day), eq(queueTicket.state, 'called')))
      .orderBy(sql`${queueTicket.calledAt} DESC`)
      .all()
      .map((t) => ({ counterNo: t.counterNo!, label: ticketLabel(t.number), fieldName: names.get(t.fieldId) ?? '', calledAt: t.calledAt! }));
    const next = this.db
      .select()
      .from(queueTicket)
      .where(and(eq(queueTicket.day, day), eq(queueTicket.state, 'waiting')))
      .orderBy(sql`${queueTicket.transferredTo} IS NULL`, asc(queueTicket.number))
      .limit(limit)
      .all()
      .map((t) => ({ label: ticketLabel(t.number), fieldName: names.get(t.fieldId) ?? '' }));
    return { serving, next };
  }

  private today(): string {
    return vnYmd(this.clock.now());
  }

  private currentRow(tx: DbExecutor, day: string, counterNo: number): TicketRow | undefined {
    return tx
      .select()
      .from(queueTicket)
      .where(and(eq(queueTicket.day, day), eq(queueTicket.state, 'called'), eq(queueTicket.counterNo, counterNo)))
      .orderBy(sql`${queueTicket.calledAt} DESC`)
      .limit(1)
      .get();
  }

  private requireCurrent(counterNo: number): TicketRow {
    const current = this.currentRow(this.db, this.today(), counterNo);
    if (!current) throw new AppError('CONFLICT', `Quầy số ${counterNo} chưa gọi số nào`);
    return current;
  }

  private ticket(id: string): Ticket {
    const row = this.db.select().from(queueTicket).where(eq(queueTicket.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy số thứ tự');
    return this.toTicket(row);
  }

  private toTicket(t: TicketRow): Ticket {
    const fieldName = this.fields().find((f) => f.id === t.fieldId)?.name ?? '';
    return {
      id: t.id,
      day: t.day,
      number: t.number,
      label: ticketLabel(t.number),
      fieldId: t.fieldId,
      fieldName,
      takenAt: t.takenAt,
      state: t.state,
      counterNo: t.counterNo,
      transferredTo: t.transferredTo,
      calledAt: t.calledAt,
      callCount: t.callCount,
      dossierId: t.dossierId,
    };
  }

  private announce(id: string): void {
    const t = this.ticket(id);
    queueMicrotask(() =>
      this.events.emit('queue.called', { label: t.label, counterNo: t.counterNo!, fieldName: t.fieldName, callCount: t.callCount, at: t.calledAt! }),
    );
  }

  private changed(): void {
    queueMicrotask(() => this.events.emit('queue.changed', {}));
  }
}
