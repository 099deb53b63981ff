/**
 * Backups carry the stored files, incrementally, and a restore brings back the files its rows
 * name: a page lost from the store after the backup is there again, checked against its hash.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mirrorFiles, restoreFiles } from '../../../src-main/core/backup/file-mirror';
import { openCore, type Core } from '../../../src-main/core/core';
import { ManualClock } from '../../support/clock';
import { SAMPLE_SETUP, tempDir } from '../../support/web-host';

const open: Core[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

async function call(core: Core, name: string, input: unknown, token: string | null): Promise<any> {
  const res = await core.dispatch(name, input, { token });
  if (!res.ok) throw new Error(`${name}: ${JSON.stringify(res.error)}`);
  return res.result;
}

const item = { position: 0, name: 'Tờ khai' };

describe('backups with files', () => {
  it('links each stored file into the backups once, adds only new files on the next backup, and restores a lost page', async () => {
    const clock = new ManualClock('2026-11-23T09:00:00+07:00');
    const dataDir = tempDir('motcua-scan-backup-');
    const core = await openCore({ dataDir, clock });
    open.push(core);
    await call(core, 'setup.initialize', SAMPLE_SETUP, null);
    const admin = (await call(core, 'auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password }, null)).token as string;
    const first = (await call(core, 'scans.scan', { batch: 'b1', role: 'document', item, device: 'test' }, admin)).pages[0];
    const { name } = await call(core, 'backup.create', {}, admin);

    const mirror = path.join(dataDir, 'backups', 'files');
    const inMirror = path.join(mirror, first.sha256.slice(0, 2), first.sha256.slice(2));
    // Same drive: a hard link, so the bytes are not stored twice.
    expect(fs.statSync(inMirror).ino).toBe(fs.statSync(core.services.files.pathOf(first.sha256)).ino);
    // The next backup adds only what is new: here, nothing, then the new colour page (its black
    // thumbnail may equal the gray one's, and the same bytes are one file).
    expect(mirrorFiles(core.services.files.root, mirror)).toEqual({ added: 0, kept: 2 });
    const second = (await call(core, 'scans.scan', { batch: 'b1', role: 'document', item: { position: 1, name: 'Giấy ủy quyền' }, device: 'test', color: true }, admin)).pages[0];
    const storeCount = fs.readdirSync(core.services.files.root, { recursive: true }).filter((f) => /^[0-9a-f]{2}[\\/][0-9a-f]{62}$/.test(String(f))).length;
    expect(mirrorFiles(core.services.files.root, mirror)).toEqual({ added: storeCount - 2, kept: 2 });
    expect(fs.existsSync(path.join(mirror, second.sha256.slice(0, 2), second.sha256.slice(2)))).toBe(true);

    // The page is lost from the store; the backup is restored at the next start.
    fs.rmSync(core.services.files.pathOf(first.sha256));
    expect(core.services.files.verify(first.sha256)).toBe(false);
    await call(core, 'backup.restore', { name }, admin);
    core.close();
    open.splice(0);
    const restored = await openCore({ dataDir, clock });
    open.push(restored);
    expect(restored.services.files.verify(first.sha256)).toBe(true);
    const rows = restored.db.$client.prepare('SELECT sha256 FROM scan_page').pluck().all();
    expect(rows).toEqual([first.sha256]);
  });

  it('skips a backup file whose bytes no longer match its name', () => {
    const store = tempDir('motcua-store-');
    const mirror = tempDir('motcua-mirror-');
    const sha = 'ab'.padEnd(64, '0');
    fs.mkdirSync(path.join(mirror, 'ab'));
    fs.writeFileSync(path.join(mirror, 'ab', sha.slice(2)), 'not what the name says');
    expect(restoreFiles(mirror, store)).toEqual({ restored: 0, damaged: [sha] });
    expect(fs.existsSync(path.join(store, 'ab', sha.slice(2)))).toBe(false);
  });
});
