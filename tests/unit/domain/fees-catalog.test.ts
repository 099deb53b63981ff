/** The procedure catalogue seed (DOMAIN.md §8) and fee computation. */
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../assets/seed/catalog.json';
import { loadCatalog, proceduresInForce, type Procedure } from '@shared/domain/catalog';
import { computeFees, perPageAmount, type FeeInput } from '@shared/domain/fees';

const catalog = loadCatalog(catalogJson);
const byCode = (code: string): Procedure => {
  const p = catalog.procedures.find((x) => x.code === code);
  if (!p) throw new Error(`missing ${code}`);
  return p;
};

describe('catalogue seed', () => {
  it('has at least 35 commune-level procedures, versioned', () => {
    expect(catalog.procedures.length).toBeGreaterThanOrEqual(35);
    expect(catalog.version).toMatch(/\d/);
    expect(proceduresInForce(catalog, '2026-11-22').length).toBe(catalog.procedures.length);
  });

  it('covers every field: chứng thực, hộ tịch, hộ kinh doanh, bảo trợ xã hội, cư trú, đất đai', () => {
    const fields = new Set(catalog.procedures.map((p) => p.field));
    expect([...fields].sort()).toEqual(['bao_tro_xa_hoi', 'chung_thuc', 'cu_tru', 'dat_dai', 'ho_kinh_doanh', 'ho_tich']);
  });

  it.each([
    '2.000815', '2.000884', '2.000908', '2.000942', '2.000992', '2.001019', '1.001193', '1.000689', '1.001022',
    '1.000894', '1.000656', '1.004873', '1.004884', '1.004746', '1.005461', '1.004859', '1.004837', '2.000635',
    '2.000806', '2.001263', '1.001612', '2.000720', '1.001570', '1.001266', '1.001776', '1.011607', '1.004222',
    '1.004194', '1.002755', '1.003197', '1.010038', '1.013978', '1.013949',
  ])('contains the DOMAIN §8 procedure %s', (code) => {
    expect(byCode(code).name.length).toBeGreaterThan(5);
  });

  it('chứng thực bản sao is "trong ngày" with the 15:00 rule', () => {
    expect(byCode('2.000815').deadline).toMatchObject({ unit: 'same_day', cutoff15: true });
  });

  it('hộ kinh doanh registration is 3 working days (NĐ 168/2025)', () => {
    expect(byCode('1.001612').deadline).toMatchObject({ amount: 3, unit: 'working_days' });
  });

  it('never invents a fee: procedures without a DOMAIN amount use the province-set rule with no amount', () => {
    for (const code of ['1.004873', '1.001612', '1.001776', '1.013978', '2.000806']) {
      const rule = byCode(code).fees.find((f) => f.kind === 'province_set');
      expect(rule, code).toBeDefined();
      expect(rule && rule.kind === 'province_set' ? rule.amount : 'x').toBeNull();
    }
  });

  it('every fee and deadline carries a confidence tag, and ids are unique', () => {
    const ids = catalog.procedures.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of catalog.procedures) {
      for (const f of p.fees) expect(['C', 'S', 'M', 'X', '?']).toContain(f.confidence);
      if (p.deadline === null) expect(p.confidence.deadline).toBe('?');
    }
  });

  it('rejects a catalogue whose fee rule references an undeclared condition', () => {
    const bad = structuredClone(catalogJson) as { procedures: { fees: { when?: string }[] }[] };
    bad.procedures[0]!.fees[0]!.when = 'khong-ton-tai';
    expect(() => loadCatalog(bad)).toThrowError(expect.objectContaining({ code: 'CATALOG_INVALID' }));
  });
});

describe('fees: chứng thực bản sao (2.000 đ/trang for pages 1–2, 1.000 đ from page 3, ≤ 200.000 đ/bản)', () => {
  const p = byCode('2.000815');
  const rule = p.fees[0]!;
  if (rule.kind !== 'per_page') throw new Error('expected a per-page rule');

  it.each([
    [1, 2000],
    [2, 4000],
    [3, 5000],
    [10, 12000], // 2×2.000 + 8×1.000
    [198, 200000], // 4.000 + 196×1.000 = 200.000 exactly at the cap
    [250, 200000], // 4.000 + 248×1.000 = 252.000 → capped
  ])('%i page(s) per copy cost %i đ', (pages, amount) => {
    expect(perPageAmount(rule, pages)).toBe(amount);
  });

  it('5 pages × 2 copies = 2 × 7.000 đ = 14.000 đ', () => {
    const r = computeFees(p, { pages: 5, copies: 2 });
    expect(r.total).toBe(14000);
    expect(r.lines[0]!.label).toContain('5 trang × 2 bản');
  });

  it('the cap applies per copy: 250 pages × 3 copies = 600.000 đ', () => {
    expect(computeFees(p, { pages: 250, copies: 3 }).total).toBe(600000);
  });

  it('refuses a per-page fee without a page count', () => {
    expect(() => computeFees(p, {})).toThrowError(expect.objectContaining({ code: 'INVALID_FEE_INPUT' }));
  });
});

describe('fees: other rules', () => {
  it('chứng thực chữ ký is 10.000 đ per case', () => {
    expect(computeFees(byCode('2.000884')).total).toBe(10000);
  });

  it('bản sao trích lục hộ tịch is 8.000 đ per copy: 3 copies = 24.000 đ', () => {
    expect(computeFees(byCode('2.000635'), { copies: 3 }).total).toBe(24000);
  });

  it('TT 117/2026 exemption applies on 22/11/2026 and is recorded with its reason', () => {
    const r = computeFees(byCode('2.000635'), { copies: 2, exemption: { id: 'cong-dan-so-tt117' }, onDate: '2026-11-22' });
    expect(r.total).toBe(0);
    expect(r.lines[0]!.exemptReason).toContain('Thông tư 117/2026/TT-BTC');
  });

  it('TT 117/2026 exemption is refused after 28/02/2027', () => {
    expect(() =>
      computeFees(byCode('2.000635'), { exemption: { id: 'cong-dan-so-tt117' }, onDate: '2027-03-01' }),
    ).toThrowError(expect.objectContaining({ code: 'EXEMPTION_NOT_VALID' }));
  });

  it('khai sinh on time is free, with the reason on the line', () => {
    const r = computeFees(byCode('1.001193'));
    expect(r.total).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]!.exemptReason).toContain('đúng hạn');
  });

  it('late khai sinh needs the province amount: missing until entered, then charged', () => {
    const late: FeeInput = { conditions: ['registered_late'] };
    expect(computeFees(byCode('1.001193'), late).missingAmounts.map((m) => m.ruleId)).toEqual(['le-phi-qua-han']);
    expect(computeFees(byCode('1.001193'), { ...late, provinceAmounts: { 'le-phi-qua-han': 5000 } }).total).toBe(5000);
  });

  it('đăng ký thường trú is 20.000 đ at the counter and 10.000 đ online (TT 75/2022)', () => {
    expect(computeFees(byCode('1.004222'), { channel: 'direct' }).total).toBe(20000);
    expect(computeFees(byCode('1.004222'), { channel: 'online' }).total).toBe(10000);
  });

  it('a free-text exemption (e.g. hộ nghèo) zeroes the line and keeps the reason', () => {
    const r = computeFees(byCode('2.000884'), { exemption: { reason: 'Người thuộc hộ nghèo' } });
    expect(r.lines).toEqual([{ label: 'Phí chứng thực chữ ký', amount: 0, exemptReason: 'Người thuộc hộ nghèo' }]);
  });

  it('nuôi con nuôi is 400.000 đ unless a listed exemption applies', () => {
    expect(computeFees(byCode('2.001263')).total).toBe(400000);
    expect(computeFees(byCode('2.001263'), { exemption: { id: 'nguoi-than-ruot' } }).total).toBe(0);
  });
});
