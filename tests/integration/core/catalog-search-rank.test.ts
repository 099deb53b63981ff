/**
 * The procedure picker's order on the shipped catalog: what the officer types as a phrase comes
 * first, so Enter on the first line picks the procedure meant ("khai tu" → Đăng ký khai tử, not a
 * chứng thực of an inheritance whose name merely holds "khai" and "tu").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src-main/core/core';
import { ManualClock } from '../../support/clock';
import { tempDir } from '../../support/web-host';

const clock = new ManualClock('2026-11-17T09:00:00+07:00');
let core: Core;

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir('motcua-rank-'), clock });
});
afterAll(() => core?.close());

const names = (query: string) => core.services.catalog.search(query, 30).map((p) => p.name);

describe('procedure picker ranking on the seeded catalog', () => {
  it('puts "Đăng ký khai tử" first for "khai tu", typed with or without diacritics', () => {
    for (const query of ['khai tu', 'khai tử', 'KHAI TU']) {
      const found = names(query);
      expect(found[0]).toBe('Đăng ký khai tử');
      const inheritance = found.findIndex((n) => n.startsWith('Chứng thực văn bản thỏa thuận phân chia di sản'));
      expect(inheritance === -1 || inheritance > found.indexOf('Đăng ký lại khai tử')).toBe(true);
    }
  });

  it('puts phrase matches before words found apart, and those before words found inside others', () => {
    const found = names('khai tu');
    const lastPhrase = Math.max(...found.map((n, i) => (/khai tử/i.test(n) ? i : -1)));
    const firstOther = found.findIndex((n) => !/khai tử/i.test(n));
    expect(firstOther === -1 || firstOther > lastPhrase).toBe(true);
  });

  it('still finds a procedure by its national code first', () => {
    expect(core.services.catalog.search('1.000656', 5)[0]?.name).toBe('Đăng ký khai tử');
    expect(core.services.catalog.search('2.000815', 5)[0]?.code).toBe('2.000815');
  });

  it('ranks "dang ky khai sinh" with đăng ký khai sinh first', () => {
    expect(names('dang ky khai sinh')[0]).toBe('Đăng ký khai sinh');
  });
});
