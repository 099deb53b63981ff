/**
 * Shaped words reused across documents (shaping-cache.ts) give each document exactly what
 * fontkit's own layout would: the same glyphs, code points and positions, and the same glyph
 * cache afterwards (pdfkit writes the ToUnicode map from it).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFontsDir } from '../../src-main/core/print/fonts';
import { cachedLayout, ShapeCache, type ShapingFont } from '../../src-main/core/print/pdf-engine/shaping-cache';

const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
const fontkit = createRequire(fromPdfmake.resolve('pdfkit'))('fontkit') as { create(bytes: Buffer): ShapingFont };
const parsed = fontkit.create(fs.readFileSync(path.join(getFontsDir(), 'LiberationSerif-Italic.ttf')));

/** Words fontkit itself has shaped through cached layouts. */
let shaped: string[] = [];
function fontkitLayout(this: ShapingFont, text: string, ...rest: unknown[]) {
  shaped.push(text);
  return parsed.layout.call(this, text, ...rest);
}

/** A per-document view, as shared-fonts.ts makes them, with or without the shared cache. */
function documentFont(cache?: ShapeCache): ShapingFont {
  const font = Object.create(parsed, { _glyphs: { value: {}, writable: true } }) as ShapingFont;
  if (cache) font.layout = cachedLayout(font, cache, fontkitLayout);
  return font;
}

type Run = ReturnType<ShapingFont['layout']>;

function summary(run: Run) {
  return run.glyphs.map((g, i) => ({ id: g.id, codePoints: g.codePoints, ...run.positions[i] }));
}

function glyphCache(font: ShapingFont) {
  return Object.fromEntries(Object.entries(font._glyphs).map(([id, g]) => [id, g!.codePoints]));
}

// Words as pdfkit cuts them (trailing space kept), with marks, kerning pairs, a soft hyphen
// (hidden as a zero-width space) and a character the font lacks (glyph 0).
const WORDS = ['Tiếp ', 'nhận ', 'hồ ', 'sơ ', 'AVA ', 'Ty, ', 'co\u00adop ', '。 ', 'Nguyễn ', 'Thị ', 'Đào'];

describe('shaped words shared across documents', () => {
  it('replays into a later document exactly what fontkit shapes there', () => {
    const cache = new ShapeCache();
    const first = documentFont(cache);
    first.getGlyph(0); // as pdfkit's EmbeddedFont does on creation
    for (const w of WORDS) first.layout(w);

    const plain = documentFont();
    const cached = documentFont(cache);
    for (const f of [plain, cached]) f.getGlyph(0);
    shaped = [];
    for (const w of [...WORDS].reverse()) expect(summary(cached.layout(w)), w).toEqual(summary(plain.layout(w)));
    expect(shaped).toEqual([]);
    expect(glyphCache(cached)).toEqual(glyphCache(plain));
    // Replayed runs carry fontkit's own run API (pdfkit reads advanceWidth).
    expect((cached.layout('AVA ') as Run & { advanceWidth: number }).advanceWidth).toBe(
      (plain.layout('AVA ') as Run & { advanceWidth: number }).advanceWidth,
    );
  });

  it('shapes afresh where the document already holds a glyph with other code points', () => {
    const cache = new ShapeCache();
    documentFont(cache).layout('AVA ');
    const plain = documentFont();
    const cached = documentFont(cache);
    const a = documentFont().layout('A').glyphs[0]!.id;
    // A glyph reached first in another way carries other code points (pdfkit keeps the first).
    for (const f of [plain, cached]) f.getGlyph(a, [0x41, 0x41]);
    shaped = [];
    expect(summary(cached.layout('AVA '))).toEqual(summary(plain.layout('AVA ')));
    expect(shaped).toEqual(['AVA ']);
    expect(cached.layout('AVA ').glyphs[0]!.codePoints).toEqual([0x41, 0x41]);
    expect(glyphCache(cached)).toEqual(glyphCache(plain));
  });
});
