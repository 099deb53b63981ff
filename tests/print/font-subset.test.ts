/**
 * Embedding subsets built from cached glyph facts (font-subset.ts) are byte for byte what
 * fontkit writes, for every committed face and for real form text, composites included.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedSubset, prepareSubsetFacts, type SubsetFont } from '../../src-main/core/print/pdf-engine/font-subset';
import { getFontsDir } from '../../src-main/core/print/fonts';
import { FORMS } from '../../src-main/core/print/forms';
import { FULL_CONTEXT } from '../fixtures/print/context';

type Font = SubsetFont & { glyphsForString(text: string): { id: number }[] };

// The fontkit instance pdfkit uses, as shared-fonts.ts resolves it.
const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
const fontkit = createRequire(fromPdfmake.resolve('pdfkit'))('fontkit') as { create(bytes: Buffer): Font };

/** A per-document view of a parsed font, as shared-fonts.ts makes them. */
function view(parsed: Font): Font {
  return Object.create(parsed, { _glyphs: { value: {}, writable: true } }) as Font;
}

/** Every string of every form's wording and of the fixture, as one text. */
function formText(): string {
  const strings: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(Object.values(FORMS).map((f) => f.template));
  walk(FULL_CONTEXT);
  return strings.join(' ').normalize('NFC');
}

describe.each(['Regular', 'Bold', 'Italic', 'BoldItalic'])('Liberation Serif %s', (face) => {
  const parsed = fontkit.create(fs.readFileSync(path.join(getFontsDir(), `LiberationSerif-${face}.ttf`)));
  const facts = prepareSubsetFacts(parsed);

  it('qualifies for cached subsets', () => {
    expect(facts).not.toBeNull();
    expect([...facts!.tables.keys()]).toEqual(['head', 'hhea', 'maxp', 'cvt ', 'prep', 'fpgm']);
  });

  it('embeds the same bytes as fontkit for the glyphs of the forms', () => {
    // Glyph ids in the order text would bring them, repeats included, as pdfkit does.
    const gids = view(parsed).glyphsForString(formText()).map((g) => g.id);
    const plain = view(parsed).createSubset();
    const cached = cachedSubset(view(parsed), facts!, parsed.createSubset);
    for (const gid of gids) {
      plain.includeGlyph(gid);
      cached.includeGlyph(gid);
    }
    const expected = Buffer.from(plain.encode());
    // Twice: the second time every glyph comes from the cache.
    expect(Buffer.from(cached.encode()).equals(expected)).toBe(true);
    const again = cachedSubset(view(parsed), facts!, parsed.createSubset);
    for (const gid of gids) again.includeGlyph(gid);
    expect(Buffer.from(again.encode()).equals(expected)).toBe(true);
  });
});
