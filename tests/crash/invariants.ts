/**
 * What must hold in the counter database after any crash: a sound file, every acknowledged
 * dossier present with all its rows, nothing half-written, unique gap-free codes, an intact
 * audit chain. Returns the list of violations (empty = consistent).
 */
import type Database from 'better-sqlite3';
import { verifyAudit } from '../../src-main/core/audit/audit-log';
import { quickCheck } from '../../src-main/core/db/verify';
import { wrapDrizzle } from '../../src-main/core/db/open';
import { CRASH_DOCUMENTS } from './fixture';

function countBy(rows: { k: string }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const { k } of rows) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

export function checkConsistency(sqlite: Database.Database, acked: Map<string, string>): string[] {
  const problems: string[] = [];
  const qc = quickCheck(sqlite);
  if (qc.join() !== 'ok') problems.push(`quick_check: ${qc.join('; ')}`);

  const dossiers = sqlite.prepare('SELECT id, code FROM dossier').all() as { id: string; code: string }[];
  const byCode = new Map(dossiers.map((d) => [d.code, d.id]));
  const ids = new Set(dossiers.map((d) => d.id));
  for (const [code, id] of acked) if (byCode.get(code) !== id) problems.push(`acknowledged ${code} (${id}) missing`);
  if (byCode.size !== dossiers.length) problems.push('duplicate dossier codes');

  const events = sqlite.prepare("SELECT id, dossier_id AS k, type FROM dossier_event").all() as { id: string; k: string; type: string }[];
  const eventIds = new Set(events.map((e) => e.id));
  const eventsPerDossier = countBy(events.filter((e) => e.type === 'receive'));
  const upserts = countBy(sqlite.prepare("SELECT entity_id AS k FROM outbox WHERE op_type = 'dossier.upsert'").all() as { k: string }[]);
  const eventOps = countBy(sqlite.prepare("SELECT entity_id AS k FROM outbox WHERE op_type = 'dossier.event'").all() as { k: string }[]);
  const audits = countBy(sqlite.prepare("SELECT target AS k FROM audit_log WHERE action = 'dossier.receive'").all() as { k: string }[]);
  const docs = countBy(sqlite.prepare('SELECT dossier_id AS k FROM dossier_document').all() as { k: string }[]);
  const fees = countBy(sqlite.prepare('SELECT dossier_id AS k FROM fee_line').all() as { k: string }[]);
  if (events.length !== eventsPerDossier.size || events.length !== dossiers.length) problems.push(`events ${events.length} for ${dossiers.length} dossiers`);
  for (const d of dossiers) {
    const where = `${d.code}`;
    if (eventsPerDossier.get(d.id) !== 1) problems.push(`${where}: ${eventsPerDossier.get(d.id) ?? 0} receive events`);
    if (upserts.get(d.id) !== 1) problems.push(`${where}: ${upserts.get(d.id) ?? 0} dossier.upsert ops`);
    if (audits.get(d.code) !== 1) problems.push(`${where}: ${audits.get(d.code) ?? 0} audit rows`);
    if (docs.get(d.id) !== CRASH_DOCUMENTS) problems.push(`${where}: ${docs.get(d.id) ?? 0} documents`);
    if (!fees.get(d.id)) problems.push(`${where}: no fee line`);
  }
  for (const e of events) if (eventOps.get(e.id) !== 1) problems.push(`event ${e.id}: ${eventOps.get(e.id) ?? 0} dossier.event ops`);
  for (const k of upserts.keys()) if (!ids.has(k)) problems.push(`outbox upsert without dossier ${k}`);
  for (const k of eventOps.keys()) if (!eventIds.has(k)) problems.push(`outbox event op without event ${k}`);
  for (const k of audits.keys()) if (!byCode.has(k)) problems.push(`audit row for missing dossier ${k}`);

  // Codes are claimed inside the receiving transaction: per day they run 1..n with no gap.
  const perDay = new Map<string, number[]>();
  for (const { code } of dossiers) {
    const m = code.match(/^(.*-\d{6})-(\d+)$/);
    if (!m) problems.push(`odd code ${code}`);
    else perDay.set(m[1]!, [...(perDay.get(m[1]!) ?? []), Number(m[2])]);
  }
  for (const [day, seqs] of perDay) {
    seqs.sort((a, b) => a - b);
    if (seqs.some((s, i) => s !== i + 1)) problems.push(`codes of ${day} not 1..${seqs.length}`);
  }
  const lastClaimed = (sqlite.prepare('SELECT COALESCE(SUM(last), 0) AS n FROM dossier_sequence').get() as { n: number }).n;
  if (lastClaimed !== dossiers.length) problems.push(`dossier_sequence says ${lastClaimed}, table has ${dossiers.length}`);

  try {
    sqlite.prepare("INSERT INTO dossier_fts(dossier_fts) VALUES ('integrity-check')").run();
  } catch (err) {
    problems.push(`fts: ${(err as Error).message}`);
  }
  const broken = verifyAudit(wrapDrizzle(sqlite));
  if (broken) problems.push(`audit chain broken at ${broken.seq}: ${broken.problem}`);
  return problems;
}
