/**
 * `serve` as deployed, configured for S3 by its environment (HUB_S3_*): the hub process reads the
 * settings, reaches the bucket of a real S3 server (s3rver) and serves the admin's download of a
 * paper from it.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runHubCli, startHubProcess, type HubProcess } from '../../support/hub-process';
import { startTestPostgres, type TestPostgres } from '../../support/postgres';
import { startLocalS3, type LocalS3 } from '../../support/s3-server';
import { tempDir } from '../../support/web-host';
import { ADMIN, adminHeaders } from './harness';

describe('the hub process with S3 storage configured by its environment', () => {
  let pg: TestPostgres;
  let s3: LocalS3;
  let hub: HubProcess;

  beforeAll(async () => {
    [pg, s3] = await Promise.all([startTestPostgres(), startLocalS3()]);
    const env = {
      HUB_S3_ENDPOINT: s3.config.endpoint,
      HUB_S3_BUCKET: s3.config.bucket,
      HUB_S3_ACCESS_KEY_ID: s3.config.accessKeyId,
      HUB_S3_SECRET_ACCESS_KEY: s3.config.secretAccessKey,
    };
    hub = await startHubProcess(pg.url, await freePort(), { env: { ...env, HOME: tempDir('motcua-hub-home-'), XDG_DATA_HOME: tempDir('motcua-hub-data-') } });
    await runHubCli(pg.url, ['create-admin', '--username', ADMIN.username], { HUB_ADMIN_PASSWORD: ADMIN.password });
  }, 300_000);
  afterAll(async () => {
    await hub?.stop();
    s3?.store.close();
    await s3?.down();
    await pg?.stop();
  });

  it("serves the admin's download of a paper from the bucket", async () => {
    const bytes = randomBytes(200_000);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const staged = path.join(tempDir('motcua-s3-put-'), 'page.pdf');
    fs.writeFileSync(staged, bytes);
    const missing = await fetch(`${hub.url}/v1/admin/papers/${hash}`, { headers: adminHeaders });
    expect(missing.status).toBe(404);

    await s3.store.adopt(hash, staged, bytes.length);
    const download = await fetch(`${hub.url}/v1/admin/papers/${hash}`, { headers: adminHeaders });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
