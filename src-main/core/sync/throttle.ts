/**
 * A byte-rate cap on an upload stream (the "giới hạn băng thông" setting): a commune's ADSL is
 * shared with the officers' other work, so file uploads must not take all of it. A token bucket
 * measured on the monotonic clock; the rate is read for every piece, so a changed setting applies
 * to the upload in flight. Written here because the npm throttling streams are unmaintained and
 * fixed-rate; this is thirty lines.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** Bytes per second, or null for no cap. */
export type RateSource = () => number | null;

/** Up to this many milliseconds' worth of bytes may go at once (keeps the socket fed). */
const BURST_MS = 100;

export class ThrottleStream extends Transform {
  private nextFreeAt = 0;

  constructor(private readonly rate: RateSource) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    void this.release(chunk).then(() => done(), done);
  }

  private async release(chunk: Buffer): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      // Destroyed while waiting (its request aborted): read no rate, push nothing.
      if (this.destroyed) return;
      const rate = this.rate();
      if (rate === null) {
        this.push(chunk.subarray(offset));
        return;
      }
      const piece = chunk.subarray(offset, offset + Math.max(1024, Math.floor((rate * BURST_MS) / 1000)));
      const now = performance.now();
      const at = Math.max(now, this.nextFreeAt);
      this.nextFreeAt = at + (piece.length / rate) * 1000;
      if (at - now > 1) await new Promise((resolve) => setTimeout(resolve, at - now));
      this.push(piece);
      offset += piece.length;
    }
  }
}
