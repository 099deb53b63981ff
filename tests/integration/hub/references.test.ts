/**
 * dossier → commune and applied_op → device are checked per statement by triggers, not per row by
 * foreign keys (migrations/province/0003). These tests hold the triggers to what the foreign keys
 * guaranteed: no orphan child on insert or update, no delete or re-key of a referenced parent,
 * and — on PostgreSQL, where two transactions can overlap — a parent delete racing a child insert
 * waits for it and then refuses, instead of leaving an orphan.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPgError } from '../../../src-server/db/errors';
import { openDatabase } from '../../../src-server/db/open';
import type { HubDatabase, HubExecutor } from '../../../src-server/db/types';
import { startTestPostgres, type TestPostgres } from '../../support/postgres';
import { BACKENDS, enrollCounter, hubForTests, makeDossier, newCommune, push, startHub, upsertOp, type Hub } from './harness';

const FOREIGN_KEY_VIOLATION = '23503';

async function sqlState(run: Promise<unknown>): Promise<string | undefined> {
  try {
    await run;
    return undefined;
  } catch (err) {
    return findPgError(err)?.code ?? 'no SQLSTATE';
  }
}

function insertDossier(db: HubExecutor, communeCode: string, id = uuidv7()) {
  const snapshot = makeDossier(communeCode, { id });
  return db.execute(sql`
    INSERT INTO dossier (id, code, commune_code, status, snapshot, received_at, export_seq)
    VALUES (${id}::uuid, ${`${snapshot.code}-${id.slice(-6)}`}, ${communeCode}, 'received', ${JSON.stringify(snapshot)}::jsonb, now(), 1)`);
}

function insertAppliedOp(db: HubExecutor, deviceId: string) {
  return db.execute(sql`
    INSERT INTO applied_op (op_id, device_id, device_epoch, device_seq, op_type, entity_id, result)
    VALUES (${uuidv7()}::uuid, ${deviceId}::uuid, 'e', 1, 'dossier.upsert', ${uuidv7()}::uuid, '{"result":"applied"}'::jsonb)`);
}

describe.each(BACKENDS)('hub on %s: references checked per statement', (backendName) => {
  const { hub } = hubForTests(backendName);

  it('refuses a dossier of an unknown commune, alone or among valid rows, and keeps none of them', async () => {
    const db = hub.database.db;
    const commune = await newCommune(hub);
    expect(await sqlState(insertDossier(db, 'KHONG.CO.XA'))).toBe(FOREIGN_KEY_VIOLATION);

    const good = uuidv7();
    const mixed = db.execute(sql`
      INSERT INTO dossier (id, code, commune_code, status, snapshot, received_at, export_seq)
      VALUES (${good}::uuid, ${`OK-${good}`}, ${commune.code}, 'received', '{}'::jsonb, now(), 1),
             (${uuidv7()}::uuid, ${`BAD-${good}`}, 'KHONG.CO.XA', 'received', '{}'::jsonb, now(), 1)`);
    expect(await sqlState(mixed)).toBe(FOREIGN_KEY_VIOLATION);
    const kept = await db.execute(sql`SELECT count(*)::int AS n FROM dossier WHERE id = ${good}::uuid`);
    expect((kept as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);

    expect(await sqlState(insertDossier(db, commune.code))).toBeUndefined();
  });

  it('refuses moving a dossier to an unknown commune, and allows updates that keep it', async () => {
    const db = hub.database.db;
    const commune = await newCommune(hub);
    const id = uuidv7();
    await insertDossier(db, commune.code, id);
    expect(await sqlState(db.execute(sql`UPDATE dossier SET status = 'processing' WHERE id = ${id}::uuid`))).toBeUndefined();
    expect(await sqlState(db.execute(sql`UPDATE dossier SET commune_code = ${commune.code} WHERE id = ${id}::uuid`))).toBeUndefined();
    expect(await sqlState(db.execute(sql`UPDATE dossier SET commune_code = 'KHONG.CO.XA' WHERE id = ${id}::uuid`))).toBe(
      FOREIGN_KEY_VIOLATION,
    );
  });

  it('refuses deleting or re-keying a commune that has dossiers; one without dossiers may go', async () => {
    const db = hub.database.db;
    const used = await newCommune(hub);
    await insertDossier(db, used.code);
    expect(await sqlState(db.execute(sql`DELETE FROM commune WHERE code = ${used.code}`))).toBe(FOREIGN_KEY_VIOLATION);
    expect(await sqlState(db.execute(sql`UPDATE commune SET code = ${`${used.code}.MOI`} WHERE code = ${used.code}`))).toBe(
      FOREIGN_KEY_VIOLATION,
    );
    expect(await sqlState(db.execute(sql`UPDATE commune SET name = 'UBND xã Đổi Tên' WHERE code = ${used.code}`))).toBeUndefined();

    const unused = await newCommune(hub);
    expect(await sqlState(db.execute(sql`DELETE FROM commune WHERE code = ${unused.code}`))).toBeUndefined();
  });

  it('refuses an answered op of an unknown device, a changed device, and deleting a device with answered ops', async () => {
    const db = hub.database.db;
    const commune = await newCommune(hub);
    const counter = await enrollCounter(hub, commune.code);
    expect(await sqlState(insertAppliedOp(db, uuidv7()))).toBe(FOREIGN_KEY_VIOLATION);

    const { body } = await push(hub, counter, [upsertOp(counter, makeDossier(commune.code))]);
    expect(body.results[0]!.result).toBe('applied');
    expect(await sqlState(db.execute(sql`UPDATE applied_op SET device_id = ${uuidv7()}::uuid WHERE device_id = ${counter.deviceId}::uuid`))).toBe(
      FOREIGN_KEY_VIOLATION,
    );
    expect(await sqlState(db.execute(sql`DELETE FROM device WHERE id = ${counter.deviceId}::uuid`))).toBe(FOREIGN_KEY_VIOLATION);
  });
});

describe('hub on postgresql: a parent delete racing a child insert', () => {
  let server: TestPostgres;
  let database: HubDatabase;
  let hub: Hub;
  beforeAll(async () => {
    server = await startTestPostgres();
    database = await openDatabase({ kind: 'postgresql', url: server.url, poolSize: 4 });
    hub = await startHub({ database, dispose: () => database.close() });
  });
  afterAll(async () => {
    await hub?.close();
    await database?.close();
    await server?.stop();
  });

  it('waits for the insert to commit, then refuses the delete: no orphan', async () => {
    const commune = await newCommune(hub);
    // Two sessions of our own on the hub's database, so the test controls when each commits.
    const pool = new pg.Pool({ connectionString: server.url, max: 2 });
    const inserter = await pool.connect();
    const deleter = await pool.connect();
    try {
      await inserter.query('BEGIN');
      const id = uuidv7();
      await inserter.query(
        `INSERT INTO dossier (id, code, commune_code, status, snapshot, received_at, export_seq) VALUES ($1, $2, $3, 'received', '{}', now(), 1)`,
        [id, `RACE-${id}`, commune.code],
      );
      let deleteSettled = false;
      const deletion = deleter
        .query('DELETE FROM commune WHERE code = $1', [commune.code])
        .then(
          () => 'deleted',
          (err: unknown) => findPgError(err)?.code,
        )
        .finally(() => (deleteSettled = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(deleteSettled, 'the delete waits for the inserting transaction').toBe(false);
      await inserter.query('COMMIT');
      expect(await deletion).toBe(FOREIGN_KEY_VIOLATION);
      const orphans = await deleter.query(
        'SELECT count(*)::int AS n FROM dossier d WHERE NOT EXISTS (SELECT 1 FROM commune c WHERE c.code = d.commune_code)',
      );
      expect(orphans.rows[0].n).toBe(0);
    } finally {
      inserter.release();
      deleter.release();
      await pool.end();
    }
  });
});
