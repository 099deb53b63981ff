/**
 * Named styles written into nodes before layout (inline-styles.ts) change nothing pdfmake draws:
 * every form renders to the very bytes it renders to with its named styles.
 */
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { inlineStyles } from '../../src-main/core/print/pdf-engine/inline-styles';
import { buildDocument, FORM_IDS, renderForm } from '../../src-main/core/print/render';
import { FULL_CONTEXT } from '../fixtures/print/context';

describe('named styles inlined', () => {
  it.each(FORM_IDS.map((id) => [id]))('%s renders the same bytes', async (id) => {
    const { pdf } = await renderForm(id, FULL_CONTEXT); // also configures pdfmake's fonts
    const named = Buffer.from(await pdfmake.createPdf(buildDocument(id, FULL_CONTEXT)).getBuffer());
    expect(named.equals(pdf)).toBe(true);
  });

  const doc = (content: Content[]): TDocumentDefinitions => ({
    content,
    styles: { body: { fontSize: 13, bold: true }, spaced: { fontSize: 11, margin: [0, 4, 0, 0] } },
  });

  it("merges a node's styles under its own values, which null does not hide", () => {
    const out = inlineStyles(doc([{ text: 'a', style: 'body', fontSize: 9, bold: null } as unknown as Content]));
    expect(out.content).toEqual([{ fontSize: 9, bold: true, text: 'a' }]);
  });

  it('keeps styles with margins named, since pdfmake reads those off the style dictionary', () => {
    const node = { text: 'a', style: ['body', 'spaced'] } as Content;
    expect(inlineStyles(doc([node])).content).toEqual([node]);
  });

  it('keeps a node used twice shared, as pdfmake saw it', () => {
    const rule = { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 10, y2: 0 }] } as Content;
    const out = inlineStyles(doc([rule, { text: 'x', style: 'body' }, rule])).content as Content[];
    expect(out[0]).toBe(out[2]);
    expect(out[0]).not.toBe(rule);
  });
});
