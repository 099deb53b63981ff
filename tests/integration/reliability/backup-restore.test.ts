/**
 * Backups at the counter: a verified daily copy at start, 7 daily + 4 weekly kept, an
 * administrator's copy on demand, and a restore that keeps the current data aside, renews the
 * device epoch and takes effect at the next start (refusing every call until then).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/core/audit/audit-log';
import { isoWeek, listBackups } from '../../../src-main/core/backup/backup-files';
import { verifyDatabaseFile } from '../../../src-main/core/db/verify';
import { DB_FILE_NAME, openCore, type Core } from '../../../src-main/core/core';
import { ManualClock } from '../../support/clock';
import { SAMPLE_SETUP, tempDir } from '../../support/web-host';

const open: Core[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

async function start(dataDir: string, clock: ManualClock): Promise<Core> {
  const core = await openCore({ dataDir, clock });
  open.push(core);
  return core;
}

async function signIn(core: Core): Promise<string> {
  const res = await core.dispatch('auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password }, { token: null });
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return (res.result as { token: string }).token;
}

async function receive(core: Core, token: string, fullName: string): Promise<{ id: string; code: string }> {
  const res = await core.dispatch('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName }, pages: 1, copies: 1 }, { token });
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.result as { id: string; code: string };
}

/** A fresh folder with the office set up, closed cleanly. */
async function initialisedFolder(clock: ManualClock): Promise<string> {
  const dataDir = tempDir('motcua-backup-');
  const core = await openCore({ dataDir, clock });
  await core.dispatch('setup.initialize', SAMPLE_SETUP, { token: null });
  core.close();
  return dataDir;
}

const settle = async (core: Core) => {
  // The start-up copy runs in the background; ensureDaily() joins the queue behind it.
  await core.services.backups.ensureDaily();
};

describe('automatic backups', () => {
  it('makes no copy of an empty, not yet set up database', async () => {
    const dataDir = tempDir('motcua-backup-');
    const core = await start(dataDir, new ManualClock('2026-11-23T09:00:00+07:00'));
    await settle(core);
    expect(core.services.backups.list()).toEqual([]);
  });

  it("takes today's verified daily copy at start, and this week's weekly copy, once", async () => {
    const clock = new ManualClock('2026-11-23T09:00:00+07:00');
    const dataDir = await initialisedFolder(clock);
    const core = await start(dataDir, clock);
    await settle(core);
    const names = core.services.backups.list().map((b) => b.name).sort();
    expect(names).toEqual(['daily-2026-11-23.sqlite', 'weekly-2026-W48.sqlite']);
    for (const n of names) {
      expect(verifyDatabaseFile(path.join(dataDir, 'backups', n), { requireCounterTables: true })).toEqual({ ok: true });
      expect(fs.existsSync(path.join(dataDir, 'backups', `${n}-wal`))).toBe(false);
    }
    const copy = new Database(path.join(dataDir, 'backups', 'daily-2026-11-23.sqlite'), { readonly: true });
    expect(copy.prepare('SELECT agency_code FROM office').get()).toEqual({ agency_code: SAMPLE_SETUP.office.agencyCode });
    copy.close();
    expect(await core.services.backups.ensureDaily()).toBeNull(); // already there
  });

  it('keeps the newest 7 daily and 4 weekly copies over 40 days', async () => {
    const clock = new ManualClock('2026-11-01T09:00:00+07:00');
    const dataDir = await initialisedFolder(clock);
    const core = await start(dataDir, clock);
    await settle(core);
    for (let day = 2; day <= 40; day++) {
      clock.set(new Date(Date.parse('2026-11-01T09:00:00+07:00') + (day - 1) * 86_400_000).toISOString());
      await core.services.backups.ensureDaily();
    }
    const list = core.services.backups.list();
    const daily = list.filter((b) => b.kind === 'daily').map((b) => b.name).sort();
    const weekly = list.filter((b) => b.kind === 'weekly').map((b) => b.name).sort();
    expect(daily).toEqual(['04', '05', '06', '07', '08', '09', '10'].map((d) => `daily-2026-12-${d}.sqlite`));
    expect(weekly).toEqual(['2026-W47', '2026-W48', '2026-W49', '2026-W50'].map((w) => `weekly-${w}.sqlite`));
  });

  it('numbers ISO weeks the way the calendar does, across a year end', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });
});

describe('backup.* rows', () => {
  it('lets an administrator take and list a copy, audited, and refuses an officer', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00+07:00');
    const core = await start(await initialisedFolder(clock), clock);
    const admin = await signIn(core);
    await core.dispatch('officers.create', { username: 'quay2', password: 'quayhai2026', fullName: 'Phạm Minh Tuấn', role: 'officer' }, { token: admin });
    const officer = (await core.dispatch('auth.login', { username: 'quay2', password: 'quayhai2026' }, { token: null })) as { ok: true; result: { token: string } };

    const made = await core.dispatch('backup.create', {}, { token: admin });
    expect(made).toMatchObject({ ok: true, result: { kind: 'manual' } });
    const listed = await core.dispatch('backup.list', {}, { token: admin });
    expect(listed.ok && (listed.result as { items: { name: string }[] }).items.map((i) => i.name)).toContain((made as { result: { name: string } }).result.name);
    expect(await core.dispatch('backup.create', {}, { token: officer.result.token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const audit = await core.dispatch('audit.list', { action: 'backup.' }, { token: admin });
    expect(audit).toMatchObject({ ok: true, result: { items: [{ action: 'backup.create', officerName: SAMPLE_SETUP.admin.fullName }] } });
  });

  it('refuses names that are not listed backups (paths, traversal, other files)', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00+07:00');
    const dataDir = await initialisedFolder(clock);
    const core = await start(dataDir, clock);
    const admin = await signIn(core);
    for (const name of ['../motcua.sqlite', '/etc/passwd', 'daily-2026-11-23.sqlite/../../motcua.sqlite', 'motcua.sqlite', 'daily-2099-01-01.sqlite']) {
      const res = await core.dispatch('backup.restore', { name }, { token: admin });
      expect(res.ok, name).toBe(false);
      expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(!res.ok && res.error.code);
    }
    expect(fs.existsSync(path.join(dataDir, 'restore-pending.sqlite'))).toBe(false);
  });
});

describe('restoring a backup', () => {
  it('brings back the copy at the next start, keeps the current data aside, renews the epoch and audits it', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00+07:00');
    const dataDir = await initialisedFolder(clock);
    const core = await start(dataDir, clock);
    const admin = await signIn(core);
    const before = await receive(core, admin, 'Nguyễn Văn An');
    const epochBefore = (core.db.$client.prepare("SELECT value FROM sync_meta WHERE key = 'device_epoch'").get() as { value: string }).value;
    const copy = await core.dispatch('backup.create', {}, { token: admin });
    const name = (copy as { result: { name: string } }).result.name;
    const after = await receive(core, admin, 'Trần Thị Bình');

    const staged = await core.dispatch('backup.restore', { name }, { token: admin });
    expect(staged).toMatchObject({ ok: true, result: { restartRequired: true, previousEpoch: JSON.parse(epochBefore) } });
    // Nothing else may write until the restart: it would be lost by the restore.
    const refused = await core.dispatch('dossiers.receive', { procedureCode: '2.000815', applicant: { fullName: 'Lê Văn Cường' } }, { token: admin });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    core.close();
    open.splice(open.indexOf(core), 1);

    const restored = await start(dataDir, clock);
    const codes = (restored.db.$client.prepare('SELECT code FROM dossier ORDER BY code').all() as { code: string }[]).map((r) => r.code);
    expect(codes).toEqual([before.code]);
    const epochAfter = (restored.db.$client.prepare("SELECT value FROM sync_meta WHERE key = 'device_epoch'").get() as { value: string }).value;
    expect(JSON.parse(epochAfter)).toBe((staged as { result: { newEpoch: string } }).result.newEpoch);
    expect(epochAfter).not.toBe(epochBefore);
    expect(verifyAudit(restored.db)).toBeNull();
    const last = restored.db.$client.prepare('SELECT action, target FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'backup.restore', target: name });
    // New work goes out under the new epoch; the restored pending ops keep theirs (the hub dedupes them by op_id).
    const token = await signIn(restored);
    const next = await receive(restored, token, 'Phạm Thị Dung');
    expect(next.code).toBe(after.code); // the number is reused locally…
    const epochs = restored.db.$client.prepare("SELECT DISTINCT device_epoch AS e FROM outbox WHERE entity_id = ?").all(next.id) as { e: string }[];
    expect(epochs.map((r) => r.e)).toEqual([JSON.parse(epochAfter)]); // …under an epoch the hub has never seen

    const saved = listBackups(path.join(dataDir, 'backups')).find((b) => b.kind === 'pre-restore');
    expect(saved).toBeDefined();
    const aside = new Database(path.join(dataDir, 'backups', saved!.name), { readonly: true });
    expect((aside.prepare('SELECT count(*) AS n FROM dossier').get() as { n: number }).n).toBe(2);
    aside.close();
    expect(fs.existsSync(path.join(dataDir, 'restore-pending.sqlite'))).toBe(false);
  });

  it('refuses a file that is not a counter database', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00+07:00');
    const dataDir = await initialisedFolder(clock);
    const core = await start(dataDir, clock);
    const admin = await signIn(core);
    const fake = path.join(dataDir, 'backups', 'manual-2026-11-23T00-00-00-000Z.sqlite');
    fs.mkdirSync(path.dirname(fake), { recursive: true });
    const other = new Database(fake);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const res = await core.dispatch('backup.restore', { name: path.basename(fake) }, { token: admin });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(fs.existsSync(path.join(dataDir, 'restore-pending.sqlite'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, DB_FILE_NAME))).toBe(true);
  });
});
