/**
 * The sync engine: enrollment, one pass at a time (push, pull, then files), trusted time, and the
 * scheduler that decides when passes run. Hosts call start() (browser host, Electron); tests and
 * the CLI call syncNow() directly.
 *
 * Secrets: the device token is read from the secret store (not the database: core/secrets/) for
 * each pass and only ever handed to the HubClient; it is never logged, returned, or put into an
 * error or audit row.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { Officer } from '@shared/rpc';
import { printingBlockedByClock, type RejectedOp, type SyncState, type SyncStatus } from '@shared/rpc/sync';
import { appendAudit } from '../audit/audit-log';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogService } from '../catalog/catalog-service';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { office } from '../db/schema';
import type { CoreEvents } from '../events';
import { hasPending, pendingCount, pendingSummary, rejectedRows, type OutboxRow } from '../outbox/outbox';
import type { Logger } from '../rpc/dispatch';
import type { SecretStore } from '../secrets/secret-store';
import type { FileStore } from '../files/store';
import { pendingFileCount, uploadPendingFiles, type FileUploadProgress } from './file-upload';
import { HubCallError, HubClient, type Exchange, type FetchLike } from './hub-client';
import { deleteMeta, readMeta, writeMeta, type SyncErrorInfo } from './meta';
import { pullAll } from './pull';
import { pushPending } from './push';
import { resubmitOp } from './resubmit';
import { planNextWake, type Random, type ScheduleState } from './schedule';
import { clockWarning, isTrusted, measureOffset } from './trusted-time';

export interface SyncEngineOptions {
  /** The transport; the simulation wraps it to inject faults. */
  fetch?: FetchLike;
  random?: Random;
  /** tus PATCH size and retry waits for file uploads (the bench and the cut tests set them). */
  fileChunkSize?: number;
  fileRetryDelays?: number[];
}

export interface SyncEngineDeps extends SyncEngineOptions {
  db: CounterDb;
  clock: Clock;
  events: CoreEvents;
  catalog: CatalogService;
  calendar: CalendarService;
  log: Logger;
  secrets: SecretStore;
  files: FileStore;
  /** The bandwidth cap for file uploads in bytes per second (Cài đặt), null for none. */
  uploadRate: () => number | null;
}

/** A timer never sleeps longer than this, so a device clock change or a suspend is noticed. */
const MAX_SLEEP_MS = 60_000;

export class SyncEngine {
  private readonly fetchFn: FetchLike;
  private readonly random: Random;
  private running: Promise<void> | null = null;
  private followUp: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  /**
   * Aborted by stop(): the uploads in flight end at once. A page on ADSL can take minutes, and the
   * database closes right after stop(); the hub keeps what it received, so the next start resumes.
   */
  private readonly halt = new AbortController();
  /** The file upload in progress, for Đồng bộ; null between uploads. */
  private fileProgress: FileUploadProgress | null = null;
  private lastFileProgressAt = 0;
  /** Scheduler instants, on the monotonic clock (see mono()). */
  private readonly sched = {
    failures: 0,
    offline: false,
    lastAttemptAt: null as number | null,
    lastSuccessAt: null as number | null,
    localChangeAt: null as number | null,
    notBefore: 0,
  };

  constructor(private readonly deps: SyncEngineDeps) {
    this.fetchFn = deps.fetch ?? ((url, init) => fetch(url, init));
    this.random = deps.random ?? Math.random;
    this.sched.offline = readMeta(deps.db, 'lastError')?.code === 'network';
  }

  /** Device wall clock: what exchanges are stamped with and the clock offset is measured on. */
  private nowMs(): number {
    return this.deps.clock.now().getTime();
  }

  /** Monotonic time for the timers: a device clock set back by days must not stall sync. */
  private mono(): number {
    return performance.now();
  }

  // ── enrollment ──────────────────────────────────────────────────────────────────────────────

  async enroll(input: { hubUrl: string; code: string }, officer: Officer): Promise<SyncStatus> {
    const { db } = this.deps;
    const off = db.select().from(office).where(eq(office.id, 1)).get();
    if (!off) throw new AppError('NOT_INITIALIZED', 'Ứng dụng chưa được khởi tạo');
    const client = new HubClient(input.hubUrl, this.fetchFn, () => this.nowMs());
    const deviceName = `${off.name}${off.deskNumber ? ` — quầy ${off.deskNumber}` : ''}`.slice(0, 200);
    let exchange;
    try {
      exchange = await client.enroll({ code: input.code, deviceName });
    } catch (err) {
      if (!(err instanceof HubCallError)) throw err;
      if (err.kind === 'unauthorized' || err.kind === 'refused') {
        throw new AppError('INVALID_INPUT', 'Mã đăng ký không đúng, đã được dùng hoặc đã hết hạn. Hãy xin tỉnh cấp mã mới.');
      }
      throw new AppError('UNAVAILABLE', err.message);
    }
    const { deviceId, token, commune } = exchange.body;
    if (commune.code !== off.agencyCode) {
      throw new AppError(
        'CONFLICT',
        `Mã đăng ký này dành cho ${commune.name} (${commune.code}), khác mã cơ quan của máy (${off.agencyCode}). Hãy xin tỉnh cấp mã đúng xã.`,
      );
    }
    const at = this.deps.clock.now().toISOString();
    // The token first: if it cannot be stored, the counter is not enrolled (a resent code is refused
    // by the hub, so the officer asks the province for a new one).
    this.deps.secrets.write('device-token', token);
    db.transaction((tx) => {
      writeMeta(tx, 'enrollment', { hubUrl: input.hubUrl, deviceId, communeCode: commune.code, communeName: commune.name, enrolledAt: at });
      // Receipts' QR codes link to the hub's public lookup from now on, unless an address was set.
      tx.update(office).set({ hubUrl: input.hubUrl }).where(and(eq(office.id, 1), isNull(office.hubUrl))).run();
      deleteMeta(tx, 'revoked');
      deleteMeta(tx, 'lastError');
      appendAudit(tx, { at, officerId: officer.id, action: 'sync.enroll', target: input.hubUrl, details: { deviceId, communeCode: commune.code } });
    });
    this.sched.failures = 0;
    this.sched.offline = false;
    this.recordClock(exchange);
    this.reschedule();
    return this.status();
  }

  // ── passes ──────────────────────────────────────────────────────────────────────────────────

  /** "Đồng bộ ngay": runs a pass (after the one in progress, if any) and answers the status after it. */
  async syncNow(): Promise<SyncStatus> {
    await this.runExclusive();
    return this.status();
  }

  /** Only one pass at a time; calls during a pass coalesce into one follow-up pass. */
  private runExclusive(): Promise<void> {
    if (this.running) {
      this.followUp ??= this.running.then(() => {
        this.followUp = null;
        return this.runExclusive();
      });
      return this.followUp;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const { db, clock, events } = this.deps;
    if (this.stopped) return;
    const enrollment = readMeta(db, 'enrollment');
    const token = this.deps.secrets.read('device-token');
    if (!enrollment || !token || readMeta(db, 'revoked')) return;
    this.sched.localChangeAt = null;
    this.emitProgress('syncing');
    const client = new HubClient(enrollment.hubUrl, this.fetchFn, () => this.nowMs());
    const onExchange = (ex: Exchange<unknown>) => this.recordClock(ex);
    try {
      const pushed = await pushPending({ db, clock, client, token, deviceId: enrollment.deviceId, onExchange });
      const { catalog, calendar } = this.deps;
      const applied = await pullAll({ db, clock, client, token, communeCode: enrollment.communeCode, onExchange, catalog, calendar });
      // Files after the ops: only pages of dossiers the hub has acknowledged go up.
      await this.uploadFiles(client, enrollment.hubUrl, token, enrollment.deviceId);
      const at = clock.now().toISOString();
      writeMeta(db, 'lastSuccessAt', at);
      this.sched.lastSuccessAt = this.mono();
      if (pushed.done) {
        deleteMeta(db, 'lastError');
        this.sched.failures = 0;
      } else {
        writeMeta(db, 'lastError', { code: 'retry_later', message: pushed.reason, at });
        this.sched.failures += 1;
      }
      this.sched.offline = false;
      for (const change of applied) {
        if (change.dossierId) events.emit('dossier.changed', { id: change.dossierId });
        events.emit('sync.notice', { kind: change.kind, message: change.message, ...(change.dossierId ? { dossierId: change.dossierId } : {}) });
      }
    } catch (err) {
      this.recordFailure(err);
    } finally {
      this.sched.lastAttemptAt = this.mono();
      if (!this.stopped) {
        this.emitProgress();
        this.reschedule();
      }
    }
  }

  private async uploadFiles(client: HubClient, hubUrl: string, token: string, deviceId: string): Promise<void> {
    const { db, clock, files, uploadRate, fileChunkSize, fileRetryDelays } = this.deps;
    try {
      await uploadPendingFiles({
        db,
        clock,
        files,
        hubUrl,
        client,
        token,
        deviceId,
        rate: uploadRate,
        signal: this.halt.signal,
        ...(fileChunkSize ? { chunkSize: fileChunkSize } : {}),
        ...(fileRetryDelays ? { retryDelays: fileRetryDelays } : {}),
        onProgress: (progress) => {
          this.fileProgress = progress;
          // Bytes move many times a second; Đồng bộ needs a few updates a second at most.
          const now = performance.now();
          if (now - this.lastFileProgressAt >= 250 || progress.current === null) {
            this.lastFileProgressAt = now;
            this.emitProgress('syncing');
          }
        },
      });
    } finally {
      this.fileProgress = null;
    }
  }

  private recordFailure(err: unknown): void {
    const { db, events, log } = this.deps;
    if (this.stopped) return; // the database is closing under a pass in flight: nothing to record
    const at = this.deps.clock.now().toISOString();
    this.sched.failures += 1;
    if (!(err instanceof HubCallError)) {
      // Only the message: a stack of a failed fetch could carry request details.
      log.error('sync pass failed', err instanceof Error ? err.message : String(err));
      writeMeta(db, 'lastError', { code: 'internal', message: 'Lỗi trong ứng dụng khi đồng bộ; sẽ thử lại sau.', at });
      return;
    }
    this.sched.offline = err.kind === 'network';
    const info: SyncErrorInfo = { code: err.kind === 'network' ? 'network' : err.code, message: err.message, at };
    writeMeta(db, 'lastError', info);
    if (err.kind === 'rate_limited') this.sched.notBefore = this.mono() + (err.retryAfterMs ?? 60_000);
    if (err.kind === 'revoked') {
      writeMeta(db, 'revoked', true);
      events.emit('sync.notice', { kind: 'revoked', message: err.message });
    }
  }

  private recordClock(ex: Exchange<unknown>): void {
    if (!ex.serverTime) return;
    const { db } = this.deps;
    const reading = {
      offsetMs: measureOffset(ex.sentAtMs, ex.receivedAtMs, ex.serverTime),
      serverTime: ex.serverTime,
      measuredAt: new Date(ex.receivedAtMs).toISOString(),
    };
    db.transaction((tx) => {
      writeMeta(tx, 'clock', reading);
      // An override lasts only until the clock is trusted again.
      if (isTrusted(reading, ex.receivedAtMs)) deleteMeta(tx, 'clockOverride');
    });
  }

  // ── status, rejected ops, clock ─────────────────────────────────────────────────────────────

  status(): SyncStatus {
    const { db } = this.deps;
    const enrollment = readMeta(db, 'enrollment');
    const lastError = readMeta(db, 'lastError');
    const reading = readMeta(db, 'clock');
    const warning = clockWarning(reading, this.nowMs());
    const override = warning ? readMeta(db, 'clockOverride') : null;
    const { pending, oldestPendingAt } = pendingSummary(db);
    return {
      enrolled: enrollment !== null,
      hubUrl: enrollment?.hubUrl ?? null,
      communeCode: enrollment?.communeCode ?? null,
      pending,
      oldestPendingAt,
      lastSuccessAt: readMeta(db, 'lastSuccessAt'),
      lastError,
      rejected: this.rejected(20),
      clockOffsetMs: reading?.offsetMs ?? null,
      clockWarning: warning,
      clockOverride: override ? { reason: override.reason, officerName: override.officerName, at: override.at } : null,
      state: this.state(enrollment !== null, lastError),
      files: this.fileStatus(),
    };
  }

  private fileStatus(): SyncStatus['files'] {
    const progress = this.fileProgress;
    if (!progress) return { waiting: pendingFileCount(this.deps.db), bytesSent: 0, bytesTotal: 0, current: null };
    const { current } = progress;
    return {
      waiting: progress.waiting,
      bytesSent: progress.bytesSent,
      bytesTotal: progress.bytesTotal,
      current: current ? { itemName: current.itemName, dossierCode: current.dossierCode, bytesSent: current.bytesSent, size: current.size } : null,
    };
  }

  private state(enrolled: boolean, lastError: SyncErrorInfo | null): SyncState {
    if (!enrolled) return 'not_enrolled';
    if (readMeta(this.deps.db, 'revoked')) return 'revoked';
    if (this.running) return 'syncing';
    if (lastError?.code === 'network') return 'offline';
    return lastError ? 'error' : 'idle';
  }

  rejected(limit = 200): RejectedOp[] {
    return rejectedRows(this.deps.db, limit).map(toRejected);
  }

  resubmit(opId: string, officer: Officer): { newOpId: string } {
    const result = resubmitOp(this.deps.db, opId, officer, this.deps.clock.now().toISOString());
    this.noteLocalChange();
    return result;
  }

  /** The print guard: appointment dates (Mẫu 01) are not printed while the clock is untrusted. */
  printingBlocked(): boolean {
    return printingBlockedByClock(this.status());
  }

  /** Throws the loud Vietnamese warning when printing an appointment date must be refused. */
  assertAppointmentPrintAllowed(): void {
    const status = this.status();
    if (printingBlockedByClock(status)) {
      throw new AppError('CONFLICT', status.clockWarning!, { reason: 'clock_untrusted', clockOffsetMs: status.clockOffsetMs });
    }
  }

  overrideClock(reason: string, officer: Officer): SyncStatus {
    const { db } = this.deps;
    const before = this.status();
    if (!before.clockWarning) throw new AppError('CONFLICT', 'Đồng hồ máy đang khớp với hệ thống tỉnh; không cần bỏ qua cảnh báo.');
    const at = this.deps.clock.now().toISOString();
    db.transaction((tx) => {
      writeMeta(tx, 'clockOverride', { reason, officerId: officer.id, officerName: officer.fullName, at });
      appendAudit(tx, {
        at,
        officerId: officer.id,
        action: 'sync.clock_override',
        target: null,
        details: { reason, clockOffsetMs: before.clockOffsetMs, warning: before.clockWarning },
      });
    });
    return this.status();
  }

  // ── scheduler ───────────────────────────────────────────────────────────────────────────────

  /** Starts the triggers: local commits (debounced), retries, offline probes, polls, nightly. */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.deps.events.subscribe((name) => {
      if (name === 'dossier.changed') this.noteLocalChange();
    });
    this.reschedule();
  }

  /** Called before the database closes: no new pass starts, and a pass in flight stops writing. */
  stop(): void {
    this.stopped = true;
    this.halt.abort(new Error('sync stopped: the database is closing'));
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves when no pass is running (for hosts closing the database). */
  async idle(): Promise<void> {
    while (this.running || this.followUp) await (this.followUp ?? this.running);
  }

  private noteLocalChange(): void {
    // Pulled province changes emit dossier.changed too, but write no outbox: nothing to push.
    if (!hasPending(this.deps.db)) return;
    this.sched.localChangeAt = this.mono();
    this.reschedule();
  }

  private scheduleState(): ScheduleState {
    const { db } = this.deps;
    const enrollment = readMeta(db, 'enrollment');
    return {
      enrolled: enrollment !== null,
      revoked: readMeta(db, 'revoked') === true,
      pending: pendingCount(db),
      failures: this.sched.failures,
      offline: this.sched.offline,
      lastAttemptAt: this.sched.lastAttemptAt,
      lastSuccessAt: this.sched.lastSuccessAt,
      localChangeAt: this.sched.localChangeAt,
      agencyCode: enrollment?.communeCode ?? null,
    };
  }

  private reschedule(): void {
    if (!this.unsubscribe) return; // not started: passes run only when asked
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const now = this.mono();
    const wake = planNextWake(this.scheduleState(), now, this.random, this.nowMs());
    if (!wake) return;
    const at = Math.max(wake.at, this.sched.notBefore);
    const fire = () =>
      this.onWake(at, wake.reason).catch((err: unknown) => {
        // A timer-started pass has no caller to answer: log the message (never request details).
        this.deps.log.error('scheduled sync failed', err instanceof Error ? err.message : String(err));
      });
    this.timer = setTimeout(() => void fire(), Math.min(MAX_SLEEP_MS, Math.max(0, at - now)));
    this.timer.unref?.();
  }

  private async onWake(at: number, reason: string): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    if (this.mono() < at) return this.reschedule();
    if (reason === 'probe' && !(await this.hubReachable())) {
      this.sched.failures += 1;
      this.sched.lastAttemptAt = this.mono();
      return this.reschedule();
    }
    await this.runExclusive();
  }

  /** The cheap health probe used while offline, before a full pass. */
  private async hubReachable(): Promise<boolean> {
    const enrollment = readMeta(this.deps.db, 'enrollment');
    if (!enrollment) return false;
    try {
      await new HubClient(enrollment.hubUrl, this.fetchFn, () => this.nowMs()).health();
      return true;
    } catch (err) {
      if (!(err instanceof HubCallError)) throw err; // the hub's failures only; a bug surfaces
      return false;
    }
  }

  private emitProgress(state?: SyncState): void {
    const status = this.status();
    this.deps.events.emit('sync.progress', { pending: status.pending, state: state ?? status.state });
  }
}

function toRejected(row: OutboxRow): RejectedOp {
  const payload = row.payload as { code?: unknown };
  return {
    opId: row.opId,
    seq: row.seq,
    opType: row.opType,
    entityId: row.entityId,
    dossierCode: row.opType === 'dossier.upsert' && typeof payload.code === 'string' ? payload.code : null,
    code: (row.resultCode as RejectedOp['code']) ?? null,
    reason: row.lastError ?? 'Hệ thống tỉnh từ chối thao tác này.',
    at: row.answeredAt ?? row.createdAt,
  };
}
