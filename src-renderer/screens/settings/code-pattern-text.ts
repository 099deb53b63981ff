/**
 * The dossier-code pattern as an official reads it: a code made from it today, and its parts in
 * words, instead of the pattern's tokens ({agency}-{yyMMdd}-{seq:4}).
 */
import { compilePattern, DossierCodeError, formatDossierCode } from '@shared/domain/dossier-code';
import { formatDateVi } from '@shared/domain/text';
import { vi } from '../../i18n/vi';

const t = vi.settings.codePattern;
/** Shown when the office has no identifier yet (the setup wizard's own example). */
const EXAMPLE_AGENCY = '000.00.17.H56';

export function codePatternExample(pattern: string, agencyCode: string | null | undefined, at: Date): { example: string; parts: string[] } | null {
  let compiled;
  try {
    compiled = compilePattern(pattern);
  } catch (err) {
    // A pattern being typed is not yet valid: the form's own check says why.
    if (err instanceof DossierCodeError) return null;
    throw err;
  }
  const agency = agencyCode?.trim() || EXAMPLE_AGENCY;
  const example = formatDossierCode({ agencyCode: agency, receivedAt: at, seq: 1, pattern });
  const parts = compiled.tokens.flatMap((token) => {
    switch (token.kind) {
      case 'agency':
        return [t.agency(agency)];
      case 'date': {
        const written = formatDossierCode({ agencyCode: agency, receivedAt: at, seq: 1, pattern: `{agency}-{${token.format}}-{seq:1}` }).split('-').at(-2)!;
        return [token.format === 'yyMMdd' ? t.dateShort(written, formatDateVi(at)) : t.dateLong(written, formatDateVi(at))];
      }
      case 'seq':
        return [t.seq(token.width, '1'.padStart(token.width, '0'))];
      case 'literal':
        return [];
    }
  });
  return { example, parts };
}
