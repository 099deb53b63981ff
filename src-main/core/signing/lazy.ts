/**
 * The signing service, loaded on first use. pdf-lib, fontkit and pkijs take a noticeable part of
 * a second to import on a fast machine (seconds on an old or busy one), and most starts of the
 * counter never sign: core starts without them.
 *
 * It also owns the retry of what offline signatures still owe (timestamp, revocation check):
 * every few minutes, and only when the database says something is owed does it load the service.
 */
import type { SigningService, SigningServiceDeps } from './service';
import { pendingSignatures } from './pending';

const RETRY_EVERY_MS = 5 * 60_000;

export class LazySigning {
  private loading: Promise<SigningService> | null = null;
  private loaded: SigningService | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: SigningServiceDeps) {}

  service(): Promise<SigningService> {
    this.loading ??= import('./service').then((m) => (this.loaded = new m.SigningService(this.deps)));
    return this.loading;
  }

  start(): void {
    this.timer = setInterval(() => {
      if (pendingSignatures(this.deps.db) === 0) return;
      void this.service()
        .then((s) => s.augmentPending())
        .catch((err: unknown) => console.warn(`[signing] retry of owed timestamps: ${(err as Error).message}`));
    }, RETRY_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.loaded?.stop();
  }
}
