/** The dossier QR decodes (zbarimg on a 200 dpi render) to the lookup link, or the bare code. */
import { describe, expect, it } from 'vitest';
import { renderForm, type FormId } from '../../src-main/core/print/render';
import { codeFromQrPayload, qrPayload } from '../../src-main/core/print/qr/payload';
import { FULL_CONTEXT, SAMPLE_CONTEXT } from '../fixtures/print/context';
import { renderPng, zbar } from './tools';

const CODE = SAMPLE_CONTEXT.dossier!.code;
const LINK = `https://dvc.cantho.example.vn/tra-cuu/${CODE}`;

describe('dossier QR', () => {
  it('Mẫu 01, the receipt the citizen keeps, carries the lookup link with its key', async () => {
    const { pdf } = await renderForm('mau01', FULL_CONTEXT);
    expect(zbar(renderPng(pdf, 200))).toEqual([`${LINK}?k=K7M2QX9PRT`]);
  });

  it.each<FormId>(['mau02', 'mau03', 'mau04', 'mau05', 'mau06', 'ticket'])(
    '%s page 1 carries the lookup link of the dossier, without the key',
    async (id) => {
      const { pdf } = await renderForm(id, FULL_CONTEXT);
      expect(zbar(renderPng(pdf, 200))).toEqual([LINK]);
    },
  );

  it('carries the bare code when no hub is configured', async () => {
    const { hubUrl: _omit, ...office } = SAMPLE_CONTEXT.office;
    const { pdf } = await renderForm('mau01', { ...SAMPLE_CONTEXT, office });
    expect(zbar(renderPng(pdf, 200))).toEqual([CODE]);
  });

  it('round-trips the code through the payload', () => {
    expect(qrPayload(CODE, 'https://dvc.cantho.example.vn/')).toBe(LINK);
    expect(codeFromQrPayload(LINK)).toBe(CODE);
    expect(codeFromQrPayload(CODE)).toBe(CODE);
    expect(qrPayload(CODE, 'https://dvc.cantho.example.vn/', 'K7M2QX9PRT')).toBe(`${LINK}?k=K7M2QX9PRT`);
    expect(codeFromQrPayload(`${LINK}?k=K7M2QX9PRT`)).toBe(CODE);
  });
});
