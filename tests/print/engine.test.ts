/**
 * The print engine (engine.ts and its parts: measure-memo, renderer, pdf-document, pdfkit-runs,
 * content-writer) writes exactly the bytes pdfmake writes for the same document, whatever was
 * printed before it in the process; and every shortcut hands anything unusual back to pdfmake.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src-main/core/print/pdf-engine/engine';
import { FONT_FAMILY } from '../../src-main/core/print/fonts';
import { inlineStyles } from '../../src-main/core/print/pdf-engine/inline-styles';
import { MEASURED_STYLE_KEYS } from '../../src-main/core/print/pdf-engine/measure-memo';
import type { PrintContext } from '../../src-main/core/print/model';
import { buildDocument, FORM_IDS, renderForm, type FormId } from '../../src-main/core/print/render';
import { FULL_CONTEXT, longContext, registerContext, SAMPLE_CONTEXT } from '../fixtures/print/context';

/** What pdfmake itself writes for the document renderForm prints. */
async function pdfmakeBytes(id: FormId, ctx: PrintContext): Promise<Buffer> {
  return Buffer.from(await pdfmake.createPdf(inlineStyles(buildDocument(id, ctx))).getBuffer());
}

function withApplicant(ctx: PrintContext, applicant: Partial<NonNullable<PrintContext['dossier']>['applicant']>, code?: string): PrintContext {
  const d = ctx.dossier!;
  return { ...ctx, dossier: { ...d, ...(code ? { code } : {}), applicant: { ...d.applicant, ...applicant } } };
}

const CASES: [string, FormId, PrintContext][] = [
  ...FORM_IDS.map((id): [string, FormId, PrintContext] => [`${id}, full`, id, FULL_CONTEXT]),
  // The forms the bare sample context is enough for.
  ...(['mau01', 'mau06', 'ticket'] as const).map((id): [string, FormId, PrintContext] => [`${id}, sample`, id, SAMPLE_CONTEXT]),
  ['mau01, 40 documents over several pages', 'mau01', longContext(40)],
  ['mau07, 90 dossiers with page numbers', 'mau07', registerContext(90)],
  ['mau01, other name and code', 'mau01', withApplicant(FULL_CONTEXT, { fullName: 'Lê Thị Ánh Tuyết 17' }, '000.17.22.H56-261123-0489')],
  ['mau01, glyph parts as letters', 'mau01', withApplicant(FULL_CONTEXT, { address: 'Số 12 ı ˜ ˆ ´ ấ ệ ọ ữ' })],
];

describe('print engine', () => {
  it('writes the bytes pdfmake writes, in any order and with caches warm from other documents', async () => {
    for (const order of [CASES, [...CASES].reverse()]) {
      for (const [name, id, ctx] of order) {
        const { pdf } = await renderForm(id, ctx);
        expect(pdf.equals(await pdfmakeBytes(id, ctx)), name).toBe(true);
      }
    }
  });

  it('hands what its shortcuts do not cover to pdfmake, with the same bytes', async () => {
    await renderForm('mau01', FULL_CONTEXT); // configures pdfmake's fonts
    const content: Content[] = [
      { text: 'Liên kết tới cổng dịch vụ công', link: 'https://dichvucong.gov.vn', color: 'blue' },
      { text: ['H', { text: '2', sub: true }, 'O và x', { text: '2', sup: true }] },
      { text: 'Giãn chữ', characterSpacing: 2 },
      { text: 'Nền vàng, chữ đỏ mờ', background: 'yellow', color: '#c00', opacity: 0.5 },
      { text: 'Gạch chân chấm', decoration: 'underline', decorationStyle: 'dotted' },
      { text: 'Đề mục', id: 'muc-1', style: 'heading' },
      { text: 'Dòng một\nDòng hai\n\nDòng bốn', alignment: 'justify' },
      { text: 'Căn phải', alignment: 'right' },
      { text: 'Căn giữa', alignment: 'center', fontSize: 9 },
      {
        canvas: [
          { type: 'rect', x: 0, y: 0, w: 40, h: 10, color: '#eee', lineColor: '#000' },
          { type: 'rect', x: 50, y: 0, w: 40, h: 10, r: 3, color: 'green' },
          { type: 'rect', x: 100, y: 0, w: 40, h: 10, color: 'red', fillOpacity: 0.3 },
          { type: 'rect', x: 150, y: 0, w: 40, h: 10, color: 'black', lineJoin: 'round' },
          { type: 'line', x1: 0, y1: 15, x2: 190, y2: 15, dash: { length: 3 } },
          { type: 'ellipse', x: 220, y: 5, r1: 8, r2: 5, color: 'navy' },
        ],
      },
      { table: { body: [['Ô một', { text: 'Ô hai', bold: true, italics: true }]] } },
      { text: '' },
    ];
    const doc = (): TDocumentDefinitions => ({
      content: structuredClone(content),
      defaultStyle: { font: FONT_FAMILY, fontSize: 12 },
      styles: { heading: { fontSize: 15, bold: true } },
      info: { title: 'Thử', creationDate: new Date(0), modDate: new Date(0) },
    });
    const expected = Buffer.from(await pdfmake.createPdf(doc()).getBuffer());
    expect((await renderPdf(doc())).equals(expected)).toBe(true);
    // Again, with everything in it measured and laid out before.
    expect((await renderPdf(doc())).equals(expected)).toBe(true);
  });

  it("remembers measurements under every style property pdfmake's text measurement reads", () => {
    const js = (file: string) => fs.readFileSync(createRequire(import.meta.url).resolve(`pdfmake/js/${file}`), 'utf8');
    const read = new Set<string>();
    for (const source of [js('TextInlines.js'), js('TextBreaker.js')]) {
      for (const m of source.matchAll(/getStyleProperty\([^,]+,\s*\w+,\s*'(\w+)'/g)) read.add(m[1]!);
    }
    expect([...read].sort()).toEqual([...MEASURED_STYLE_KEYS].sort());
  });
});
