/**
 * The background reader: one page at a time, off the request path (every read is a low-priority
 * child process; the event loop only awaits it), from the durable queue (queue.ts). Nothing the
 * counter does waits for it: receipt, the receipt slip and every screen work whether a page is
 * read, pending or failed. Where Tesseract or Poppler is missing it stays off and says why
 * (status), once, instead of failing every page.
 */
import type { Clock } from '../../clock';
import type { CounterDb } from '../../db/open';
import type { FileStore } from '../../files/store';
import type { Logger } from '../../rpc/dispatch';
import { OcrQueue, type QueueCounts } from './queue';
import { PageReader } from './read-page';
import { defaultToolPaths, probeTools, type OcrAvailability, type OcrToolPaths } from './tools';

export interface OcrOptions {
  /** Program paths; each defaults to this platform's (tools.ts). */
  tools?: Partial<OcrToolPaths>;
  /** How long an idle worker sleeps before it looks at the queue again. */
  idleMs?: number;
  /** false: never start (a CLI run that only verifies or backs up). */
  enabled?: boolean;
}

export type OcrState = 'starting' | 'running' | 'off' | 'stopped';

export interface OcrStatus extends QueueCounts {
  state: OcrState;
  /** Why OCR is off, in Vietnamese for the officer; null while it runs. */
  reason: string | null;
}

export class OcrWorker {
  private readonly queue: OcrQueue;
  private readonly tools: OcrToolPaths;
  private readonly reader: PageReader;
  private state: OcrState = 'stopped';
  private reason: string | null = null;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly deps: { db: CounterDb; clock: Clock; files: FileStore; log: Logger },
    private readonly opts: OcrOptions = {},
  ) {
    this.queue = new OcrQueue(deps.db);
    this.tools = { ...defaultToolPaths(), ...opts.tools };
    this.reader = new PageReader(this.tools);
  }

  start(): void {
    if (this.opts.enabled === false || this.loop) return;
    this.state = 'starting';
    this.loop = this.run().catch((err: unknown) => {
      this.state = 'off';
      this.reason = 'Đọc chữ trên giấy tờ quét đã dừng vì lỗi; khởi động lại ứng dụng để chạy lại';
      this.deps.log.error('ocr worker stopped', err);
    });
  }

  /** Stops after the page being read is abandoned (it stays queued, read again next start). */
  async stop(): Promise<void> {
    if (this.state !== 'off') this.state = 'stopped';
    this.reader.abort();
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  status(): OcrStatus {
    return { state: this.state, reason: this.reason, ...this.queue.counts() };
  }

  private async run(): Promise<void> {
    const found: OcrAvailability = await probeTools(this.tools);
    if (this.state === 'stopped') return;
    if (!found.available) {
      this.state = 'off';
      this.reason = found.reason;
      return;
    }
    this.state = 'running';
    while (this.state === 'running') {
      const page = this.queue.take(this.deps.clock.now().toISOString());
      if (!page) {
        await this.idle();
        continue;
      }
      try {
        const text = await this.reader.read(this.deps.files.pathOf(page.sha256));
        this.queue.done(page.sha256, text, this.deps.clock.now().toISOString());
      } catch (err) {
        // Stopping kills the child: the page stays pending with its attempt counted, as after a
        // crash, and is read on the next start.
        if (this.state !== 'running') return;
        this.queue.failed(page.sha256, err instanceof Error ? err.message : String(err), this.deps.clock.now());
        this.deps.log.error(`ocr of ${page.sha256} failed`, err);
      }
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.opts.idleMs ?? 5_000);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
