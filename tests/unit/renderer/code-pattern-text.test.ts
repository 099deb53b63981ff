/** Cài đặt explains the dossier-code pattern with a code made from it, not with its tokens. */
import { describe, expect, it } from 'vitest';
import { codePatternExample } from '../../../src-renderer/screens/settings/code-pattern-text';

// 04/12/2026 10:00 in Vietnam.
const AT = new Date('2026-12-04T03:00:00Z');

describe('dossier-code pattern as a worked example', () => {
  it('the default pattern reads as 000.00.17.H56-261204-0001 with its parts in words', () => {
    const r = codePatternExample('{agency}-{yyMMdd}-{seq:4}', '000.00.17.H56', AT)!;
    expect(r.example).toBe('000.00.17.H56-261204-0001');
    expect(r.parts).toEqual([
      'mã định danh của cơ quan (000.00.17.H56)',
      'ngày tiếp nhận, viết năm (2 số cuối), tháng, ngày liền nhau (261204 là ngày 04/12/2026)',
      'số thứ tự của hồ sơ trong ngày, 4 chữ số (hồ sơ đầu tiên là 0001)',
    ]);
    for (const text of [r.example, ...r.parts]) expect(text).not.toMatch(/[{}]|agency|seq|yyMMdd/);
  });

  it('a four-digit-year, seven-digit pattern is explained the same way', () => {
    const r = codePatternExample('{agency}-{yyyyMMdd}-{seq:7}', 'H56.17', AT)!;
    expect(r.example).toBe('H56.17-20261204-0000001');
    expect(r.parts[1]).toBe('ngày tiếp nhận, viết năm, tháng, ngày liền nhau (20261204 là ngày 04/12/2026)');
  });

  it('an office without an identifier yet still gets an example; a half-typed pattern gets none', () => {
    expect(codePatternExample('{agency}-{yyMMdd}-{seq:4}', null, AT)!.example).toBe('000.00.17.H56-261204-0001');
    expect(codePatternExample('{agency}-{yyMM', '000.00.17.H56', AT)).toBeNull();
  });
});
