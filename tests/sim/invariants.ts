/**
 * What must hold after the faults stop and every counter made a clean pass (ARCHITECTURE.md §6,
 * ANCHORS.md §8.10): exactly-once at the hub, convergence of every counter to the hub's view of
 * its scopes, unique codes, and no silent loss. Each check returns human-readable violations.
 */
import { isDeepStrictEqual } from 'node:util';
import { inArray } from 'drizzle-orm';
import type { Dossier } from '@shared/dossier';
import { communeScope } from '@shared/sync/protocol';
import { appliedOp, dossier as hubDossier, dossierEvent as hubEvent, feedCounter } from '../../src-server/db/schema';
import { dossier as localDossier } from '../../src-main/core/db/schema';
import { toSnapshot, type DossierRow } from '../../src-main/core/dossiers/records';
import type { LiveHub } from '../integration/sync/support';
import type { SimCounter } from './world';

/** The fields the commune owns plus the status the province owns: what "the same data" means. */
function comparable(d: Dossier) {
  const { id, code, agencyCode, procedureCode, applicant, documents, fees, channel, delivery, status, receivedAt, dueAt, finishedAt, returnedAt } = d;
  return { id, code, agencyCode, procedureCode, applicant, documents, fees, channel, delivery, status, receivedAt: Date.parse(receivedAt), dueAt: Date.parse(dueAt), finishedAt, returnedAt };
}

export async function checkInvariants(hub: LiveHub, counters: SimCounter[]): Promise<string[]> {
  const problems: string[] = [];
  const db = hub.backend.database.db;
  const communes = [...new Set(counters.map((c) => c.agency))];
  const hubRows = await db.select().from(hubDossier).where(inArray(hubDossier.communeCode, communes));
  const hubById = new Map(hubRows.map((r) => [r.id, r]));
  const hubEvents = hubRows.length ? await db.select().from(hubEvent).where(inArray(hubEvent.dossierId, hubRows.map((r) => r.id))) : [];
  const deviceIds = counters.map((c) => readEnrollment(c).deviceId);
  const applied = await db.select().from(appliedOp).where(inArray(appliedOp.deviceId, deviceIds));
  const appliedById = new Map(applied.map((a) => [a.opId, a]));

  // Codes unique at the hub (the unique index guarantees it; this proves nothing was renumbered either).
  if (new Set(hubRows.map((r) => r.code)).size !== hubRows.length) problems.push('duplicate dossier codes at the hub');

  // Exactly once: every dossier and commune event at the hub stems from one applied op.
  const appliedUpserts = new Set(applied.filter((a) => a.opType === 'dossier.upsert' && a.result.result === 'applied').map((a) => a.entityId));
  if (appliedUpserts.size !== hubRows.length) problems.push(`hub has ${hubRows.length} dossiers but ${appliedUpserts.size} applied upsert entities`);
  const communeEvents = hubEvents.filter((e) => e.source === 'commune');
  const appliedEvents = new Set(applied.filter((a) => a.opType === 'dossier.event' && a.result.result === 'applied').map((a) => a.entityId));
  if (communeEvents.length !== appliedEvents.size) problems.push(`hub has ${communeEvents.length} commune events but ${appliedEvents.size} applied event ops`);

  for (const c of counters) {
    const sqlite = c.core.db.$client;
    // Nothing dropped silently: every outbox row ended applied, or rejected with a reason.
    const rows = sqlite.prepare('SELECT op_id, state, last_error, result_code, op_type, entity_id, payload FROM outbox').all() as {
      op_id: string; state: string; last_error: string | null; result_code: string | null; op_type: string; entity_id: string; payload: string;
    }[];
    const rejectedDossiers = new Set<string>();
    for (const r of rows) {
      if (r.state === 'pending') problems.push(`${c.name}: op ${r.op_id} still pending`);
      if (r.state === 'rejected') {
        if (!r.last_error) problems.push(`${c.name}: op ${r.op_id} rejected without a reason`);
        const allowed = c.restored ? ['duplicate_code', 'dossier_not_found'] : [];
        if (!allowed.includes(r.result_code ?? '')) problems.push(`${c.name}: unexpected rejection ${r.result_code}: ${r.last_error}`);
        if (r.op_type === 'dossier.upsert') rejectedDossiers.add(r.entity_id);
        if (appliedById.get(r.op_id)?.result.result !== 'rejected') problems.push(`${c.name}: op ${r.op_id} rejected locally but not at the hub`);
      }
      if ((r.state === 'applied' || r.state === 'duplicate') && appliedById.get(r.op_id)?.result.result !== 'applied') {
        problems.push(`${c.name}: op ${r.op_id} acked locally but not applied at the hub`);
      }
    }

    // Every dossier received here (and not discarded by a restore) is at the hub with the same data.
    const localRows: DossierRow[] = c.core.db.select().from(localDossier).all();
    const localIds = new Set(localRows.map((r) => r.id));
    for (const id of c.received) {
      if (c.discarded.has(id)) continue;
      if (!localIds.has(id)) problems.push(`${c.name}: dossier ${id} vanished locally`);
      if (!hubById.has(id) && !rejectedDossiers.has(id)) problems.push(`${c.name}: dossier ${id} neither at the hub nor rejected`);
    }
    for (const row of localRows) {
      const at = hubById.get(row.id);
      if (!at) continue;
      const mine = comparable(toSnapshot(c.core.db, row));
      const theirs = comparable(at.snapshot);
      // jsonb reorders keys: compare structurally, not as text.
      if (!isDeepStrictEqual(mine, theirs)) {
        problems.push(`${c.name}: dossier ${row.code} differs from the hub: ${JSON.stringify(mine)} vs ${JSON.stringify(theirs)}`);
      }
    }

    // Convergence: every province status event of a dossier we hold is in our timeline, and our
    // commune cursor reached the end of the hub's feed.
    const localEvents = new Set((sqlite.prepare('SELECT id FROM dossier_event').all() as { id: string }[]).map((e) => e.id));
    for (const e of hubEvents) {
      if (e.source === 'province' && localIds.has(e.dossierId) && !localEvents.has(e.id)) {
        problems.push(`${c.name}: province event ${e.id} missing locally`);
      }
    }
    const scope = communeScope(c.agency);
    const [feed] = await db.select().from(feedCounter).where(inArray(feedCounter.scope, [scope]));
    const cursor = (sqlite.prepare('SELECT cursor FROM sync_cursor WHERE scope = ?').get(scope) as { cursor: number } | undefined)?.cursor ?? 0;
    if ((feed?.seq ?? 0) !== cursor) problems.push(`${c.name}: cursor ${cursor} behind the hub feed ${feed?.seq ?? 0}`);
  }

  // Codes unique within each commune across its installations (desk ranges never collide).
  for (const agency of communes) {
    const byCode = new Map<string, string>();
    for (const c of counters.filter((x) => x.agency === agency)) {
      for (const r of c.core.db.$client.prepare('SELECT id, code FROM dossier').all() as { id: string; code: string }[]) {
        const other = byCode.get(r.code);
        if (other && other !== r.id && !c.restored) problems.push(`code ${r.code} used for two dossiers in ${agency}`);
        byCode.set(r.code, r.id);
      }
    }
  }
  return problems;
}

function readEnrollment(c: SimCounter): { deviceId: string } {
  const row = c.core.db.$client.prepare("SELECT value FROM sync_meta WHERE key = 'enrollment'").get() as { value: string };
  return JSON.parse(row.value) as { deviceId: string };
}
