/** The hub's S3 settings from its environment: absent means the disk, half-filled is refused at start. */
import { describe, expect, it } from 'vitest';
import { s3StorageFromEnv } from '../../../src-server/files/s3-paper-store';

const FULL = {
  HUB_S3_ENDPOINT: 'http://minio.so-tttt.local:9000',
  HUB_S3_BUCKET: 'ho-so-giay-to',
  HUB_S3_ACCESS_KEY_ID: 'mot-cua-hub',
  HUB_S3_SECRET_ACCESS_KEY: 'bi-mat-du-dai',
};

describe('S3 storage settings of the hub', () => {
  it('is off when no HUB_S3_ variable is set (papers stay on the disk)', () => {
    expect(s3StorageFromEnv({ PATH: '/usr/bin', HUB_S3_REGION: '' })).toBeNull();
  });

  it('reads a full configuration, path-style and region defaulted for a local server', () => {
    expect(s3StorageFromEnv(FULL)).toEqual({
      endpoint: FULL.HUB_S3_ENDPOINT,
      bucket: FULL.HUB_S3_BUCKET,
      accessKeyId: FULL.HUB_S3_ACCESS_KEY_ID,
      secretAccessKey: FULL.HUB_S3_SECRET_ACCESS_KEY,
      region: 'us-east-1',
      forcePathStyle: true,
      prefix: 'papers/',
    });
    expect(s3StorageFromEnv({ ...FULL, HUB_S3_PATH_STYLE: '0', HUB_S3_REGION: 'ap-southeast-1', HUB_S3_PREFIX: 'tinh/' })).toMatchObject({
      forcePathStyle: false,
      region: 'ap-southeast-1',
      prefix: 'tinh/',
    });
  });

  it('refuses a half-filled or malformed configuration, naming the variables to fix', () => {
    const { HUB_S3_SECRET_ACCESS_KEY: _secret, ...missingSecret } = FULL;
    expect(() => s3StorageFromEnv(missingSecret)).toThrow(/HUB_S3_SECRET_ACCESS_KEY/);
    expect(() => s3StorageFromEnv({ ...FULL, HUB_S3_ENDPOINT: 'ftp://kho', HUB_S3_BUCKET: 'Ho So' })).toThrow(/HUB_S3_ENDPOINT, HUB_S3_BUCKET/);
  });
});
