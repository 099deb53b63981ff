/**
 * A procedure's page on Cổng Dịch vụ công quốc gia (procedureSchema.portalUrl): citizens scan it
 * from the public board, so only an https page of dichvucong.gov.vn or its subdomains is taken,
 * through the whole catalog as the province publishes it; the seed carries none.
 */
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../assets/seed/catalog.json';
import { CatalogInvalidError, loadCatalog, portalUrlSchema } from '@shared/domain/catalog';

const seed = loadCatalog(catalogJson);

describe("a procedure's portal page", () => {
  it.each([
    'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1774',
    'https://thutuc.dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=140183',
    'https://csdl.dichvucong.gov.vn/web/jsp/download_file.jsp?ma=6007',
    'https://DichVuCong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=6007',
  ])('accepts %s', (url) => {
    expect(portalUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    ['plain http', 'http://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1774'],
    ['another host', 'https://dvc.tinh.example.vn/thu-tuc/1774'],
    ['a look-alike host', 'https://dichvucong.gov.vn.example.com/p/home?ma_thu_tuc=1774'],
    ['a host ending in the name', 'https://fakedichvucong.gov.vn/p/home?ma_thu_tuc=1774'],
    ['credentials before the host', 'https://dichvucong.gov.vn@example.com/p/home'],
    ['a user on the portal host', 'https://user:pw@dichvucong.gov.vn/p/home'],
    ['another port', 'https://dichvucong.gov.vn:8443/p/home'],
    ['a script', 'javascript:alert(1)'],
    ['not an address', 'ma_thu_tuc=1774'],
    ['too long for a QR a phone reads', `https://dichvucong.gov.vn/p/home?ma_thu_tuc=1774&x=${'a'.repeat(200)}`],
  ])('refuses %s, in Vietnamese', (_why, url) => {
    const parsed = portalUrlSchema.safeParse(url);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(/Địa chỉ trang thủ tục/);
  });

  it('travels in the catalog the province publishes, and a foreign one refuses the whole catalog', () => {
    const page = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1774';
    const [first, ...rest] = seed.procedures;
    const published = loadCatalog({ ...seed, procedures: [{ ...first, portalUrl: page }, ...rest] });
    expect(published.procedures[0]!.portalUrl).toBe(page);
    expect(() => loadCatalog({ ...seed, procedures: [{ ...first, portalUrl: 'https://example.com/tthc' }, ...rest] })).toThrow(CatalogInvalidError);
  });

  it('is absent from every procedure of the shipped seed (no sourced portal numbers)', () => {
    expect(seed.procedures.filter((p) => p.portalUrl !== undefined)).toEqual([]);
  });
});
