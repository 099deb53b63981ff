/**
 * The statements of a push's fast path (apply-batch.ts), as constant texts. The writes run as named
 * prepared statements (db/named-statement.ts): parsed and planned once per connection, not once
 * per push. The lookups are planned on every run, against their actual values.
 *
 * Lists travel as one array parameter and rows as one JSON parameter (jsonb_to_recordset): binding
 * one parameter per value made building a 100-row statement cost the hub more CPU than PostgreSQL
 * spent running it. Lists are arrays (`col = ANY($1::uuid[])`), the plainest form for the planner.
 */
import type { NamedStatement } from '../db/named-statement';

/**
 * What the checks need, in one round trip: the ops answered before ($1: op ids), the dossiers the
 * batch touches ($2: dossier ids; locked, in id order so two batches never wait on each other
 * crosswise) and the holders of the codes it uses ($3: codes).
 */
export const READ_BATCH: NamedStatement = {
  // No name: index lookups, planned per run (see db/named-statement.ts).
  text: `
    SELECT
      (SELECT coalesce(json_agg(json_build_object('opId', a.op_id, 'deviceId', a.device_id, 'result', a.result)), '[]')
         FROM applied_op a WHERE a.op_id = ANY($1::uuid[])) AS seen,
      (SELECT coalesce(json_agg(d), '[]') FROM (
         SELECT id, commune_code AS "communeCode", code, status, province_status_at AS "provinceStatusAt"
         FROM dossier WHERE id = ANY($2::uuid[]) ORDER BY id FOR UPDATE) d) AS dossiers,
      (SELECT coalesce(json_agg(json_build_object('id', c.id, 'code', c.code)), '[]')
         FROM dossier c WHERE c.code = ANY($3::text[])) AS codes`,
};

/** Which of these dossiers ($1: ids) the hub refused before (uses the partial index on refused ops). */
export const REFUSED_UPSERTS: NamedStatement = {
  text: `
    SELECT DISTINCT entity_id FROM applied_op
    WHERE entity_id = ANY($1::uuid[]) AND op_type = 'dossier.upsert' AND result->>'result' = 'rejected'`,
};

/** The first answers ($1: device id, $2: [{ op_id, device_epoch, device_seq, op_type, entity_id, result }]). */
const answered = (device: string, rows: string) => `
  answered AS (
    INSERT INTO applied_op (op_id, device_id, device_epoch, device_seq, op_type, entity_id, result)
    SELECT x.op_id, ${device}::uuid, x.device_epoch, x.device_seq, x.op_type, x.entity_id, x.result
    FROM jsonb_to_recordset(${rows}::jsonb)
      AS x(op_id uuid, device_epoch text, device_seq bigint, op_type text, entity_id uuid, result jsonb)
    ON CONFLICT (op_id) DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::int AS claimed FROM answered`;

/**
 * A batch that writes rows: $1 export feed, $2 number of rows, $3 commune code, $4 now,
 * $5 [{ s: dossier snapshot, ord }], $6 [{ e: event, ord }], $7 device id, $8 answers.
 * The export seqs are taken here, last, so the export counter's row lock lasts from this
 * statement to commit; `ord` places each row in the batch's order within the range.
 */
export const WRITE_BATCH: NamedStatement = {
  name: 'hub_push_write_v1',
  text: `
    WITH counter AS (
      INSERT INTO feed_counter (scope, seq) VALUES ($1, $2::bigint)
      ON CONFLICT (scope) DO UPDATE SET seq = feed_counter.seq + $2::bigint
      RETURNING seq - $2::bigint AS base
    ),
    written_dossiers AS (
      -- commune_code is not updated: a dossier never changes commune (ownership checked before).
      INSERT INTO dossier (id, code, commune_code, status, snapshot, received_at, updated_at, export_seq)
      SELECT (x.s->>'id')::uuid, x.s->>'code', $3, x.s->>'status', x.s,
        (x.s->>'receivedAt')::timestamptz, $4::timestamptz, counter.base + x.ord + 1
      FROM jsonb_to_recordset($5::jsonb) AS x(s jsonb, ord int), counter
      ON CONFLICT (id) DO UPDATE SET code = excluded.code, status = excluded.status, snapshot = excluded.snapshot,
        received_at = excluded.received_at, updated_at = excluded.updated_at, export_seq = excluded.export_seq
    ),
    written_events AS (
      -- The timeline is append-only; the event id is a second idempotency net behind applied_op.
      INSERT INTO dossier_event (id, dossier_id, event, source, export_seq)
      SELECT (x.e->>'id')::uuid, (x.e->>'dossierId')::uuid, x.e, 'commune', counter.base + x.ord + 1
      FROM jsonb_to_recordset($6::jsonb) AS x(e jsonb, ord int), counter
      ON CONFLICT (id) DO NOTHING
    ),${answered('$7', '$8')}`,
};

/** A batch of refusals and stored answers only: no rows, so no export seq (and no counter lock). */
export const WRITE_ANSWERS: NamedStatement = {
  name: 'hub_push_answers_v1',
  text: `WITH${answered('$1', '$2')}`,
};
