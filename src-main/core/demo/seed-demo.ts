/**
 * Realistic demo data: Vietnamese names and addresses, procedures in the proportions a commune
 * sees, statuses spread over the last two years, with the events a real counter meets (refusals,
 * supplement pauses, a second supplement now and then, verification, apologies for late
 * dossiers, withdrawals: demo-story.ts). Used by `npm run cli -- seed-demo` and by the
 * benchmarks. Rows are written with plain prepared statements in large transactions (the RPC
 * path would take hours at a million); demo dossiers get no outbox rows, so they never reach a
 * province hub.
 */
import type { Procedure } from '@shared/domain/catalog';
import { formatDossierCode } from '@shared/domain/dossier-code';
import { foldForSearch } from '@shared/domain/text';
import { dayInfo } from '@shared/domain/calendar/day-index';
import { daysFromCivil, epochMsOfVnLocalMinutes, vnDayNumber, vnYmd } from '@shared/domain/vn-time';
import type { Core } from '../core';
import { newId } from '../ids';
import { demoStory } from './demo-story';
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
    finished_at, returned_at, updated_at, extended_due_at, deadline_counting, verification_at, verification_reason, withdrawal_requested_at)
    VALUES (@id, @code, @agency, @procedureId, @procedureCode, @procedureName, @field, @version, @amount, @unit, @cutoff15, @name, @idNumber,
    @birthDate, @gender, @address, @phone, NULL, @searchName, @searchAddress, @channel, 'counter', NULL, NULL, @fee, @status, @receivedAt,
    @dueAt, @originalDueAt, @provisional, @officerId, @officerName, @supplements, @extensions, @pausedSince, @finishedAt, @returnedAt,
    @updatedAt, @extendedDueAt, @counting, @verificationAt, @verificationReason, @withdrawalAt)`);
  const insertEvent = sqlite.prepare(
    `INSERT INTO dossier_event (id, dossier_id, type, from_status, to_status, at, officer_id, officer_name, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertSeq = sqlite.prepare(
    `INSERT INTO dossier_sequence (agency_code, day, desk, last) VALUES (?, ?, 0, ?) ON CONFLICT DO UPDATE SET last = max(last, excluded.last)`,
  );
  const admin = sqlite.prepare("SELECT id, full_name AS name FROM officer WHERE role = 'admin' ORDER BY created_at LIMIT 1").get() as { id: string; name: string };
  const lastSeq = new Map<string, number>(
    (sqlite.prepare('SELECT day, last FROM dossier_sequence WHERE agency_code = ? AND desk = 0').all(off.agencyCode) as { day: string; last: number }[]).map((r) => [r.day, r.last]),
  );
  const { counting, legalBasis: countingBasis } = catalog.current().conventions.workingDayCounting;
  const iso = (ms: number) => new Date(ms).toISOString();

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
      const receivedAt = iso(t);
      const day = vnYmd(receivedAt);
      const seq = (lastSeq.get(day) ?? 0) + 1;
      lastSeq.set(day, seq);
      const id = newId();
      const story = demoStory(rand, p, t, now, { calendar: cal, counting, countingBasis });
      const { status, finishedAt, returnedAt } = story;
      const fee = story.status === 'rejected' ? 0 : p.fees.some((f) => f.kind === 'per_page') ? 2000 * (1 + Math.floor(rand() * 4)) : 0;
      const last = story.events.at(-1)!;
      insertDossier.run({
        id, code: formatDossierCode({ agencyCode: off.agencyCode, receivedAt, seq, pattern }), agency: off.agencyCode, procedureId: p.id,
        procedureCode: p.code ?? p.id, procedureName: p.name, field: p.field, version, amount: story.limit.amount, unit: story.limit.unit,
        cutoff15: story.limit.cutoff15 ? 1 : 0, name: fullName, idNumber, birthDate: `${birthYear}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
        gender: female ? 'female' : 'male', address, phone, searchName: foldForSearch(fullName), searchAddress: foldForSearch(address),
        channel: rand() < 0.93 ? 'direct' : 'postal', fee, status, receivedAt, dueAt: story.dueAt, originalDueAt: story.originalDueAt,
        provisional: story.provisional ? 1 : 0, officerId: admin.id, officerName: admin.name, supplements: story.supplements,
        extensions: story.extendedDueAt ? 1 : 0, pausedSince: story.pausedSince, finishedAt: finishedAt, returnedAt: returnedAt,
        updatedAt: last.at, extendedDueAt: story.extendedDueAt, counting, verificationAt: story.verificationAt,
        verificationReason: story.verificationAt ? 'Xác minh thông tin với cơ quan liên quan' : null, withdrawalAt: story.withdrawalAt,
      });
      for (const e of story.events) {
        insertEvent.run(newId(), id, e.type, e.from, e.to, e.at, admin.id, admin.name, e.note ?? null, e.data ? JSON.stringify(e.data) : null);
      }
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
