/**
 * The NĐ 30 header's issuer block with long real commune names: a place name never breaks across
 * lines (pdftotext -layout keeps each line's words together), and the short rule under the issuer
 * keeps clear of the text above it (measured on the rendered page).
 */
import { describe, expect, it } from 'vitest';
import { renderForm } from '../../src-main/core/print/render';
import type { PrintContext } from '../../src-main/core/print/model';
import { FULL_CONTEXT } from '../fixtures/print/context';
import { parsePgm, pdfText, renderPgm } from './tools';

function withOffice(governingBody: string, name: string, place: string): PrintContext {
  return { ...FULL_CONTEXT, office: { ...FULL_CONTEXT.office, governingBody, name, place } };
}

/** Communes after the 2025 merger, with the long names that used to break. */
const OFFICES = [
  withOffice('Ủy ban nhân dân xã Hòa Mạc', 'Bộ phận Một cửa Ủy ban nhân dân xã Hòa Mạc', 'Hòa Mạc'),
  withOffice('Ủy ban nhân dân phường Thủ Dầu Một', 'Trung tâm Phục vụ hành chính công phường Thủ Dầu Một', 'Thủ Dầu Một'),
  withOffice('Ủy ban nhân dân xã Phước Long Thọ', 'Trung tâm Phục vụ hành chính công xã Phước Long Thọ', 'Phước Long Thọ'),
];

const PLACE = /(?:XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU) [^\n]*$/;

describe('the issuer block fits its column', () => {
  it.each(OFFICES.map((ctx) => [ctx.office.name, ctx]))('never splits the place name: %s', async (_name, ctx) => {
    for (const form of ['mau01', 'mau05', 'mau07'] as const) {
      const { pdf } = await renderForm(form, ctx);
      const page = pdfText(pdf, { first: 1, last: 1 });
      const place = ctx.office.place.toUpperCase();
      // The issuer lines are the left-hand text of the first lines (right column after a wide gap).
      const issuerLines = page
        .split('\n')
        .slice(0, 8)
        .map((l) => l.split(/\s{3,}/).filter(Boolean)[0] ?? '')
        .map((l) => l.trim());
      const withPlace = issuerLines.filter((l) => l.includes(place));
      expect(withPlace.length, `${form}: ${issuerLines.join(' | ')}`).toBeGreaterThan(0);
      for (const word of place.split(' ')) {
        // No issuer line ends in the middle of the place name.
        const broken = issuerLines.filter((l) => PLACE.test(l) && !l.includes(place) && l.endsWith(word));
        expect(broken, form).toEqual([]);
      }
    }
  });
});

/** Per row (top to bottom) of the header's left column: dark pixels, and the longest dark run. */
function headerRows(pdf: Buffer, dpi: number): { width: number; rows: { dark: number; run: number }[] } {
  const img = parsePgm(renderPgm(pdf, dpi));
  const left = Math.round((30 / 25.4) * dpi);
  const columnWidth = Math.round(0.42 * ((165 / 25.4) * dpi));
  const top = Math.round((20 / 25.4) * dpi);
  const rows: { dark: number; run: number }[] = [];
  for (let y = top; y < top + Math.round(dpi * 0.9); y++) {
    let dark = 0;
    let run = 0;
    let longest = 0;
    for (let x = left; x < left + columnWidth; x++) {
      if (img.data[y * img.width + x]! < 128) {
        dark++;
        longest = Math.max(longest, ++run);
      } else run = 0;
    }
    rows.push({ dark, run: longest });
  }
  return { width: columnWidth, rows };
}

describe('the rule under the issuer', () => {
  it.each([['mau05'], ['mau04'], ['mau01']] as const)('%s: stands clear of the issuer line above it', async (form) => {
    const dpi = 300;
    const { pdf } = await renderForm(form, withOffice('Ủy ban nhân dân xã Hòa Mạc', 'Trung tâm Phục vụ hành chính công xã Hòa Mạc', 'Hòa Mạc'));
    const { width, rows } = headerRows(pdf, dpi);
    // The rule: the first row with one unbroken dark run a third of the column long.
    const ruleRow = rows.findIndex((r) => r.run > width / 3 - 5);
    expect(ruleRow).toBeGreaterThan(0);
    expect(rows.slice(0, ruleRow).some((r) => r.dark > 0)).toBe(true);
    let gap = 0;
    for (let y = ruleRow - 1; y >= 0 && rows[y]!.dark === 0; y--) gap++;
    // At least 3 pt of white between the lowest mark of the text (dots below included) and the
    // rule: with the 2 pt margin it was 1.9 pt under "ỦY BAN NHÂN DÂN XÃ HÒA MẠC", which reads as touching.
    expect((gap / dpi) * 72).toBeGreaterThanOrEqual(3);
  });
});
