/**
 * The caches printing keeps across documents (reuse-cache.ts) hold on to what prints reuse (form
 * wording) while a stream of one-off entries (each dossier's code) passes through, and stay
 * bounded.
 */
import { describe, expect, it } from 'vitest';
import { ReuseCache } from '../../src-main/core/print/pdf-engine/reuse-cache';

describe('reuse cache', () => {
  it('keeps the wording every receipt uses while dossier codes come and go', () => {
    const cache = new ReuseCache<number>(3, 10);
    const wording = ['Giấy', 'tiếp', 'nhận', 'hồ', 'sơ'];
    wording.forEach((w, i) => cache.set(w, i));
    for (let receipt = 0; receipt < 100; receipt++) {
      for (const w of wording) cache.get(w); // every receipt prints the wording again
      cache.set(`000.17.22.H56-261123-${receipt}`, receipt); // and a code of its own
    }
    // Two of the five words were pushed out by the first codes before they were asked for again…
    expect(wording.filter((w) => cache.get(w) === undefined)).toEqual(['Giấy', 'tiếp']);
    // …but once asked for again, a word stays however many codes pass.
    expect(wording.slice(2).map((w) => cache.get(w))).toEqual([2, 3, 4]);
    expect(cache.get('000.17.22.H56-261123-99')).toBe(99);
    expect(cache.size).toBeLessThanOrEqual(13);
  });

  it('bounds the kept entries too, oldest first', () => {
    const cache = new ReuseCache<string>(2, 2);
    for (const k of ['a', 'b', 'c']) {
      cache.set(k, k);
      cache.get(k);
    }
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'b', 'c']);
  });
});
