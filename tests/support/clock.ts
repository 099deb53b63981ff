/** A clock the test moves by hand: core reads time only through it. */
import type { Clock } from '../../src-main/core/clock';

export class ManualClock implements Clock {
  private ms: number;
  constructor(iso: string) {
    this.ms = new Date(iso).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(iso: string): void {
    this.ms = new Date(iso).getTime();
  }
}
