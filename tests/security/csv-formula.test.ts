/** Exports cannot smuggle formulas into the province's spreadsheets (CSV/formula injection). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseCell, toCsv } from '../../src-main/core/reports/csv';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Bấm")', `'=HYPERLINK("http://evil.example","Bấm")`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('defuses %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('leaves ordinary Vietnamese text, codes and numbers alone', () => {
    expect(neutraliseCell('Nguyễn Thị Hồng Đào')).toBe('Nguyễn Thị Hồng Đào');
    expect(neutraliseCell('000.00.17.H56-261123-0001')).toBe('000.00.17.H56-261123-0001');
    expect(neutraliseCell(-15000)).toBe(-15000);
    expect(neutraliseCell(null)).toBeNull();
  });

  it('never lets a cell start with a formula character, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const out = neutraliseCell(s);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
      { numRuns: 500, seed: 2026 },
    );
  });
});

describe('toCsv', () => {
  it('quotes separators and quotes, neutralises formulas, and starts with a BOM for Excel', () => {
    const csv = toCsv([
      ['Mã', 'Họ tên', 'Lệ phí'],
      ['H56-0001', 'Lê "Tí", con', 7000],
      ['H56-0002', '=1+1', -5],
    ]);
    expect(csv).toBe('\uFEFFMã,Họ tên,Lệ phí\r\nH56-0001,"Lê ""Tí"", con",7000\r\nH56-0002,\'=1+1,-5\r\n');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });
});
