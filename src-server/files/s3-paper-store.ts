/**
 * Verified papers in S3-compatible object storage (a province's own MinIO, Ceph, or a cloud
 * bucket), named by SHA-256 like the filesystem store: `<prefix>ab/cdef…`. tus still stages
 * uploads on the hub's disk; only a whole, verified file is put here, and the hub forgets its
 * staged copy only after this store has confirmed the object (routes/files.ts).
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { HubError } from '../errors';
import type { PaperStore } from './paper-store';

export const s3StorageConfigSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }),
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'tên bucket S3 không hợp lệ'),
  region: z.string().min(1).default('us-east-1'),
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  /** Path-style URLs (`endpoint/bucket/key`): what local servers (MinIO, s3rver) expect. */
  forcePathStyle: z.boolean().default(true),
  prefix: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/).default('papers/'),
});
export type S3StorageConfig = z.infer<typeof s3StorageConfigSchema>;

const ENV_NAMES = {
  endpoint: 'HUB_S3_ENDPOINT',
  bucket: 'HUB_S3_BUCKET',
  region: 'HUB_S3_REGION',
  accessKeyId: 'HUB_S3_ACCESS_KEY_ID',
  secretAccessKey: 'HUB_S3_SECRET_ACCESS_KEY',
  forcePathStyle: 'HUB_S3_PATH_STYLE',
  prefix: 'HUB_S3_PREFIX',
} as const;

/**
 * The S3 settings from the hub's environment, or null when none is set (files stay on disk).
 * A half-filled configuration is an error at start, never a silent fall back to the disk.
 */
export function s3StorageFromEnv(env: NodeJS.ProcessEnv): S3StorageConfig | null {
  const given = Object.entries(ENV_NAMES).filter(([, name]) => env[name] !== undefined && env[name] !== '');
  if (given.length === 0) return null;
  const raw = Object.fromEntries(given.map(([key, name]) => [key, key === 'forcePathStyle' ? env[name] !== '0' : env[name]]));
  const parsed = s3StorageConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ENV_NAMES[i.path[0] as keyof typeof ENV_NAMES] ?? String(i.path[0]));
  throw new HubError(2, 'bad_s3_config', `Cấu hình lưu trữ S3 chưa đủ hoặc sai: ${[...new Set(fields)].join(', ')}.`);
}

export class S3PaperStore implements PaperStore {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(readonly config: S3StorageConfig) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // The SDK's default (since 3.729) sends streamed bodies aws-chunked with a trailing CRC32;
      // S3-compatible servers that do not know that encoding store the chunk framing as the
      // object's bytes (s3rver 3.7.1 did). The hub checks the object's length itself (adopt).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // The hub's own retry is the counter's: an upload that fails here is not acknowledged.
      maxAttempts: 2,
    });
  }

  keyOf(sha256: string): string {
    return `${this.config.prefix}${sha256.slice(0, 2)}/${sha256.slice(2)}`;
  }

  async adopt(sha256: string, stagedPath: string, size: number): Promise<void> {
    if ((await this.sizeOf(sha256)) === size) return; // the same bytes, verified by another upload
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.keyOf(sha256),
        Body: createReadStream(stagedPath),
        ContentLength: size,
        ContentType: 'application/pdf',
        Metadata: { sha256 },
      }),
    );
    // Only what the store answers afterwards counts: the staged copy is released on this.
    const stored = await this.sizeOf(sha256);
    if (stored !== size) throw new Error(`S3 holds ${stored ?? 'no'} bytes for ${sha256}, expected ${size}`);
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.sizeOf(sha256)) !== null;
  }

  async open(sha256: string): Promise<Readable | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) }));
      return object.Body instanceof Readable ? object.Body : null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  private async sizeOf(sha256: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) }));
      return head.ContentLength ?? null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  close(): void {
    this.client.destroy();
  }
}

function isMissing(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404);
}
