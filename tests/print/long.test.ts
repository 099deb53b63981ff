/** Long content wraps and flows onto further pages; nothing is clipped or lost. */
import { describe, expect, it } from 'vitest';
import { renderForm } from '../../src-main/core/print/render';
import { longContext, registerContext } from '../fixtures/print/context';
import { flat, pageCount, pdfText } from './tools';

describe('long content', () => {
  it('Mẫu 01 with 40 documents and long names paginates each liên without losing a line', async () => {
    const ctx = longContext(40);
    const { pdf } = await renderForm('mau01', ctx);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    const text = flat(pdfText(pdf));
    const d = ctx.dossier!;
    for (let i = 1; i <= 40; i++) {
      // Each document appears once per liên.
      expect(text.split(`Giấy tờ số ${i}: `).length - 1, `document ${i}`).toBe(2);
    }
    // The name is printed in the body and under the signature of both liên; the signature column
    // wraps it, so count on whitespace-free raw text.
    const unspaced = pdfText(pdf, undefined, true).replace(/\s+/g, '');
    expect(unspaced.split(d.applicant.fullName.replace(/\s+/g, '')).length - 1).toBe(4);
    expect(text).toContain(flat(`Địa chỉ: ${d.applicant.address!}`));
    expect(text).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 05 tháng 02 năm 2026');
    // Liên 2 begins on a fresh page with its own header.
    let liên2Page = 0;
    for (let p = 1; p <= pages; p++) {
      if (pdfText(pdf, { first: p, last: p }).includes('(Liên 2: Giao khách hàng)')) liên2Page = p;
    }
    expect(liên2Page).toBeGreaterThan(2);
    expect(pdfText(pdf, { first: liên2Page, last: liên2Page })).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // The closing notes of Liên 1 sit on the page before Liên 2.
    expect(flat(pdfText(pdf, { first: liên2Page - 1, last: liên2Page - 1 }))).toContain('Ghi chú:');
  });

  it('Mẫu 07 with 90 dossiers repeats the table header and numbers the pages', async () => {
    const { pdf } = await renderForm('mau07', registerContext(90));
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(3);
    for (let p = 1; p <= pages; p++) {
      const page = flat(pdfText(pdf, { first: p, last: p }));
      expect(page, `page ${p}`).toContain('Ngày, tháng, năm');
      if (p > 1) expect(page.trimStart().startsWith(String(p)), `page number on ${p}`).toBe(true);
    }
    const raw = flat(pdfText(pdf, undefined, true)).replace(/\s+/g, '');
    for (let i = 1; i <= 90; i++) expect(raw).toContain(`000.17.22.H56-260205-${String(i).padStart(4, '0')}`);
  });
});
