/**
 * Files up from the counters (ARCHITECTURE.md §10), for enrolled devices (Bearer device token):
 *
 * - `POST /v1/files/claim`: the counter declares the pages of dossiers the hub has acknowledged;
 *   the hub records them (a device of another commune is refused page by page) and answers the
 *   hashes it still lacks, so a file shared by two dossiers or two counters is sent once.
 * - `/v1/files/tus[/<id>]`: tus resumable uploads (@tus/server). An upload is created only for a
 *   file this device claimed for a dossier of its commune; only the device that created it may
 *   resume it. When the last byte arrives the hub hashes the staged file: a mismatch is discarded
 *   and answered 460 (the counter sends the file again), a match moves into the PaperStore and
 *   then, and only then, gets its hub_file row.
 *
 * A store that cannot take the file (object storage down) leaves the upload complete in staging
 * and unacknowledged: the counter keeps the page pending and asks again (HEAD), and the hub
 * retries the store then, answering 423 (tus: "locked, retry later") while it is still down.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileStore as TusFileStore } from '@tus/file-store';
import { Server as TusServer, type Upload } from '@tus/server';
import type { FastifyInstance } from 'fastify';
import {
  FILES_CLAIM_PATH,
  FILES_TUS_PATH,
  HASH_MISMATCH_CODE,
  HASH_MISMATCH_STATUS,
  MAX_UPLOAD_BYTES,
  claimRequestSchema,
  sha256HexSchema,
  uploadMetadataSchema,
  type ClaimResponse,
} from '@shared/sync/files';
import { authenticateAdmin } from '../auth/admin-auth';
import { authenticateDevice, authenticateDeviceToken, bearerFromHeader, type AuthedDevice } from '../auth/device-auth';
import type { Clock } from '../clock';
import type { HubDb } from '../db/types';
import { HubError, badRequest, forbidden, notFound } from '../errors';
import type { PaperStore } from '../files/paper-store';
import { claimPages, hasFile, mayUpload, recordStoredFile } from '../files/papers';
import { removeAbandonedUploads } from '../files/staged-uploads';

export interface FileRoutesOptions {
  store: PaperStore;
  /** Where tus keeps uploads in progress (on the hub's disk whatever the PaperStore is). */
  stagingDir: string;
  limit: { max: number; timeWindow: number };
  /** Unfinished uploads idle longer than this are removed (files/staged-uploads.ts). */
  stagedMaxAgeMs: number;
}

const STAGED_CLEANUP_EVERY_MS = 3600_000;
const STORE_UNAVAILABLE = 'Kho lưu trữ tệp của hệ thống tỉnh tạm thời không dùng được; tệp đã nhận đủ được giữ lại, máy xã sẽ hỏi lại sau.';

/** A refusal in the form @tus/server sends, with the hub's JSON error body. */
function tusRefusal(status: number, code: string, message: string): { status_code: number; body: string } {
  return { status_code: status, body: JSON.stringify({ ok: false, error: { code, message } }) };
}

function asTusRefusal(err: unknown): { status_code: number; body: string } {
  if (err instanceof HubError) return tusRefusal(err.statusCode, err.code, err.message);
  throw err;
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

export function registerFileRoutes(app: FastifyInstance, db: HubDb, clock: Clock, options: FileRoutesOptions): void {
  app.post(FILES_CLAIM_PATH, { config: { rateLimit: options.limit } }, async (request): Promise<ClaimResponse> => {
    const device = await authenticateDevice(db, request);
    const parsed = claimRequestSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(parsed.error, 'Danh sách giấy tờ gửi lên không hợp lệ.');
    if (parsed.data.deviceId !== device.id) throw forbidden('Mã thiết bị không khớp với mã truy cập.');
    const now = clock.now();
    const answer = await claimPages(db, device, parsed.data.pages, now);
    return { ...answer, serverTime: now.toISOString() };
  });

  const staging = new TusFileStore({ directory: options.stagingDir });
  // Each request authenticates once; the hooks of the same request reuse the answer.
  const devices = new WeakMap<Request, AuthedDevice>();
  const deviceOf = async (req: Request): Promise<AuthedDevice> => {
    const known = devices.get(req);
    if (known) return known;
    const device = await authenticateDeviceToken(db, bearerFromHeader(req.headers.get('authorization')));
    devices.set(req, device);
    return device;
  };

  /** Verified uploads whose staged copy goes once the answer is sent (a store holding its own copy). */
  const releaseAfterAnswer = new Set<string>();

  /** The last byte has arrived: check the hash, hand the file to the store, then record it. */
  async function finishUpload(upload: Upload, deviceId: string): Promise<void> {
    const declared = String(upload.metadata?.sha256 ?? '');
    const staged = path.join(options.stagingDir, upload.id);
    const actual = await sha256OfFile(staged);
    if (actual !== declared) {
      await staging.remove(upload.id);
      app.log.warn({ uploadId: upload.id, deviceId }, 'upload discarded: its bytes do not match the declared SHA-256');
      throw tusRefusal(HASH_MISMATCH_STATUS, HASH_MISMATCH_CODE, 'Tệp nhận được không khớp mã băm khai báo; tệp bị loại, máy xã sẽ gửi lại.');
    }
    const size = upload.size ?? 0;
    try {
      await options.store.adopt(actual, staged, size);
    } catch (err) {
      app.log.error(
        { err, uploadId: upload.id, deviceId, sha256: actual, store: options.store.kind },
        'paper store unavailable: the verified upload stays staged and is not acknowledged; the counter will ask again',
      );
      throw tusRefusal(503, 'storage_unavailable', STORE_UNAVAILABLE);
    }
    await recordStoredFile(db, { sha256: actual, size, storage: options.store.kind, uploadedBy: deviceId, storedAt: clock.now() });
    // The filesystem store's copy is a hard link of the staged file (no space to win), and keeping
    // it lets a counter whose last answer was lost see the upload complete. Another store holds
    // its own copy, confirmed by adopt: the staged one is released.
    if (options.store.kind !== 'fs') releaseAfterAnswer.add(upload.id);
  }

  async function releaseStaged(uploadId: string): Promise<void> {
    try {
      await fs.rm(path.join(options.stagingDir, uploadId), { force: true });
      await fs.rm(path.join(options.stagingDir, `${uploadId}.json`), { force: true });
    } catch (err) {
      app.log.warn({ err, uploadId }, 'staged copy of a stored upload not removed; the next cleanup leaves it (it is complete)');
    }
  }

  const tus = new TusServer({
    path: FILES_TUS_PATH,
    datastore: staging,
    maxSize: MAX_UPLOAD_BYTES,
    relativeLocation: true,
    // Uploads in progress are never removed by a client: a cut upload is resumed, not restarted.
    disableTerminationForFinishedUploads: true,
    async onIncomingRequest(req, uploadId) {
      try {
        const device = await deviceOf(req);
        if (req.method === 'GET' || req.method === 'DELETE') {
          throw forbidden('Thiết bị chỉ được gửi tệp lên, không tải về hay xóa.');
        }
        if (req.method === 'HEAD' || req.method === 'PATCH') {
          const upload = await staging.getUpload(uploadId);
          if (upload.metadata?.deviceId !== device.id) throw forbidden('Lượt tải lên này không phải của thiết bị này.');
          const complete = upload.size !== undefined && upload.offset === upload.size;
          if (req.method === 'HEAD' && complete && !(await hasFile(db, String(upload.metadata?.sha256 ?? '')))) {
            // Complete but never stored (the store was down at its last byte): store it now, or
            // answer "locked" so the counter retries later instead of taking it as delivered.
            await finishUpload(upload, device.id).catch((err: unknown) => {
              const refusal = err as { status_code?: number };
              throw refusal.status_code === 503 ? tusRefusal(423, 'storage_unavailable', STORE_UNAVAILABLE) : err;
            });
          }
        }
      } catch (err) {
        if (typeof (err as { status_code?: unknown }).status_code === 'number') throw err;
        throw asTusRefusal(err);
      }
    },
    async onUploadCreate(req, upload: Upload) {
      try {
        const device = await deviceOf(req);
        const meta = uploadMetadataSchema.safeParse(upload.metadata ?? {});
        if (!meta.success) throw badRequest(meta.error, 'Thông tin tệp gửi lên không hợp lệ.');
        if (!(await mayUpload(db, device, meta.data.dossierId, meta.data.sha256))) {
          throw forbidden('Thiết bị chỉ được gửi tệp của hồ sơ thuộc xã mình, sau khi đã khai báo trang giấy tờ.');
        }
        return { metadata: { ...upload.metadata, deviceId: device.id } };
      } catch (err) {
        throw asTusRefusal(err);
      }
    },
    async onUploadFinish(req, upload: Upload) {
      const device = await deviceOf(req);
      await finishUpload(upload, device.id);
      return {};
    },
  });

  // The admin page's download of a stored paper (listed by the `dossiers.papers` admin row).
  app.get('/v1/admin/papers/:sha256', async (request, reply) => {
    await authenticateAdmin(db, request, clock);
    const sha256 = sha256HexSchema.safeParse((request.params as { sha256?: unknown }).sha256);
    if (!sha256.success) throw badRequest(sha256.error, 'Mã tệp không hợp lệ.');
    const stream = await options.store.open(sha256.data).catch((err: unknown) => {
      app.log.error({ err, sha256: sha256.data, store: options.store.kind }, 'paper store unavailable for a download');
      throw new HubError(503, 'storage_unavailable', 'Kho lưu trữ tệp của hệ thống tỉnh tạm thời không dùng được; thử lại sau.');
    });
    if (!stream) throw notFound('Hệ thống tỉnh chưa nhận được tệp này.');
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${sha256.data.slice(0, 16)}.pdf"`).send(stream);
  });

  // tus reads the body itself: leave upload bodies unparsed and the reply to tus.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
  const handOver = { config: { rateLimit: options.limit } };
  for (const url of [FILES_TUS_PATH, `${FILES_TUS_PATH}/*`]) {
    app.all(url, handOver, async (request, reply) => {
      reply.hijack();
      const uploadId = request.url.split('?')[0]!.split('/').pop() ?? '';
      try {
        await tus.handle(request.raw, reply.raw);
      } finally {
        // Also when the answer could not be sent: the file is in the store and recorded.
        if (releaseAfterAnswer.delete(uploadId)) await releaseStaged(uploadId);
      }
    });
  }

  let cleanupTimer: NodeJS.Timeout | undefined;
  const cleanStaging = async () => {
    try {
      const { removed, unreadable } = await removeAbandonedUploads(options.stagingDir, clock.now(), options.stagedMaxAgeMs);
      if (removed.length > 0) app.log.info({ removed }, 'removed unfinished uploads idle past the staging age limit');
      if (unreadable.length > 0) app.log.warn({ unreadable }, 'staging folder holds upload records this hub cannot read; left in place');
    } catch (err) {
      app.log.error({ err }, 'cleanup of unfinished uploads failed; it runs again within the hour');
    }
  };
  app.addHook('onReady', async () => {
    await cleanStaging();
    cleanupTimer = setInterval(() => void cleanStaging(), STAGED_CLEANUP_EVERY_MS);
    cleanupTimer.unref();
  });
  app.addHook('onClose', async () => clearInterval(cleanupTimer));
}

