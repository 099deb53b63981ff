/**
 * Danh mục on screen: the bundled catalogue keeps its research marks in the data, but no text the
 * screen shows carries "seed", a citation tag like "[S][R35]", a bare source number or a pointer
 * to the project's research notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forOfficials, originText, readableSources, versionSourceText } from '../../../src-renderer/screens/catalog/catalog-text';
import { vi } from '../../../src-renderer/i18n/vi';

const ROOT = path.resolve(__dirname, '../../..');
const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/seed/catalog.json'), 'utf8')) as {
  source: string;
  procedures: { sources: string[]; notes: string[] }[];
};
const MARKS = /\[[A-Z?]\]|\[R\d+\]|\bR\d+\b|DOMAIN|\bseed\b/;

function strings(x: unknown, key = ''): [string, string][] {
  if (typeof x === 'string') return [[key, x]];
  if (Array.isArray(x)) return x.flatMap((v) => strings(v, key));
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => strings(v, k));
  return [];
}

describe('catalogue text for officials', () => {
  it('the seed does hold research marks (so the test means something)', () => {
    expect(strings(seed.procedures).filter(([, s]) => MARKS.test(s)).length).toBeGreaterThan(10);
  });

  it('no note, legal basis or deadline text of the seed shows a mark once cleaned', () => {
    const shown = strings(seed.procedures).filter(([k]) => ['notes', 'note', 'legalBasis', 'ownForms'].includes(k));
    const left = shown.map(([, s]) => forOfficials(s)).filter((s) => MARKS.test(s));
    expect(left).toEqual([]);
    expect(forOfficials('Mã thủ tục 1.004845 chưa chắc chắn [?].')).toBe('Mã thủ tục 1.004845 chưa chắc chắn.');
    expect(forOfficials('Thường khoảng 1.000.000 đ [M]; nhập theo Nghị quyết HĐND tỉnh')).toBe('Thường khoảng 1.000.000 đ; nhập theo Nghị quyết HĐND tỉnh');
    expect(forOfficials('Thời hạn chưa có trong DOMAIN.md.')).toBe('Thời hạn chưa có trong tài liệu kèm ứng dụng.');
  });

  it('sources show named documents, never reference numbers', () => {
    const all = [...new Set(seed.procedures.flatMap((p) => p.sources))];
    const shown = readableSources(all);
    expect(shown.filter((s) => MARKS.test(s))).toEqual([]);
    expect(shown.length).toBeGreaterThan(0);
    expect(readableSources(['R30', 'R41', 'DOMAIN §14'])).toEqual([]);
  });

  it('the bundled version reads as "Danh mục mẫu" with a Vietnamese source, not "seed" and English', () => {
    expect(originText('seed')).toBe('Danh mục mẫu');
    expect(versionSourceText('seed', seed.source)).toBe(vi.catalog.seedSource);
    expect(versionSourceText('seed', seed.source)).not.toMatch(/\b(the|and|of|is|seed)\b|DOMAIN/);
  });

  it('confidence is shown in words', () => {
    for (const tag of ['C', 'S', 'M', 'X', '?']) expect(vi.catalog.confidenceWords[tag]).toMatch(/^[\p{Ll} ]+$/u);
  });
});
