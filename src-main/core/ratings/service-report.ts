/**
 * The report on the service at the counters (issue #18, item 8), over Vietnam's calendar days
 * [from, to]:
 * - waiting time: the number taken → its first call anywhere (a re-call or a transfer does not
 *   restart it); numbers never called are not counted;
 * - service time: the call at the counter that served it → served (the next number called there);
 *   skipped numbers and numbers still being served are not counted;
 * - tickets taken per hour of Vietnam's day;
 * - answered ratings per level, officer and field (the procedure's field). Openings nobody
 *   answered are not ratings.
 * Per officer means the officer who called the number at the serving counter.
 */
import { and, asc, between, isNotNull } from 'drizzle-orm';
import { PROCEDURE_FIELDS, type ProcedureField } from '@shared/domain/catalog';
import { median } from '@shared/domain/median';
import { satisfiedPercent, type SatisfactionLevel } from '@shared/domain/satisfaction';
import { vnParts } from '@shared/domain/vn-time';
import type { ServiceReport } from '@shared/rpc/ratings';
import type { DbExecutor } from '../db/open';
import { officer, queueField, queueTicket, rating } from '../db/schema';

type Durations = ServiceReport['waiting'];
type Counts = Record<SatisfactionLevel, number>;

const ms = (a: string, b: string) => new Date(b).getTime() - new Date(a).getTime();

function durations(values: number[]): Durations {
  return {
    count: values.length,
    medianMs: median(values),
    meanMs: values.length ? Math.round(values.reduce((s, v) => s + v, 0) / values.length) : null,
  };
}

const zero = (): Counts => ({ very_satisfied: 0, satisfied: 0, dissatisfied: 0 });

/** Groups and sorts by name, Vietnamese collation. */
function grouped<T>(items: T[], keyOf: (t: T) => string | null, nameOf: (key: string) => string): { key: string; name: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = keyOf(it);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), it]);
  }
  return [...groups]
    .map(([key, list]) => ({ key, name: nameOf(key), items: list }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export function serviceReport(db: DbExecutor, from: string, to: string): ServiceReport {
  const tickets = db.select().from(queueTicket).where(between(queueTicket.day, from, to)).orderBy(asc(queueTicket.takenAt)).all();
  const fieldNames = new Map(db.select({ id: queueField.id, name: queueField.name }).from(queueField).all().map((f) => [f.id, f.name]));
  const officerNames = new Map(db.select({ id: officer.id, name: officer.fullName }).from(officer).all().map((o) => [o.id, o.name]));

  const waitOf = (t: (typeof tickets)[number]) => (t.firstCalledAt ? ms(t.takenAt, t.firstCalledAt) : null);
  const serviceOf = (t: (typeof tickets)[number]) => (t.state === 'served' && t.serviceStartedAt && t.finishedAt ? ms(t.serviceStartedAt, t.finishedAt) : null);
  const line = (g: { key: string; name: string; items: typeof tickets }) => ({
    key: g.key,
    name: g.name,
    waiting: durations(g.items.map(waitOf).filter((v): v is number => v !== null)),
    service: durations(g.items.map(serviceOf).filter((v): v is number => v !== null)),
  });

  const perHour = new Map<number, number>();
  for (const t of tickets) {
    const h = vnParts(t.takenAt).hour;
    perHour.set(h, (perHour.get(h) ?? 0) + 1);
  }

  const rated = db
    .select()
    .from(rating)
    .where(and(between(rating.day, from, to), isNotNull(rating.submittedAt)))
    .all();
  const countsOf = (rows: typeof rated) => {
    const counts = zero();
    for (const r of rows) counts[r.level!] += 1;
    return { counts, total: rows.length, satisfiedPercent: satisfiedPercent(counts) };
  };
  const ratingLines = (g: { key: string; name: string; items: typeof rated }) => ({ key: g.key, name: g.name, ...countsOf(g.items) });
  const officerOfRating = new Map(rated.map((r) => [r.officerId, r.officerName]));

  return {
    from,
    to,
    tickets: {
      taken: tickets.length,
      served: tickets.filter((t) => t.state === 'served').length,
      skipped: tickets.filter((t) => t.state === 'skipped').length,
      waiting: tickets.filter((t) => t.state === 'waiting').length,
    },
    waiting: durations(tickets.map(waitOf).filter((v): v is number => v !== null)),
    service: durations(tickets.map(serviceOf).filter((v): v is number => v !== null)),
    byField: grouped(tickets, (t) => t.fieldId, (k) => fieldNames.get(k) ?? '').map(line),
    byOfficer: grouped(tickets, (t) => t.calledBy, (k) => officerNames.get(k) ?? '').map(line),
    perHour: [...perHour].sort((a, b) => a[0] - b[0]).map(([hour, n]) => ({ hour, tickets: n })),
    ratings: countsOf(rated),
    ratingsByOfficer: grouped(rated, (r) => r.officerId, (k) => officerNames.get(k) ?? officerOfRating.get(k) ?? '').map(ratingLines),
    ratingsByField: grouped(rated, (r) => r.procedureField, (k) => PROCEDURE_FIELDS[k as ProcedureField] ?? k).map(ratingLines),
  };
}

/** Answered ratings of one day, for Tổng quan. */
export function ratingsOfDay(db: DbExecutor, day: string): ServiceReport['ratings'] {
  const rows = db
    .select({ level: rating.level })
    .from(rating)
    .where(and(between(rating.day, day, day), isNotNull(rating.submittedAt)))
    .all();
  const counts = zero();
  for (const r of rows) counts[r.level!] += 1;
  return { counts, total: rows.length, satisfiedPercent: satisfiedPercent(counts) };
}
