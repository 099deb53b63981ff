/**
 * core/print/qr/matrix.ts gives the very module matrix pdfmake's own encoder (pdfmake/js/qrEnc.js) gives,
 * mask choice included, for payloads of every mode and size the forms could carry.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { qrMatrix, type EccLevel } from '../../src-main/core/print/qr/matrix';

interface Rect {
  x: number;
  y: number;
  w: number;
}
const qrEnc = (createRequire(import.meta.url)('pdfmake/js/qrEnc') as {
  default: { measure(node: object): { _canvas: Rect[] } };
}).default;

/** pdfmake's matrix, read back from its canvas (one-point modules when fit is the side in modules). */
function pdfmakeDarkModules(payload: string, eccLevel: EccLevel): string[] {
  const probe = qrEnc.measure({ qr: payload, fit: 1000, eccLevel })._canvas;
  const n = Math.round(probe[0]!.w / probe[1]!.w);
  const [, ...modules] = qrEnc.measure({ qr: payload, fit: n, eccLevel })._canvas;
  return modules.map((r) => `${r.y},${r.x}`);
}

function darkModules(payload: string, eccLevel: EccLevel): string[] {
  const { size: n, dark } = qrMatrix(payload, eccLevel);
  const out: string[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (dark[i * n + j]) out.push(`${i},${j}`);
  return out;
}

/** A small deterministic generator, so a failure names a payload that can be replayed. */
function* payloads(): Generator<string> {
  yield '000.17.22.H56-260205-0007';
  yield 'https://dvc.cantho.example.vn/tra-cuu/000.17.22.H56-260205-0007';
  yield '';
  yield '0';
  yield '0123456789';
  yield 'ABC $%*+-./:';
  yield 'Nguyễn Thị Hồng Đào, ấp Phú Thạnh';
  yield 'x'.repeat(300); // version 10 and above: longer length fields, version information
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const alphabets = [
    '0123456789', // numeric mode
    '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:', // alphanumeric mode
    'abcdefghijklmnopqrstuvwxyz/.:-0123456789', // bytes, as links are
    'aăâbcdđeêghiklmnoôơpqrstuưvxyạảấầẩẫậ', // bytes of multi-byte UTF-8
  ];
  for (let i = 0; i < 160; i++) {
    const alphabet = alphabets[i % alphabets.length]!;
    const length = 1 + (next() % (i < 120 ? 80 : 400));
    let s = '';
    for (let k = 0; k < length; k++) s += alphabet[next() % alphabet.length];
    yield s;
  }
}

describe('QR matrix', () => {
  it("matches pdfmake's encoder module for module, mask choice included", () => {
    for (const payload of payloads()) {
      for (const ecc of ['L', 'M', 'Q', 'H'] as const) {
        expect(darkModules(payload, ecc), `${ecc} ${JSON.stringify(payload)}`).toEqual(pdfmakeDarkModules(payload, ecc));
      }
    }
  });
});
