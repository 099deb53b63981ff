/**
 * The shipped catalog at each start (CatalogService.ensureSeeded): stored on the first start, left
 * alone while its version is the one stored, stored again (validated) when a new version ships.
 * A start no longer validates the whole shipped file only to find it is already stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src-main/core/core';
import { REPO_ROOT, tempDir } from '../../support/web-host';
import { runningClock } from '../../support/clock';

const SHIPPED = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'assets', 'seed', 'catalog.json'), 'utf8')) as { version: string; procedures: unknown[] };

const opened: Core[] = [];
afterEach(() => {
  for (const core of opened.splice(0)) core.close();
});

/** An assets folder whose seed catalog is `catalog` (the rest as shipped). */
function assetsWith(catalog: unknown): string {
  const dir = tempDir('motcua-assets-');
  fs.cpSync(path.join(REPO_ROOT, 'assets', 'seed'), path.join(dir, 'seed'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'seed', 'catalog.json'), JSON.stringify(catalog));
  return dir;
}

async function start(dataDir: string, assetsDir: string): Promise<Core> {
  const core = await openCore({ dataDir, assetsDir, clock: runningClock() });
  opened.push(core);
  return core;
}

function stop(core: Core): void {
  opened.splice(opened.indexOf(core), 1);
  core.close();
}

describe('shipped catalog at start', () => {
  it('is stored on the first start and left alone while its version is the stored one', async () => {
    const dataDir = tempDir('motcua-seed-');
    const first = await start(dataDir, assetsWith(SHIPPED));
    expect(first.services.catalog.versions().map((v) => [v.version, v.origin])).toEqual([[SHIPPED.version, 'seed']]);
    stop(first);

    // Same version, a body that would not validate: a start reads the version only and stores nothing.
    const again = await start(dataDir, assetsWith({ ...SHIPPED, procedures: 'not a list' }));
    expect(again.services.catalog.versions()).toHaveLength(1);
    expect(again.services.catalog.current().procedures).toHaveLength(SHIPPED.procedures.length);
  });

  it('a newly shipped version is validated, then stored', async () => {
    const dataDir = tempDir('motcua-seed-');
    stop(await start(dataDir, assetsWith(SHIPPED)));

    await expect(start(dataDir, assetsWith({ ...SHIPPED, version: `${SHIPPED.version}-moi`, procedures: 'not a list' }))).rejects.toMatchObject({ code: 'CATALOG_INVALID' });

    const upgraded = await start(dataDir, assetsWith({ ...SHIPPED, version: `${SHIPPED.version}-moi` }));
    expect(upgraded.services.catalog.versions().map((v) => v.version)).toEqual([`${SHIPPED.version}-moi`, SHIPPED.version]);
    expect(upgraded.services.catalog.currentVersion()).toBe(`${SHIPPED.version}-moi`);
  });
});
