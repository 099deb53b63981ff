/**
 * A bounded map for what printing reuses across documents (shaped words, laid-out words, text
 * measurements), keyed by text.
 *
 * What comes back print after print is the form's wording and the common words of names and
 * addresses; what does not is each dossier's own code, number and address. A plain
 * oldest-first bound lets the second push the first out (and keeps tens of MB of one-off
 * entries). So entries live in two generations: a new entry is *fresh*, and moves to *kept* the
 * first time it is asked for again; when full, the oldest fresh entries go first, so one-off
 * entries only ever take the fresh room.
 */
export class ReuseCache<V> {
  private readonly fresh = new Map<string, V>();
  private readonly kept = new Map<string, V>();

  constructor(
    private readonly maxFresh: number,
    private readonly maxKept: number,
  ) {}

  get(key: string): V | undefined {
    const kept = this.kept.get(key);
    if (kept !== undefined) return kept;
    const fresh = this.fresh.get(key);
    if (fresh !== undefined) {
      this.fresh.delete(key);
      this.keep(key, fresh);
    }
    return fresh;
  }

  set(key: string, value: V): void {
    if (this.kept.has(key)) {
      this.kept.set(key, value);
      return;
    }
    if (!this.fresh.has(key) && this.fresh.size >= this.maxFresh) this.fresh.delete(this.fresh.keys().next().value!);
    this.fresh.set(key, value);
  }

  get size(): number {
    return this.fresh.size + this.kept.size;
  }

  private keep(key: string, value: V): void {
    if (this.kept.size >= this.maxKept) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, value);
  }
}
