/**
 * Wrong answers to a receipt lookup, counted per dossier code (issue #14 at the hub, issue #18 at
 * the lookup kiosk): the last four digits of a phone have only 10,000 values, so five wrong tries
 * on one code in 15 minutes lock the phone way for that code for an hour, whoever tries. The
 * receipt's key (lookup-key.ts) still works while locked: its holder is not the one guessing.
 *
 * In memory: each side is one process, and a restart that forgets the counts gives an attacker
 * five more tries, not a way through. `now` is a monotonic clock in milliseconds
 * (performance.now()), not the wall clock, which may jump.
 */
export const LOOKUP_PHONE_TRIES = 5;
export const LOOKUP_PHONE_WINDOW_MS = 15 * 60_000;
export const LOOKUP_PHONE_LOCK_MS = 60 * 60_000;
/** Above this many codes the table is emptied: memory beats precision under a flood. */
const MAX_CODES = 50_000;

export class LookupPhoneTries {
  private readonly byCode = new Map<string, { failures: number[]; lockedUntil: number }>();

  constructor(private readonly now: () => number) {}

  locked(code: string): boolean {
    return (this.byCode.get(code)?.lockedUntil ?? 0) > this.now();
  }

  fail(code: string): void {
    const now = this.now();
    if (this.byCode.size > MAX_CODES) this.byCode.clear();
    const rec = this.byCode.get(code) ?? { failures: [], lockedUntil: 0 };
    rec.failures = [...rec.failures.filter((t) => now - t < LOOKUP_PHONE_WINDOW_MS), now];
    if (rec.failures.length >= LOOKUP_PHONE_TRIES) rec.lockedUntil = now + LOOKUP_PHONE_LOCK_MS;
    this.byCode.set(code, rec);
  }
}
