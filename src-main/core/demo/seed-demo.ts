/**
 * Realistic demo data: Vietnamese names and addresses, procedures in the proportions a commune
 * sees, statuses spread over the last two years. Used by `npm run cli -- seed-demo` and by the
 * benchmarks. Rows are written with plain prepared statements in large transactions (the RPC
 * path would take hours at a million); demo dossiers get no outbox rows, so they never reach a
 * province hub.
 */
import { computeDue } from '@shared/domain/deadline';
import type { Procedure } from '@shared/domain/catalog';
import { formatDossierCode } from '@shared/domain/dossier-code';
import { foldForSearch } from '@shared/domain/text';
import { dayInfo } from '@shared/domain/calendar/day-index';
import { daysFromCivil, epochMsOfVnLocalMinutes, MS_PER_DAY, vnDayNumber, vnYmd } from '@shared/domain/vn-time';
import type { Core } from '../core';
import { newId } from '../ids';
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, HAMLETS, MIDDLE_NAMES_FEMALE, MIDDLE_NAMES_MALE, PROCEDURE_MIX } from './names';

/** mulberry32: small, fast, seeded; the same seed gives the same data set. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(rand: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) if ((r -= w) <= 0) return item;
  return items[items.length - 1]![0];
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

export interface SeedDemoOptions {
  dossiers: number;
  seed?: number;
  /** The first receipt day (yyyy-mm-dd); the calendar must cover it. Default 2025-01-02. */
  since?: string;
  onProgress?: (done: number, total: number) => void;
}

export function seedDemo(core: Core, opts: SeedDemoOptions): { inserted: number; ms: number } {
  const started = performance.now();
  const rand = prng(opts.seed ?? 20261122);
  const { catalog, calendar, settings, office } = core.services;
  const off = office.get();
  const cal = calendar.current();
  const pattern = settings.get().dossierCodePattern;
  const version = catalog.currentVersion();
  const now = core.clock.now().getTime();

  const inForce = catalog.current().procedures.filter((p) => p.deadline);
  const mix: [Procedure, number][] = inForce.map((p) => [p, PROCEDURE_MIX.find(([c]) => c === p.code)?.[1] ?? 0.4]);

  // Receipt instants inside working sessions (until 16:45), sorted: codes and local_seq then
  // follow time. Working days and their session minutes come from the calendar once.
  const [sy, sm, sd] = (opts.since ?? '2025-01-02').split('-').map(Number) as [number, number, number];
  const firstDay = daysFromCivil(sy, sm, sd);
  const lastDay = vnDayNumber(now - 3_600_000);
  const slots: { day: number; sessions: (readonly [number, number])[]; minutes: number }[] = [];
  for (let d = firstDay; d <= lastDay; d++) {
    const sessions = dayInfo(cal, d)
      .sessions.map(([a, b]) => [a, Math.min(b, 16 * 60 + 45)] as const)
      .filter(([a, b]) => b > a);
    const minutes = sessions.reduce((m, [a, b]) => m + (b - a), 0);
    if (minutes > 0) slots.push({ day: d, sessions, minutes });
  }
  const instants: number[] = [];
  while (instants.length < opts.dossiers) {
    const slot = slots[Math.floor(rand() * slots.length)]!;
    let offset = Math.floor(rand() * slot.minutes);
    let minute = 0;
    for (const [a, b] of slot.sessions) {
      if (offset < b - a) {
        minute = a + offset;
        break;
      }
      offset -= b - a;
    }
    const t = epochMsOfVnLocalMinutes(slot.day * 1440 + minute);
    if (t < now) instants.push(t);
  }
  instants.sort((a, b) => a - b);

  const sqlite = core.db.$client;
  const insertDossier = sqlite.prepare(`INSERT INTO dossier (id, code, agency_code, procedure_id, procedure_code, procedure_name, procedure_field,
    catalog_version, deadline_amount, deadline_unit, cutoff15, applicant_name, applicant_id_number, applicant_birth_date, applicant_gender,
    applicant_address, applicant_phone, applicant_email, search_name, search_address, channel, delivery, pages, copies, fee_total, status,
    received_at, due_at, original_due_at, due_provisional, received_by_id, received_by_name, supplement_count, extension_count, paused_since,
    finished_at, returned_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 'counter', NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)`);
  const insertEvent = sqlite.prepare(
    `INSERT INTO dossier_event (id, dossier_id, type, from_status, to_status, at, officer_id, officer_name, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
  );
  const upsertSeq = sqlite.prepare(
    `INSERT INTO dossier_sequence (agency_code, day, desk, last) VALUES (?, ?, 0, ?) ON CONFLICT DO UPDATE SET last = max(last, excluded.last)`,
  );
  const admin = sqlite.prepare("SELECT id, full_name AS name FROM officer WHERE role = 'admin' ORDER BY created_at LIMIT 1").get() as { id: string; name: string };
  const lastSeq = new Map<string, number>(
    (sqlite.prepare('SELECT day, last FROM dossier_sequence WHERE agency_code = ? AND desk = 0').all(off.agencyCode) as { day: string; last: number }[]).map((r) => [r.day, r.last]),
  );

  const BATCH = 20_000;
  let done = 0;
  const writeBatch = sqlite.transaction((batch: number[]) => {
    for (const t of batch) {
      const female = rand() < 0.52;
      const fullName = [
        weighted(rand, FAMILY_NAMES),
        pick(rand, female ? MIDDLE_NAMES_FEMALE : MIDDLE_NAMES_MALE),
        pick(rand, female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE),
      ].join(' ');
      const birthYear = 1950 + Math.floor(rand() * 55);
      const idNumber = `038${(birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0)}${String(birthYear % 100).padStart(2, '0')}${String(Math.floor(rand() * 1e6)).padStart(6, '0')}`;
      const address = `${pick(rand, HAMLETS)}, xã ${off.place}, ${off.province}`;
      const phone = `0${pick(rand, ['9', '3', '8', '7'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
      const p = weighted(rand, mix);
      const receivedAt = new Date(t).toISOString();
      const day = vnYmd(receivedAt);
      const seq = (lastSeq.get(day) ?? 0) + 1;
      lastSeq.set(day, seq);
      const due = computeDue({ receivedAt, amount: p.deadline!.amount, unit: p.deadline!.unit, cutoff15: p.deadline!.cutoff15, calendar: cal });
      const dueMs = new Date(due.dueAt).getTime();
      const id = newId();

      let status = 'received';
      let finishedAt: string | null = null;
      let returnedAt: string | null = null;
      if (dueMs < now - 2 * MS_PER_DAY) {
        const finish = t + Math.floor((dueMs - t) * (0.2 + rand() * 0.9)); // about one in eleven late
        finishedAt = new Date(finish).toISOString();
        returnedAt = new Date(finish + Math.floor(rand() * 2 * MS_PER_DAY)).toISOString();
        status = rand() < 0.97 ? 'returned' : 'stopped';
        if (status === 'stopped') returnedAt = null;
      } else {
        status = weighted(rand, [['received', 30], ['processing', 35], ['transferred', 10], ['awaiting_supplement', 10], ['result_ready', 15]] as [string, number][]);
        if (status === 'result_ready') finishedAt = new Date(Math.min(now, t + (dueMs - t) / 2)).toISOString();
      }
      const fee = p.fees.some((f) => f.kind === 'per_page') ? 2000 * (1 + Math.floor(rand() * 4)) : 0;
      const updatedAt = returnedAt ?? finishedAt ?? receivedAt;
      insertDossier.run(
        id, formatDossierCode({ agencyCode: off.agencyCode, receivedAt, seq, pattern }), off.agencyCode, p.id, p.code ?? p.id, p.name, p.field,
        version, p.deadline!.amount, p.deadline!.unit, p.deadline!.cutoff15 ? 1 : 0, fullName, idNumber, `${birthYear}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
        female ? 'female' : 'male', address, phone, foldForSearch(fullName), foldForSearch(address), rand() < 0.93 ? 'direct' : 'postal', fee, status,
        receivedAt, new Date(dueMs).toISOString(), new Date(dueMs).toISOString(), due.provisional ? 1 : 0, admin.id, admin.name,
        status === 'awaiting_supplement' ? receivedAt : null, finishedAt, returnedAt, updatedAt,
      );
      insertEvent.run(newId(), id, 'receive', null, 'received', receivedAt, admin.id, admin.name);
      if (finishedAt && status !== 'stopped') insertEvent.run(newId(), id, 'resultReady', 'processing', 'result_ready', finishedAt, admin.id, admin.name);
      if (status === 'stopped') insertEvent.run(newId(), id, 'stop', 'processing', 'stopped', finishedAt, admin.id, admin.name);
      if (returnedAt) insertEvent.run(newId(), id, 'returnResult', 'result_ready', 'returned', returnedAt, admin.id, admin.name);
      upsertSeq.run(off.agencyCode, day, seq);
    }
  });
  for (let i = 0; i < instants.length; i += BATCH) {
    writeBatch(instants.slice(i, i + BATCH));
    done = Math.min(instants.length, i + BATCH);
    opts.onProgress?.(done, instants.length);
  }
  return { inserted: done, ms: Math.round(performance.now() - started) };
}
