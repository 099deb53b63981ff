/**
 * Finding signatures in PDF bytes (src-shared/signing/pdf-signatures.ts): the /ByteRange's gap is
 * the /Contents, dates in PDF form, and refusals of what does not add up.
 */
import { describe, expect, it } from 'vitest';
import { findPdfSignatures, MalformedSignatureError, parsePdfDate, signedBytes } from '@shared/signing/pdf-signatures';
import { verifyPdf } from '@shared/signing/verify';

const enc = (s: string) => new TextEncoder().encode(s);

/** A minimal "signed" file: a dictionary whose ByteRange points at its own Contents. */
function fakeSigned(cmsHex: string, tail = '\n%%EOF'): Uint8Array {
  const head = '%PDF-1.7\n1 0 obj\n<< /Type /Sig /SubFilter /ETSI.CAdES.detached /ByteRange [0 AAAA BBBB CCCC] /Contents ';
  const contents = `<${cmsHex}>`;
  const rest = ` /M (D:20261123091500+07'00') >>\nendobj${tail}`;
  const b = head.length;
  const c = b + contents.length;
  const d = rest.length;
  const fixed = (n: number) => String(n).padStart(4, '0');
  return enc(head.replace('AAAA', fixed(b)).replace('BBBB', fixed(c)).replace('CCCC', fixed(d)) + contents + rest);
}

describe('findPdfSignatures', () => {
  it('reads the CMS from the gap, without its zero padding, with /M and /SubFilter', () => {
    const pdf = fakeSigned('3003020101' + '00'.repeat(20));
    const [sig] = findPdfSignatures(pdf);
    expect(sig).toMatchObject({ subFilter: 'ETSI.CAdES.detached', coversWholeFile: true });
    expect(Array.from(sig!.cms)).toEqual([0x30, 0x03, 0x02, 0x01, 0x01]);
    expect(sig!.claimedAt?.toISOString()).toBe('2026-11-23T02:15:00.000Z');
    const covered = new TextDecoder().decode(signedBytes(pdf, sig!.byteRange));
    expect(covered).not.toContain('3003020101');
    expect(covered.endsWith('%%EOF')).toBe(true);
  });

  it('says when bytes were appended after the signature', () => {
    const pdf = fakeSigned('3003020101', '\n%%EOF');
    const longer = new Uint8Array([...pdf, ...enc('\n1 0 obj << >> endobj\n%%EOF')]);
    // The ByteRange still names the original length: the tail is outside the signature.
    expect(findPdfSignatures(longer)[0]!.coversWholeFile).toBe(false);
  });

  it('refuses a ByteRange that does not point at a hex string', () => {
    const pdf = enc('%PDF-1.7 << /ByteRange [0 10 20 5] /Contents <00> >> padding padding padding');
    expect(() => findPdfSignatures(pdf)).toThrow(MalformedSignatureError);
  });

  it('finds nothing in an unsigned file, and the verifier says so in Vietnamese', async () => {
    expect(findPdfSignatures(enc('%PDF-1.7\n%%EOF'))).toEqual([]);
    expect(await verifyPdf(enc('%PDF-1.7\n%%EOF'), { trustAnchors: [], now: new Date('2026-11-23T02:15:00Z') })).toEqual({ status: 'unsigned', summary: 'Tệp không có chữ ký số', signatures: [] });
  });

  it('answers a signature whose content is not CMS as invalid, not a crash', async () => {
    const verdict = await verifyPdf(fakeSigned('3003020101'), { trustAnchors: [], now: new Date('2026-11-23T02:15:00Z') });
    expect(verdict.status).toBe('invalid');
    expect(verdict.summary).toBe('Chữ ký KHÔNG hợp lệ: Nội dung chữ ký không phải cấu trúc CMS đọc được');
  });
});

describe('parsePdfDate', () => {
  it.each([
    ["D:20261123091500+07'00'", '2026-11-23T02:15:00.000Z'],
    ['D:20261123021500Z', '2026-11-23T02:15:00.000Z'],
    ["D:20261122211500-05'00", '2026-11-23T02:15:00.000Z'],
    ['D:2026', '2026-01-01T00:00:00.000Z'],
  ])('%s', (s, iso) => expect(parsePdfDate(s)?.toISOString()).toBe(iso));
  it('is null for something else', () => expect(parsePdfDate('hôm qua')).toBeNull());
});
