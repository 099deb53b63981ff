/**
 * Upgrading a counter whose Mẫu 04 apologies overwrote due dates (before due dates and promises
 * were kept apart): after the migrations and the one-time repair, every dossier has its legal due
 * date back, its promise apart, its withdrawal known, and the province gets the corrected
 * snapshots. Checked against the same demo written by today's code.
 */
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src-main/core/core';
import { seedDemo } from '../../../src-main/core/demo/seed-demo';
import { verifyAudit } from '../../../src-main/core/audit/audit-log';
import { ManualClock } from '../../support/clock';
import { initializeOldSchema, migrationsBefore, seedOldSchema } from '../../support/old-schema-seed';
import { SAMPLE_SETUP, tempDir } from '../../support/web-host';

const clock = new ManualClock('2026-11-20T10:00:00+07:00');
const DEMO = { dossiers: 1500, seed: 5, since: '2025-06-02' };

type Row = { code: string; dueAt: string; extendedDueAt: string | null; withdrawalRequestedAt: string | null; verificationAt: string | null };
const rowsOf = (db: import('better-sqlite3').Database) =>
  new Map(
    (
      db
        .prepare(
          'SELECT code, due_at AS dueAt, extended_due_at AS extendedDueAt, withdrawal_requested_at AS withdrawalRequestedAt, verification_at AS verificationAt FROM dossier',
        )
        .all() as Row[]
    ).map((r) => [r.code, r]),
  );

describe('upgrading a database whose apologies overwrote due dates', () => {
  it('restores the legal due dates, keeps the promises apart, and sends the corrected dossiers up', async () => {
    const oldMigrations = migrationsBefore('0007');

    const dataDir = tempDir('motcua-legal-upgrade-');
    const before = await openCore({ dataDir, migrationsDir: oldMigrations, clock });
    await initializeOldSchema(before);
    await seedOldSchema(before, { ...DEMO, overwriteDueWithExtension: true });
    const extendedBefore = (before.db.$client.prepare('SELECT count(*) AS n FROM dossier WHERE extension_count > 0').get() as { n: number }).n;
    expect(extendedBefore).toBeGreaterThan(10);
    before.close();

    const reference = await openCore({ dataDir: tempDir('motcua-legal-reference-'), clock });
    await reference.services.office.initialize(SAMPLE_SETUP.office, SAMPLE_SETUP.admin);
    seedDemo(reference, DEMO);
    const want = rowsOf(reference.db.$client);
    reference.close();

    const after = await openCore({ dataDir, clock });
    try {
      // The released counter stops at 0006: the upgrade also brings the files and signatures tables,
      // in this order; migrations of later capabilities (sessions, lookup keys…) follow them.
      expect(after.migration.applied.slice(0, 4)).toEqual(['0007_dossier_files', '0008_signatures', '0009_legal_due_dates', '0010_legal_due_backfill']);
      const got = rowsOf(after.db.$client);
      expect(got.size).toBe(want.size);
      let compared = 0;
      for (const [code, w] of want) {
        // Verification did not exist before the upgrade: such demo dossiers cannot be old data.
        if (w.verificationAt) continue;
        const g = got.get(code)!;
        expect({ code, dueAt: g.dueAt, extendedDueAt: g.extendedDueAt, withdrawalRequestedAt: g.withdrawalRequestedAt }).toEqual({
          code,
          dueAt: w.dueAt,
          extendedDueAt: w.extendedDueAt,
          withdrawalRequestedAt: w.withdrawalRequestedAt,
        });
        compared += 1;
      }
      expect(compared).toBeGreaterThan(1400);

      const q = (sql: string) => (after.db.$client.prepare(sql).get() as { n: number }).n;
      // Every apologised, withdrawn or twice-supplemented dossier goes up again with its true figures.
      const corrected = q('SELECT count(*) AS n FROM dossier WHERE status <> \'rejected\' AND (extension_count > 0 OR supplement_count > 1 OR withdrawal_requested_at IS NOT NULL)');
      expect(q("SELECT count(*) AS n FROM outbox WHERE op_type = 'dossier.upsert' AND state = 'pending'")).toBe(corrected);
      expect(q("SELECT count(*) AS n FROM audit_log WHERE action = 'dossier.legal_due_repair'")).toBe(1);
      expect(verifyAudit(after.db)).toBeNull();
    } finally {
      after.close();
    }
    // The repair runs once: reopening changes nothing.
    const again = await openCore({ dataDir, clock });
    try {
      expect((again.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'dossier.legal_due_repair'").get() as { n: number }).n).toBe(1);
    } finally {
      again.close();
    }
  }, 180_000);
});
