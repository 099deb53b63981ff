/** How one op can fail without failing the batch. */
import type { OpRejectCode } from '@shared/sync/protocol';

/** A business refusal: recorded as the op's first answer, and the queue moves on. */
export class OpRejection extends Error {
  constructor(
    readonly code: OpRejectCode,
    readonly reason: string, // Vietnamese, shown to the officer next to the op
  ) {
    super(reason);
    this.name = 'OpRejection';
  }
}

/**
 * Not yet: the op depends on something still in flight (an event whose dossier another request
 * of the same counter is applying right now). Nothing is recorded; the answer is retry_later and
 * the counter resends it, when it will apply.
 */
export class OpDeferred extends Error {
  constructor(
    readonly code: OpRejectCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'OpDeferred';
  }
}
