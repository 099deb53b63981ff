/**
 * Files up (ARCHITECTURE.md §10, src-shared/sync/files.ts): the digitised pages of dossiers the
 * hub has acknowledged go up after the ops, in a pass of their own.
 *
 * 1. Pages whose dossier's `dossier.upsert` the hub has answered, and that are not yet uploaded,
 *    are declared to the hub in claims of ≤ 200; the hub records them and answers the hashes it
 *    lacks. Pages whose file the hub already holds are done at once: a file shared by two
 *    dossiers, or sent by another counter, goes up once.
 * 2. Each missing file goes through tus (tus-js-client), read from the FileStore after checking
 *    its hash here. The upload's URL is written to `file_upload` as soon as the hub gives it, so a
 *    cut, a crash or a restart resumes from the offset the hub holds (tus HEAD), never from zero.
 * 3. A file the hub refuses for its hash (460: bytes damaged on the way) is sent again from the
 *    start once in the same pass; the hub discarded the bad copy.
 *
 * The upload stream is throttled to the bandwidth cap setting (throttle.ts). Progress (files
 * waiting, bytes sent of the total, the current file) is reported for Đồng bộ.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { HttpRequest, HttpStack } from 'tus-js-client';

/** tus-js-client, loaded at the first file to send: a host start (sign-in first) does not need it. */
type Tus = typeof import('tus-js-client');
import { FILES_TUS_PATH, HASH_MISMATCH_STATUS, MAX_PAGES_PER_CLAIM, type ClaimedPage, type ClaimRequest } from '@shared/sync/files';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import type { FileStore } from '../files/store';
import { HubCallError, type HubClient } from './hub-client';
import { ThrottleStream, type RateSource } from './throttle';

export interface FileUploadProgress {
  /** Files still to send in this pass (after deduplication). */
  waiting: number;
  bytesSent: number;
  bytesTotal: number;
  current: { sha256: string; itemName: string; dossierCode: string; bytesSent: number; size: number } | null;
  /** Pages the hub refused (another commune's dossier): listed, never silently dropped. */
  refused: number;
}

export interface FileUploadContext {
  db: CounterDb;
  clock: Clock;
  files: FileStore;
  hubUrl: string;
  client: HubClient;
  token: string;
  deviceId: string;
  /** The bandwidth cap in bytes per second, read as the upload runs; null for none. */
  rate: RateSource;
  /** Bytes per PATCH (see bench/scans.ts for why this size). */
  chunkSize?: number;
  /** Files sent at once (default 2). */
  concurrency?: number;
  /** Waits between tus's own retries after a cut, in ms. */
  retryDelays?: number[];
  /**
   * Aborted when sync stops (core closing): no new file starts, the requests in flight end, and
   * the pass rejects with the signal's reason. The uploads stay pending with their URL, so the
   * next pass resumes each from the hub's offset.
   */
  signal?: AbortSignal;
  onProgress?(progress: FileUploadProgress): void;
}

export type FileUploadOutcome = { uploaded: number; deduplicated: number; refused: number; bytes: number };

/**
 * 1 MiB per PATCH. The hub keeps every byte it received before a cut and the counter resumes from
 * its offset, so a cut costs only the bytes in flight (tens of kB on ADSL), not a chunk; the size
 * only sets how many round trips a long PDF costs. A page PDF (~0.1–0.5 MB) is one PATCH; 1 MiB
 * keeps a round trip under 5 % of a request's time at 8 Mbit/s. bench/scans-upload.ts measures it.
 */
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
const DEFAULT_CONCURRENCY = 2;
const DEFAULT_RETRY_DELAYS = [0, 1_000, 3_000, 5_000, 10_000];

interface PendingPage extends ClaimedPage {
  dossierCode: string;
  uploadUrl: string | null;
}

const PENDING_PAGES_SQL = `
  SELECT p.id AS pageId, p.dossier_id AS dossierId, p.sha256, p.size, p.role,
         p.item_position AS itemPosition, p.item_name AS itemName, p.seq,
         d.code AS dossierCode, u.upload_url AS uploadUrl
  FROM scan_page p
  JOIN dossier d ON d.id = p.dossier_id
  LEFT JOIN file_upload u ON u.page_id = p.id
  WHERE (u.state IS NULL OR u.state = 'pending')
    AND EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = p.dossier_id AND o.op_type = 'dossier.upsert' AND o.state IN ('applied', 'duplicate'))
  ORDER BY p.added_at, p.id
  LIMIT ?`;

/** Pages waiting to go up (their dossier acknowledged, the file not yet at the hub). */
export function pendingFileCount(db: CounterDb): number {
  const row = db.$client
    .prepare(
      `SELECT count(*) AS n FROM scan_page p LEFT JOIN file_upload u ON u.page_id = p.id
       WHERE p.dossier_id IS NOT NULL AND (u.state IS NULL OR u.state = 'pending')`,
    )
    .get() as { n: number };
  return row.n;
}

export async function uploadPendingFiles(ctx: FileUploadContext): Promise<FileUploadOutcome> {
  const outcome: FileUploadOutcome = { uploaded: 0, deduplicated: 0, refused: 0, bytes: 0 };
  const seenRefused = new Set<string>();
  // Pages refused by the hub stay pending (they are retried next pass); within a pass the loop
  // moves past them by offset so it always ends.
  let offset = 0;
  for (;;) {
    ctx.signal?.throwIfAborted();
    const pages = (
      ctx.db.$client.prepare(`${PENDING_PAGES_SQL} OFFSET ?`).all(MAX_PAGES_PER_CLAIM, offset) as (PendingPage & { role: 'document' | 'result' })[]
    );
    if (pages.length === 0) return outcome;
    const answer = await claim(ctx, pages);
    const refusedIds = new Set(answer.refused.map((r) => r.pageId));
    const at = ctx.clock.now().toISOString();
    for (const r of answer.refused) {
      if (!seenRefused.has(r.pageId)) outcome.refused += 1;
      seenRefused.add(r.pageId);
      upsertState(ctx.db, pages.find((p) => p.pageId === r.pageId)!, 'pending', { lastError: `${r.code}: ${r.message}`, at });
    }
    offset += refusedIds.size;
    const missing = new Set(answer.missing);
    const accepted = pages.filter((p) => !refusedIds.has(p.pageId));
    for (const page of accepted.filter((p) => !missing.has(p.sha256))) {
      upsertState(ctx.db, page, 'uploaded', { at });
      outcome.deduplicated += 1;
    }
    const toSend = [...missing].map((sha) => accepted.find((p) => p.sha256 === sha)!).filter(Boolean);
    const progress: FileUploadProgress = {
      waiting: toSend.length,
      bytesSent: 0,
      bytesTotal: toSend.reduce((n, p) => n + p.size, 0),
      current: null,
      refused: seenRefused.size,
    };
    ctx.onProgress?.(progress);
    const inFlight = new Map<string, number>();
    const report = () => {
      progress.bytesSent = doneBytes + [...inFlight.values()].reduce((n, b) => n + b, 0);
      ctx.onProgress?.(progress);
    };
    let doneBytes = 0;
    let next = 0;
    // Two files at a time: while one waits for its round trips and the hub's hash check, the other
    // keeps the line busy (bench/scans-upload.ts measured one at a time well under 90 % of 8 Mbit/s).
    let failed = false;
    const worker = async () => {
      while (next < toSend.length && !failed) {
        ctx.signal?.throwIfAborted();
        const page = toSend[next++]!;
        inFlight.set(page.sha256, 0);
        progress.current = { sha256: page.sha256, itemName: page.itemName, dossierCode: page.dossierCode, bytesSent: 0, size: page.size };
        const current = progress.current;
        try {
          await sendFile(ctx, page, (sent) => {
            inFlight.set(page.sha256, sent);
            current.bytesSent = sent;
            report();
          });
        } catch (err) {
          failed = true; // the other file in flight finishes; no new one starts
          throw err;
        }
        inFlight.delete(page.sha256);
        doneBytes += page.size;
        progress.waiting -= 1;
        const doneAt = ctx.clock.now().toISOString();
        for (const same of accepted.filter((p) => p.sha256 === page.sha256)) upsertState(ctx.db, same, 'uploaded', { at: doneAt });
        outcome.uploaded += 1;
        outcome.bytes += page.size;
        report();
      }
    };
    // allSettled: the pass ends only when no upload is still writing its row.
    const results = await Promise.allSettled(Array.from({ length: Math.min(ctx.concurrency ?? DEFAULT_CONCURRENCY, toSend.length) }, worker));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    progress.current = null;
    ctx.onProgress?.(progress);
  }
}

async function claim(ctx: FileUploadContext, pages: PendingPage[]) {
  const body: ClaimRequest = {
    deviceId: ctx.deviceId,
    pages: pages.map(({ pageId, dossierId, sha256, size, role, itemPosition, itemName, seq }) => ({ pageId, dossierId, sha256, size, role, itemPosition, itemName, seq })),
  };
  return (await ctx.client.claimFiles(ctx.token, body)).body;
}

function networkError(err: unknown): HubCallError {
  if (err instanceof HubCallError) return err;
  return new HubCallError('network', 'network', 'Không kết nối được với hệ thống tỉnh để gửi tệp; sẽ gửi tiếp từ chỗ đã dừng.');
}

async function sendFile(ctx: FileUploadContext, page: PendingPage, onSent: (bytes: number) => void): Promise<void> {
  // A damaged local copy is never sent: the hub would refuse it, and the officer must know.
  if (!ctx.files.verify(page.sha256)) {
    upsertState(ctx.db, page, 'pending', { lastError: 'Tệp trên máy này bị hỏng hoặc mất (mã băm không khớp); chạy kiểm tra dữ liệu.', at: ctx.clock.now().toISOString() });
    throw new HubCallError('refused', 'local_file_damaged', `Trang giấy tờ của hồ sơ ${page.dossierCode} bị hỏng trên máy này; không gửi được.`);
  }
  const tus: Tus = await import('tus-js-client');
  for (let attempt = 1; ; attempt++) {
    try {
      await tusUpload(tus, ctx, page, onSent);
      return;
    } catch (err) {
      ctx.signal?.throwIfAborted();
      const status = err instanceof tus.DetailedError ? err.originalResponse?.getStatus() : undefined;
      const at = ctx.clock.now().toISOString();
      if (status === HASH_MISMATCH_STATUS && attempt < 2) {
        // The hub discarded the damaged copy: start a new upload from byte zero.
        upsertState(ctx.db, page, 'pending', { uploadUrl: null, lastError: 'Tệp đến hệ thống tỉnh bị sai lệch; đang gửi lại.', at, attempt: true });
        page.uploadUrl = null;
        continue;
      }
      if (status === 404 || status === 410) {
        // The hub no longer has the upload (expired): forget it; the next pass starts a new one.
        upsertState(ctx.db, page, 'pending', { uploadUrl: null, at });
      }
      if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
        throw new HubCallError(status === 401 || status === 403 ? 'unauthorized' : 'refused', `http_${status}`, 'Hệ thống tỉnh không nhận tệp giấy tờ; sẽ thử lại sau.', status);
      }
      throw networkError(err);
    }
  }
}

function tusUpload(tus: Tus, ctx: FileUploadContext, page: PendingPage, onSent: (bytes: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const upload: InstanceType<Tus['Upload']> = new tus.Upload(fs.createReadStream(ctx.files.pathOf(page.sha256)) as never, {
      endpoint: `${ctx.hubUrl}${FILES_TUS_PATH}`,
      uploadUrl: page.uploadUrl,
      uploadSize: page.size,
      chunkSize: ctx.chunkSize ?? DEFAULT_CHUNK_SIZE,
      retryDelays: ctx.retryDelays ?? DEFAULT_RETRY_DELAYS,
      metadata: { sha256: page.sha256, dossierId: page.dossierId },
      headers: { authorization: `Bearer ${ctx.token}` },
      // No data on the creation request: a cut during it would lose the bytes sent with it (the
      // counter learns the upload's URL only from its answer); the second round trip is hidden
      // by the other file in flight.
      // The URL is kept in file_upload (below), not in tus-js-client's own store.
      storeFingerprintForResuming: false,
      httpStack: new ThrottledHttpStack(new tus.DefaultHttpStack({}), ctx.rate),
      onUploadUrlAvailable() {
        page.uploadUrl = upload.url;
        upsertState(ctx.db, page, 'pending', { uploadUrl: upload.url, at: ctx.clock.now().toISOString() });
      },
      onProgress: (sent) => onSent(sent),
      onChunkComplete(_chunk, accepted) {
        ctx.db.$client.prepare('UPDATE file_upload SET bytes_sent = ? WHERE page_id = ?').run(accepted, page.pageId);
      },
      onSuccess: () => settle(resolve),
      onError: (err) => settle(() => reject(err)),
    });
    const { signal } = ctx;
    function settle(end: () => void) {
      signal?.removeEventListener('abort', onAbort);
      end();
    }
    // Sync stopping ends the request in flight (tus forgets it; the URL stays in file_upload).
    function onAbort() {
      settle(() => {
        void upload.abort();
        reject(signal!.reason);
      });
    }
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    upload.start();
  });
}

/** tus-js-client's Node HTTP stack with each request body passed through the bandwidth cap. */
export class ThrottledHttpStack implements HttpStack {
  constructor(
    private readonly inner: HttpStack,
    private readonly rate: RateSource,
  ) {}

  getName(): string {
    return 'ThrottledNodeHttpStack';
  }

  createRequest(method: string, url: string): HttpRequest {
    const request = this.inner.createRequest(method, url);
    const send = request.send.bind(request);
    const abort = request.abort.bind(request);
    let streams: Readable[] = [];
    // An aborted request (tus after a cut, or sync stopping) ends its file read and the cap's waits
    // too: nothing goes on reading the file, or the setting from a closing database, for it.
    request.abort = () => {
      for (const stream of streams) stream.destroy();
      return abort();
    };
    request.send = (body: unknown) => {
      if (!(body instanceof Readable)) return send(body);
      const throttled = new ThrottleStream(this.rate);
      streams = [body, throttled];
      // pipe() forwards no errors, and an 'error' nobody listens to ends the process. A body that
      // cannot be sent (the file unreadable, or the rate unreadable because core closed under the
      // upload) ends this request instead: tus reports it and the page is sent again later.
      // `on`, not `once`: a second error from a stream already failing must find a listener too.
      return new Promise((resolve, reject) => {
        // The abort (above) also destroys both streams.
        const fail = (err: Error) => {
          void request.abort();
          reject(err);
        };
        body.on('error', fail);
        throttled.on('error', fail);
        send(body.pipe(throttled)).then(resolve, reject);
      });
    };
    return request;
  }
}

function upsertState(
  db: CounterDb,
  page: PendingPage,
  state: 'pending' | 'uploaded',
  change: { at: string; uploadUrl?: string | null; lastError?: string; attempt?: boolean },
): void {
  db.$client
    .prepare(
      `INSERT INTO file_upload (page_id, sha256, state, upload_url, bytes_sent, attempts, last_error, updated_at)
       VALUES (@pageId, @sha256, @state, @uploadUrl, @bytesSent, @attempts, @lastError, @at)
       ON CONFLICT (page_id) DO UPDATE SET
         state = excluded.state,
         upload_url = CASE WHEN @keepUrl THEN file_upload.upload_url ELSE excluded.upload_url END,
         bytes_sent = CASE WHEN excluded.state = 'uploaded' THEN excluded.bytes_sent ELSE file_upload.bytes_sent END,
         attempts = file_upload.attempts + excluded.attempts,
         last_error = excluded.last_error,
         updated_at = excluded.updated_at`,
    )
    .run({
      pageId: page.pageId,
      sha256: page.sha256,
      state,
      uploadUrl: state === 'uploaded' ? null : (change.uploadUrl ?? null),
      keepUrl: state === 'pending' && change.uploadUrl === undefined ? 1 : 0,
      bytesSent: state === 'uploaded' ? page.size : 0,
      attempts: change.attempt ? 1 : 0,
      lastError: change.lastError ?? null,
      at: change.at,
    });
}
