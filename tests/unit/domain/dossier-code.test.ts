import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  deskRange,
  formatDossierCode,
  nextSequence,
  parseDossierCode,
} from '@shared/domain/dossier-code';

describe('dossier code <agency>-<yyMMdd>-<nnnn>', () => {
  it('formats the real-world example 000.17.22.H56-210531-0001', () => {
    expect(formatDossierCode({ agencyCode: '000.17.22.H56', receivedAt: '2021-05-31T08:00:00+07:00', seq: 1 })).toBe(
      '000.17.22.H56-210531-0001',
    );
  });

  it('uses the Vietnamese date: 17:30 UTC on 22/11 is already 23/11 at the counter', () => {
    expect(formatDossierCode({ agencyCode: '000.00.01.H29', receivedAt: '2026-11-22T17:30:00Z', seq: 118 })).toBe(
      '000.00.01.H29-261123-0118',
    );
  });

  it('parses 000.00.14.H56-200203-0118', () => {
    expect(parseDossierCode('000.00.14.H56-200203-0118')).toEqual({ agencyCode: '000.00.14.H56', date: '2020-02-03', seq: 118 });
  });

  it('supports the yyyyMMdd + 7-digit variant G09.20-20260609-0092637 by configuration', () => {
    const pattern = '{agency}-{yyyyMMdd}-{seq:7}';
    expect(parseDossierCode('G09.20-20260609-0092637', pattern)).toEqual({ agencyCode: 'G09.20', date: '2026-06-09', seq: 92637 });
    expect(formatDossierCode({ agencyCode: 'G09.20', receivedAt: '2026-06-09T09:00:00+07:00', seq: 92637, pattern })).toBe(
      'G09.20-20260609-0092637',
    );
  });

  it('does not parse codes from another pattern or with impossible dates', () => {
    expect(parseDossierCode('G09.20-20260609-0092637')).toBeNull();
    expect(parseDossierCode('000.00.14.H56-201345-0001')).toBeNull();
    expect(parseDossierCode('000.00.14.H56-200203-0000')).toBeNull();
    expect(parseDossierCode('rác')).toBeNull();
  });

  it('refuses patterns without agency, date and sequence', () => {
    expect(() => compilePattern('{agency}-{seq:4}')).toThrowError(expect.objectContaining({ code: 'INVALID_CODE_PATTERN' }));
    expect(() => compilePattern('{agency}{yyMMdd}{seq:4}')).toThrowError(expect.objectContaining({ code: 'INVALID_CODE_PATTERN' }));
    expect(() => compilePattern('{agency}-{ddMMyy}-{seq:4}')).toThrowError(expect.objectContaining({ code: 'INVALID_CODE_PATTERN' }));
  });

  it('refuses a sequence wider than the pattern', () => {
    expect(() => formatDossierCode({ agencyCode: 'X.1', receivedAt: '2026-11-22', seq: 10000 })).toThrowError(
      expect.objectContaining({ code: 'INVALID_DOSSIER_CODE' }),
    );
  });

  it('format then parse gives back the agency, the Vietnamese date and the number', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{3}\.\d{2}\.\d{2}\.[GH]\d{2}$/),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 1, max: 9999 }),
        (agencyCode, ms, seq) => {
          const code = formatDossierCode({ agencyCode, receivedAt: new Date(ms), seq });
          const parsed = parseDossierCode(code);
          const vnDate = new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
          expect(parsed).toEqual({ agencyCode, date: vnDate, seq });
        },
      ),
      { seed: 31, numRuns: 500 },
    );
  });
});

describe('desk ranges and the next number', () => {
  it('desk 0 (one shared database) counts 1…9999', () => {
    expect(deskRange(0)).toEqual({ first: 1, last: 9999 });
    expect(nextSequence(null, 0)).toBe(1);
    expect(nextSequence(41, 0)).toBe(42);
  });

  it('desk 3 draws from 3001…3999', () => {
    expect(deskRange(3)).toEqual({ first: 3001, last: 3999 });
    expect(nextSequence(null, 3)).toBe(3001);
    expect(nextSequence(3017, 3)).toBe(3018);
    expect(nextSequence(42, 3)).toBe(3001); // a number from another range is not ours
  });

  it('refuses to overflow a desk range or an unknown desk', () => {
    expect(() => nextSequence(3999, 3)).toThrowError(expect.objectContaining({ code: 'SEQUENCE_EXHAUSTED' }));
    expect(() => deskRange(10)).toThrowError(expect.objectContaining({ code: 'INVALID_DESK' }));
    expect(() => deskRange(1, 3)).toThrowError(expect.objectContaining({ code: 'INVALID_DESK' }));
  });
});
