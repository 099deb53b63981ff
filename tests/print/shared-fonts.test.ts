/**
 * Each font file is parsed once per process and shared by every PDF (shared-fonts.ts), yet a PDF
 * must not depend on what was printed before it: its text layer (ToUnicode) comes from its own
 * text, and its bytes are those a freshly started app would write, so a reprint after a restart
 * still matches the archived SHA-256.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FORM_IDS, renderForm } from '../../src-main/core/print/render';
import { FULL_CONTEXT } from '../fixtures/print/context';
import { flat, pdfText } from './tools';

describe('fonts shared across PDFs', () => {
  it('gives glyphs that earlier PDFs embedded only inside other letters their own text', async () => {
    // In Liberation Serif "í", "ĩ", "ậ", "Á" are composites built from ı ˜ ˆ ´: every receipt
    // embeds those parts. Sharing fontkit's glyph objects across PDFs would leave them with the
    // empty text of a part, and a later PDF that prints them as letters would lose them.
    await renderForm('mau01', FULL_CONTEXT);
    const parts = 'ı ˜ ˆ ´';
    const d = FULL_CONTEXT.dossier!;
    const ctx = { ...FULL_CONTEXT, dossier: { ...d, applicant: { ...d.applicant, address: `Số 12 ${parts}` } } };
    expect(flat(pdfText((await renderForm('mau01', ctx)).pdf))).toContain(`Địa chỉ: Số 12 ${parts}`);
  });

  it('writes the bytes a freshly started process writes, whatever was printed before', async () => {
    for (const id of FORM_IDS) await renderForm(id, FULL_CONTEXT);
    const ids = ['mau01', 'ticket', 'report_ii06a'] as const;
    const here = await Promise.all(ids.map(async (id) => (await renderForm(id, FULL_CONTEXT)).sha256));
    const fresh = execFileSync(process.execPath, ['--import', 'tsx', 'tests/print/render-sha.ts', ...ids], { encoding: 'utf8' });
    expect(fresh.trim().split('\n')).toEqual(here);
  });
});
