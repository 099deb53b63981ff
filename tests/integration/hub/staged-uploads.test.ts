/**
 * Cleanup of uploads the hub never completed. Staged uploads are made by the real tus FileStore
 * (its folder layout, its `.json` records); the hub's clock is set by the test and each file's
 * last write is placed relative to it, so no result depends on the day the test runs.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src-server/app';
import { DEFAULT_STAGED_MAX_AGE_MS, removeAbandonedUploads } from '../../../src-server/files/staged-uploads';
import { ManualClock, TEST_INSTANT } from '../../support/clock';
import { tempDir } from '../../support/web-host';
import { openBackend, type Backend } from './harness';

const DAY = 24 * 3600_000;
const now = new Date(TEST_INSTANT);

/** A staged upload of `size` bytes with `received` of them written, last written `idleMs` before `now`. */
async function stage(dir: string, id: string, size: number, received: number, idleMs: number): Promise<void> {
  const store = new FileStore({ directory: dir });
  await store.create(new Upload({ id, size, offset: 0, metadata: { sha256: 'a'.repeat(64), dossierId: id } }));
  if (received > 0) await store.write(Readable.from([randomBytes(received)]), id, 0);
  const at = new Date(now.getTime() - idleMs);
  fs.utimesSync(path.join(dir, id), at, at);
  fs.utimesSync(path.join(dir, `${id}.json`), at, at);
}

const present = (dir: string) => fs.readdirSync(dir).sort();

describe('staged uploads the hub never completed', () => {
  it('removes unfinished uploads idle past the age, keeps young ones and every complete one', async () => {
    const dir = tempDir('motcua-staging-');
    await stage(dir, 'old-partial', 1000, 400, 8 * DAY);
    await stage(dir, 'old-empty', 1000, 0, 30 * DAY);
    await stage(dir, 'young-partial', 1000, 400, 6 * DAY);
    // Complete but older than the age (e.g. waiting for object storage to come back): kept.
    await stage(dir, 'old-complete', 1000, 1000, 90 * DAY);
    fs.writeFileSync(path.join(dir, 'foreign.json'), '{ not json');

    const result = await removeAbandonedUploads(dir, now, DEFAULT_STAGED_MAX_AGE_MS);

    expect(result.removed.sort()).toEqual(['old-empty', 'old-partial']);
    expect(result.unreadable).toEqual(['foreign.json']);
    expect(present(dir)).toEqual(['foreign.json', 'old-complete', 'old-complete.json', 'young-partial', 'young-partial.json']);
    expect(fs.statSync(path.join(dir, 'old-complete')).size).toBe(1000);
  });

  it('reckons the age by the clock it is given: the same files a day later', async () => {
    const dir = tempDir('motcua-staging-');
    await stage(dir, 'partial', 1000, 10, 6.5 * DAY);
    expect((await removeAbandonedUploads(dir, now, DEFAULT_STAGED_MAX_AGE_MS)).removed).toEqual([]);
    expect((await removeAbandonedUploads(dir, new Date(now.getTime() + DAY), DEFAULT_STAGED_MAX_AGE_MS)).removed).toEqual(['partial']);
    expect(present(dir)).toEqual([]);
  });

  it('treats a staging folder that does not exist yet as empty', async () => {
    expect(await removeAbandonedUploads(path.join(tempDir('motcua-staging-'), 'incoming'), now, DAY)).toEqual({ removed: [], unreadable: [] });
  });

  describe('run by the hub when it starts, with its configured age', () => {
    let backend: Backend;
    beforeAll(async () => {
      backend = await openBackend('postgresql');
    }, 300_000);
    afterAll(async () => backend?.dispose());

    it('a hub set to keep unfinished uploads two days removes the three-day-old one at start', async () => {
      const filesDir = tempDir('motcua-hub-files-');
      const incoming = path.join(filesDir, 'incoming');
      fs.mkdirSync(incoming);
      await stage(incoming, 'three-days', 500, 100, 3 * DAY);
      await stage(incoming, 'one-day', 500, 100, 1 * DAY);
      await stage(incoming, 'done-long-ago', 500, 500, 60 * DAY);
      const app = await buildApp({ database: backend.database, logger: false, clock: new ManualClock(TEST_INSTANT), files: { dir: filesDir, stagedMaxAgeMs: 2 * DAY } });
      try {
        await app.ready();
        expect(present(incoming)).toEqual(['done-long-ago', 'done-long-ago.json', 'one-day', 'one-day.json']);
      } finally {
        await app.close();
      }
    });
  });
});
