/**
 * Deadline rules per procedure, as data (assets/seed/catalog.json): the hand-worked cases of
 * procedure-deadline-cases.ts through the catalog's own rules, and the rules' provenance.
 */
import { describe, expect, it } from 'vitest';
import catalogSeed from '../../../assets/seed/catalog.json';
import { limitInForce, loadCatalog } from '@shared/domain/catalog';
import { computeDue } from '@shared/domain/deadline';
import { at } from './deadline-cases';
import { seedCalendar } from './fixtures';
import { PROCEDURE_CASES } from './procedure-deadline-cases';

const catalog = loadCatalog(catalogSeed);
const byCode = (code: string) => catalog.procedures.find((p) => p.code === code)!;

describe('per-procedure deadline rules, hand-worked (2026 as shipped: confirmed)', () => {
  it.each(PROCEDURE_CASES)('$name', (c) => {
    const p = byCode(c.code);
    const limit = limitInForce(p.deadline!, c.verifying ?? false);
    const r = computeDue({
      receivedAt: at(c.received),
      amount: limit.amount,
      unit: limit.unit,
      cutoff15: limit.cutoff15,
      counting: c.counting ?? catalog.conventions.workingDayCounting.counting,
      countingBasis: catalog.conventions.workingDayCounting.legalBasis,
      ...(c.verifying ? { verification: { reason: 'xác minh điều kiện' } } : {}),
      calendar: seedCalendar,
    });
    expect(r.dueAt).toBe(at(c.due));
    expect(r.provisional).toBe(false);
  });

  it('says the counting convention and its legal basis in the explanation', () => {
    const p = byCode('1.004873');
    const base = { receivedAt: at('2026-11-20 16:30'), amount: p.deadline!.amount, unit: p.deadline!.unit, calendar: seedCalendar };
    const hours = computeDue({ ...base, counting: 'hours', countingBasis: catalog.conventions.workingDayCounting.legalBasis }).explanation.join(' ');
    expect(hours).toContain('1 ngày làm việc = 8 giờ');
    expect(hours).toContain('Bộ luật Lao động 2019, Điều 105');
    const nextDay = computeDue({ ...base, counting: 'next_day', countingBasis: 'Bộ luật Dân sự 2015, Điều 147 và 148' }).explanation.join(' ');
    expect(nextDay).toContain('không tính ngày tiếp nhận');
    expect(nextDay).toContain('Điều 147');
  });

  it('says when the verification limit applies, with the officer’s reason', () => {
    const p = byCode('1.000894');
    const limit = limitInForce(p.deadline!, true);
    const r = computeDue({ receivedAt: at('2026-11-23 09:00'), ...limit, verification: { reason: 'xác minh tình trạng hôn nhân' }, calendar: seedCalendar });
    expect(r.explanation.join(' ')).toContain('cần xác minh (xác minh tình trạng hôn nhân)');
  });

  it('refuses a fractional day count under the next-day convention', () => {
    expect(() => computeDue({ receivedAt: at('2026-11-23 09:00'), amount: 1.5, unit: 'working_days', counting: 'next_day', calendar: seedCalendar })).toThrowError(
      expect.objectContaining({ code: 'INVALID_DEADLINE' }),
    );
  });
});

describe('the catalog seed: every rule carries its source', () => {
  it('every deadline names its legal basis, and so does every verification limit', () => {
    for (const p of catalog.procedures) {
      if (!p.deadline) continue;
      expect(p.deadline.legalBasis, p.id).toBeTruthy();
      if (p.deadline.whenVerifying) expect(p.deadline.whenVerifying.legalBasis, p.id).toBeTruthy();
    }
    expect(catalog.conventions.workingDayCounting.legalBasis).toContain('Điều 105');
    expect(catalog.conventions.extensionNotice).toMatchObject({ workingDays: 1 });
  });

  it('the 15:00 rule is set where the statute says "sau 15 giờ": kết hôn, khai tử, khai sinh, chứng thực (incl. chữ ký người dịch)', () => {
    for (const code of ['1.000894', '1.000656', '1.001193', '2.000815', '2.000884', '2.000908', '2.000992', '2.000635']) {
      expect(byCode(code).deadline, code).toMatchObject({ cutoff15: true });
    }
  });

  it('verification limits: kết hôn 5 and khai tử 3 working days in total (Luật Hộ tịch Điều 18, 34)', () => {
    expect(byCode('1.000894').deadline!.whenVerifying).toMatchObject({ amount: 5, unit: 'working_days', cutoff15: false });
    expect(byCode('1.000656').deadline!.whenVerifying).toMatchObject({ amount: 3, unit: 'working_days' });
    expect(() => limitInForce(byCode('2.000815').deadline!, true)).toThrowError(expect.objectContaining({ code: 'NO_VERIFICATION_LIMIT' }));
  });

  it('chấm dứt giám hộ is 2 working days (Luật Hộ tịch Điều 22)', () => {
    expect(byCode('1.004845').deadline).toMatchObject({ amount: 2, unit: 'working_days' });
    expect(byCode('1.004845').deadline!.legalBasis).toContain('Điều 22');
  });

  it('1.013949 and 1.013978 are resolved by the Chủ tịch UBND cấp xã in 15 and 17–20 working days (QĐ 2304/QĐ-BNNMT)', () => {
    const giao = byCode('1.013949');
    const cap = byCode('1.013978');
    for (const p of [giao, cap]) {
      expect(p.resolvingAgency).toBe('Chủ tịch UBND cấp xã');
      expect(p.deadline!.legalBasis).toContain('2304/QĐ-BNNMT');
    }
    expect(giao.deadline).toMatchObject({ amount: 15, unit: 'working_days' });
    // The range is kept; the engine applies its lower end (never counts on time against a limit the commune may not have).
    expect(cap.deadline).toMatchObject({ amount: 17, unit: 'working_days', range: { min: 17, max: 20 } });
  });

  it('refuses a deadline outside its stated range', () => {
    const bad = structuredClone(catalogSeed) as typeof catalogSeed;
    const p = bad.procedures.find((x) => x.code === '1.013978')!;
    (p.deadline as { amount: number }).amount = 21;
    expect(() => loadCatalog(bad)).toThrowError(expect.objectContaining({ code: 'CATALOG_INVALID' }));
  });

  it('police (cư trú) procedures are marked as received for Công an cấp xã, with its own forms; 1.013314 stays with UBND', () => {
    const police = catalog.procedures.filter((p) => p.receivedFor);
    expect(police.map((p) => p.code).sort()).toEqual(['1.002755', '1.003197', '1.003677', '1.004194', '1.004222', '1.010038']);
    for (const p of police) {
      expect(p.receivedFor!.agency).toBe('Công an cấp xã');
      expect(p.receivedFor!.ownForms).toContain('66/2023/TT-BCA');
    }
    expect(byCode('1.013314').receivedFor).toBeUndefined();
  });

  it('14 procedures still have no deadline: the province or an administrator sets it from the quyết định công bố', () => {
    expect(catalog.procedures.filter((p) => p.deadline === null)).toHaveLength(14);
  });

  it('fee exemptions of hộ tịch are selectable one by one, each with its legal basis (Luật Hộ tịch Điều 11)', () => {
    const ids = byCode('1.004873').exemptions.map((e) => [e.id, e.legalBasis]);
    expect(ids).toEqual([
      ['nguoi-co-cong', 'Luật Hộ tịch 2014, Điều 11 khoản 1 điểm a'],
      ['ho-ngheo', 'Luật Hộ tịch 2014, Điều 11 khoản 1 điểm a'],
      ['nguoi-khuyet-tat', 'Luật Hộ tịch 2014, Điều 11 khoản 1 điểm a'],
    ]);
    for (const p of catalog.procedures) for (const e of p.exemptions) expect(e.legalBasis, `${p.id}/${e.id}`).toBeTruthy();
  });
});
