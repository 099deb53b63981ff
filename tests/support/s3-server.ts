/**
 * A real S3-compatible server for the hub's object storage tests: s3rver, listening on 127.0.0.1
 * and keeping its objects in a temporary folder. It can go down and come back on the same port
 * with the same objects, as a province's storage does after an outage.
 */
import S3rver from 's3rver';
import { S3PaperStore, type S3StorageConfig } from '../../src-server/files/s3-paper-store';
import { tempDir } from './web-host';

export interface LocalS3 {
  config: S3StorageConfig;
  store: S3PaperStore;
  directory: string;
  up(): Promise<void>;
  down(): Promise<void>;
}

/** s3rver accepts these credentials (its defaults), signed by the real SDK like any S3 call. */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startLocalS3(bucket = 'ho-so-giay-to'): Promise<LocalS3> {
  const directory = tempDir('motcua-s3-');
  let server: S3rver | null = null;
  let port = 0;
  const up = async () => {
    if (server) return;
    const started = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
    ({ port } = await started.run());
    server = started;
  };
  await up();
  const config: S3StorageConfig = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: 'us-east-1',
    forcePathStyle: true,
    prefix: 'papers/',
    ...CREDENTIALS,
  };
  return {
    config,
    store: new S3PaperStore(config),
    directory,
    up,
    down: async () => {
      const stopping = server;
      server = null;
      // The SDK keeps connections alive; an outage ends them too.
      stopping?.httpServer?.closeAllConnections();
      await stopping?.close();
    },
  };
}
