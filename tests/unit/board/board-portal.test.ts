/**
 * What the public board's QR carries (src-main/core/board/board.ts): the address of the procedure's
 * page on Cổng Dịch vụ công quốc gia when the province's catalog gives one, otherwise its national
 * code; read back by a real decoder (jsQR, the lookup kiosk's camera decoder) from the modules.
 */
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import type { QrModules } from '@shared/rpc/board';
import { boardPortal } from '../../../src-main/core/board/board';

const PAGE = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=6007';

/** The modules as an RGBA image, 4 pixels a module, with the 4-module quiet zone, then decoded. */
function decode(qr: QrModules): string | null {
  const scale = 4;
  const side = (qr.size + 8) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - 4;
      const my = Math.floor(y / scale) - 4;
      if (mx < 0 || my < 0 || mx >= qr.size || my >= qr.size || qr.dark[my * qr.size + mx] !== '1') continue;
      const i = (y * side + x) * 4;
      pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
    }
  }
  return jsQR(pixels, side, side)?.data ?? null;
}

describe("the board's QR", () => {
  it("carries the procedure's page on the national portal when the catalog gives it", () => {
    const portal = boardPortal({ code: '1.001193', portalUrl: PAGE })!;
    expect(portal.url).toBe(PAGE);
    expect(portal.code).toBe('1.001193');
    expect(decode(portal.qr)).toBe(PAGE);
  });

  it('carries the national code to search for when the catalog gives no address', () => {
    const portal = boardPortal({ code: '1.001193', portalUrl: undefined })!;
    expect(portal.url).toBeNull();
    expect(decode(portal.qr)).toBe('1.001193');
  });

  it('still links the page of a procedure whose national code is not known', () => {
    const portal = boardPortal({ code: null, portalUrl: PAGE })!;
    expect(portal.code).toBeNull();
    expect(decode(portal.qr)).toBe(PAGE);
  });

  it('has no QR with neither', () => {
    expect(boardPortal({ code: null, portalUrl: undefined })).toBeNull();
  });
});
