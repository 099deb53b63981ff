import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES } from '@shared/dossier';
import catalogSeed from '../../../assets/seed/catalog.json';
import { loadCatalog } from '@shared/domain/catalog';
import {
  DVCQG_STATUS,
  capNhatTienDoHoSoMCSchema,
  dongBoHoSoMCSchema,
  dvcqgExportResponseSchema,
  missingReferences,
  nationalProcedureCode,
  resolveReference,
  supplementRecords,
  toCapNhatTienDoHoSoMC,
  toDongBoHoSoMC,
} from '../../../src-server/export/dvcqg';
import { toDvcqgTime } from '../../../src-server/export/vn-time';
import {
  BACKENDS,
  adminHeaders,
  enrollCounter,
  eventOp,
  makeDossier,
  makeEvent,
  newCommune,
  openBackend,
  push,
  startHub,
  upsertOp,
  type Backend,
  type Hub,
} from './harness';

describe('DVCQG records (DOMAIN.md §6)', () => {
  // A chứng thực dossier received at 08:30 Hà Nội time, due the same afternoon, returned at 16:05.
  const returned = makeDossier('000.17.22.H56', {
    code: '000.17.22.H56-261120-0042',
    procedureCode: '2.000815.000.00.00.H56',
    procedureName: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
    applicant: {
      fullName: 'Lê Thị Mai Anh',
      idNumber: '038301004567',
      phone: '0915000111',
      email: 'maianh@example.vn',
      address: 'Số 12 Lê Lợi, phường Hạc Thành',
    },
    documents: [{ name: 'Bằng tốt nghiệp đại học', originals: 1, copies: 3 }],
    fees: [{ label: 'Lệ phí chứng thực bản sao', amount: 6000 }],
    channel: 'direct',
    delivery: 'counter',
    status: 'returned',
    receivedAt: '2026-11-20T01:30:00.000Z',
    dueAt: '2026-11-20T10:00:00.000Z',
    finishedAt: '2026-11-20T08:40:00.000Z',
    returnedAt: '2026-11-20T09:05:00.000Z',
    updatedAt: '2026-11-20T09:05:00.000Z',
  });

  it('formats instants as yyyyMMddHHmmss in Asia/Ho_Chi_Minh, across midnight and year end', () => {
    expect(toDvcqgTime('2026-11-20T01:30:00.000Z')).toBe('20261120083000');
    expect(toDvcqgTime('2026-12-31T17:00:00.000Z')).toBe('20270101000000');
    expect(toDvcqgTime('2026-03-15T08:30:00+07:00')).toBe('20260315083000');
  });

  it('renders a returned chứng thực dossier as a valid DongBoHoSoMC item with string values', () => {
    const record = dongBoHoSoMCSchema.parse(toDongBoHoSoMC(returned, 'UBND phường Hạc Thành'));
    expect(record).toMatchObject({
      MaHoSo: '000.17.22.H56-261120-0042',
      MaTTHC: '2.000815',
      TenTTHC: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
      ChuHoSo: 'Lê Thị Mai Anh',
      LoaiDoiTuong: '1',
      KenhThucHien: '1',
      HinhThuc: '0',
      NgayTiepNhan: '20261120083000',
      NgayNopHoSo: '20261120083000',
      NgayHenTra: '20261120170000',
      NgayKetThucXuLy: '20261120154000',
      NgayTra: '20261120160500',
      TrangThaiHoSo: '10',
      DonViXuLy: 'UBND phường Hạc Thành',
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '038301004567' }],
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí chứng thực bản sao', Gia: '6000' }],
      DanhSachTepDinhKemKhac: [{ TenGiayTo: 'Bằng tốt nghiệp đại học', SoLuong: '4', LoaiGiayTo: 'Bản chính' }],
    });
    for (const [key, value] of Object.entries(record)) {
      if (!Array.isArray(value)) expect(typeof value, key).toBe('string');
    }
  });

  it('maps every internal status to a national code 1–10, and channels and old ID cards too', () => {
    expect(Object.keys(DVCQG_STATUS).sort()).toEqual([...DOSSIER_STATUSES].sort());
    expect(DVCQG_STATUS.received).toBe('2');
    expect(DVCQG_STATUS.awaiting_supplement).toBe('5');
    expect(DVCQG_STATUS.result_ready).toBe('9');
    const postal = toDongBoHoSoMC(
      makeDossier('000.17.22.H56', {
        channel: 'postal',
        delivery: 'postal',
        status: 'received',
        applicant: { fullName: 'Hà Văn Tư', idNumber: '172345678' },
      }),
      'UBND xã Quảng Phú',
    );
    expect(dongBoHoSoMCSchema.parse(postal)).toMatchObject({
      KenhThucHien: '3',
      HinhThuc: '1',
      TrangThaiHoSo: '2',
      NgayTra: '',
      NgayKetThucXuLy: '',
      DinhDanhCHS: [{ LoaiDinhDanh: '2', SoDinhDanh: '172345678' }],
    });
    const passport = toDongBoHoSoMC(makeDossier('000.17.22.H56', { applicant: { fullName: 'John Smith', idNumber: 'C1234567' } }), 'X');
    expect(passport.DinhDanhCHS).toEqual([]);
  });

  it('keeps the national part of localised procedure codes', () => {
    expect(nationalProcedureCode('1.001193.000.00.00.H56')).toBe('1.001193');
    expect(nationalProcedureCode('2.000815')).toBe('2.000815');
    expect(nationalProcedureCode('QT-HT-01')).toBe('QT-HT-01');
  });

  it('renders a timeline event as a CapNhatTienDoHoSoMC item, officer name cut to 50 characters', () => {
    const event = makeEvent(returned, {
      type: 'province.status',
      fromStatus: 'processing',
      toStatus: 'result_ready',
      at: '2026-11-20T08:40:00.000Z',
      officer: 'Nguyễn Hoàng Phương Thảo Nguyên Khánh Linh Bảo Ngọc Trâm Anh',
    });
    const item = capNhatTienDoHoSoMCSchema.parse(toCapNhatTienDoHoSoMC(event, returned, 'UBND phường Hạc Thành'));
    expect(item).toMatchObject({
      MaHoSo: returned.code,
      ThoiDiemXuLy: '20261120154000',
      NoiDungXuLy: 'Đã xử lý xong hồ sơ',
      TrangThai: '9',
      NgayBatDau: '20261120083000',
      NgayKetThucTheoQuyDinh: '20261120170000',
    });
    expect(item.NguoiXuLy.length).toBeLessThanOrEqual(50);
    const noted = toCapNhatTienDoHoSoMC({ ...event, note: 'Chuyển phòng Tư pháp' }, returned, 'X');
    expect(noted.NoiDungXuLy).toBe('Chuyển phòng Tư pháp');
  });
});

/** The province's catalog as published: the seed with MaLinhVuc codes for three fields (test values). */
const FIELD_CODES = { ho_tich: 'LV-HOTICH-TEST', chung_thuc: 'LV-CHUNGTHUC-TEST', cu_tru: 'LV-CUTRU-TEST' };
const publishedCatalog = (fieldCodes: Record<string, string>, version: string) =>
  ({ method: 'POST' as const, url: '/v1/admin/publications', headers: adminHeaders, payload: { kind: 'catalog', version, data: { ...catalogSeed, version, fieldCodes } } });

describe('DVCQG records: legal due date, supplements, codes from the province catalog', () => {
  const catalog = loadCatalog({ ...catalogSeed, fieldCodes: FIELD_CODES });
  const base = makeDossier('000.17.22.H56', {
    procedureCode: '1.004194',
    procedureField: 'cu_tru',
    receivedAt: '2026-11-23T02:00:00.000Z', // Monday 09:00
    dueAt: '2026-11-30T02:00:00.000Z', // legal due after a one-day pause
    extendedDueAt: '2026-12-04T10:00:00.000Z',
    supplementCount: 1,
    status: 'processing',
  });
  const request = makeEvent(base, { type: 'requestSupplement', fromStatus: 'processing', toStatus: 'awaiting_supplement', at: '2026-11-25T02:00:00.000Z', officer: 'Lê Văn Nam', note: 'Thiếu hợp đồng thuê nhà', legalDueAt: '2026-11-27T02:00:00.000Z' });
  const supplied = makeEvent(base, { type: 'supplementReceived', fromStatus: 'awaiting_supplement', toStatus: 'processing', at: '2026-11-26T02:00:00.000Z', officer: 'Lê Văn Nam', legalDueAt: '2026-11-30T02:00:00.000Z' });

  it('sends the legal due date in NgayHenTra, the Mẫu 04 promise only in GhiChu, MaLinhVuc from the catalog', () => {
    const ref = resolveReference(base, catalog);
    expect(ref).toEqual({ nationalCode: '1.004194', fieldCode: 'LV-CUTRU-TEST', fieldName: 'Đăng ký, quản lý cư trú' });
    const record = dongBoHoSoMCSchema.parse(toDongBoHoSoMC(base, 'UBND xã Quảng Phú', ref, [request, supplied]));
    expect(record).toMatchObject({ MaTTHC: '1.004194', MaLinhVuc: 'LV-CUTRU-TEST', TenLinhVuc: 'Đăng ký, quản lý cư trú', NgayHenTra: '20261130090000' });
    expect(record.GhiChu).toContain('20261204170000');
  });

  it('lists each supplement pause in DanhSachHoSoBoSung, with the due date before and after', () => {
    const record = toDongBoHoSoMC(base, 'X', resolveReference(base, catalog), [supplied, request]);
    expect(record.DanhSachHoSoBoSung).toEqual([
      {
        HoSoBoSungId: request.id,
        NguoiYeuCauBoSung: 'Lê Văn Nam',
        NoiDungBoSung: 'Thiếu hợp đồng thuê nhà',
        NgayBoSung: '20261125090000',
        NguoiTiepNhanBoSung: 'Lê Văn Nam',
        ThongTinTiepNhan: '',
        NgayTiepNhanBoSung: '20261126090000',
        TrangThaiBoSung: '1',
        DanhSachGiayToBoSung: '',
        DanhSachLePhiBoSung: '',
        NgayHenTraTruoc: '20261127090000',
        NgayHenTraMoi: '20261130090000',
      },
    ]);
    // A pause still open is listed as not yet supplied.
    expect(supplementRecords([request])[0]).toMatchObject({ TrangThaiBoSung: '0', NgayTiepNhanBoSung: '', NgayHenTraMoi: '' });
  });

  it('never sends a local id as MaTTHC: an uncoded procedure, or a field without MaLinhVuc, is held back with the reason', () => {
    const uncoded = { ...base, procedureCode: 'chung-thuc-hop-dong-tai-san', procedureField: 'chung_thuc' };
    expect(missingReferences(resolveReference(uncoded, catalog))).toEqual(['Thủ tục chưa có mã TTHC quốc gia (MaTTHC) trong danh mục của tỉnh.']);
    const noField = { ...base, procedureCode: '1.001612', procedureField: 'ho_kinh_doanh' };
    expect(missingReferences(resolveReference(noField, catalog))).toEqual(['Chưa có mã lĩnh vực (MaLinhVuc) của thủ tục trong danh mục của tỉnh.']);
    expect(missingReferences(resolveReference(base, null))).toHaveLength(1);
  });
});

describe.each(BACKENDS)('hub on %s: GET /v1/export/dvcqg', (backendName) => {
  let backend: Backend;
  let hub: Hub;
  beforeAll(async () => {
    backend = await openBackend(backendName);
    hub = await startHub(backend);
    expect((await hub.app.inject(publishedCatalog(FIELD_CODES, 'TH-2026.12'))).statusCode).toBe(201);
  });
  afterAll(async () => {
    await hub?.close();
    await backend?.dispose();
  });

  it('needs admin credentials', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/v1/export/dvcqg?since=0' });
    expect(res.statusCode).toBe(401);
  });

  it('exports dossiers and progress since a cursor, page by page, each change once', async () => {
    const commune = await newCommune(hub, 'UBND xã Quảng Phú');
    const counter = await enrollCounter(hub, commune.code);
    const start = dvcqgExportResponseSchema.parse(
      (await hub.app.inject({ method: 'GET', url: '/v1/export/dvcqg?since=0&limit=1000', headers: adminHeaders })).json(),
    ).cursor;

    const a = makeDossier(commune.code);
    const b = makeDossier(commune.code);
    await push(hub, counter, [upsertOp(counter, a), eventOp(counter, makeEvent(a)), upsertOp(counter, b)]);
    const status = await hub.app.inject({
      method: 'POST',
      url: `/v1/admin/dossiers/${a.id}/status`,
      headers: adminHeaders,
      payload: { status: 'processing', officer: 'Phạm Thị Thu' },
    });
    expect(status.statusCode).toBe(200);

    const page1 = dvcqgExportResponseSchema.parse(
      (await hub.app.inject({ method: 'GET', url: `/v1/export/dvcqg?since=${start}&limit=2`, headers: adminHeaders })).json(),
    );
    expect(page1.hasMore).toBe(true);
    const page2 = dvcqgExportResponseSchema.parse(
      (await hub.app.inject({ method: 'GET', url: `/v1/export/dvcqg?since=${page1.cursor}&limit=10`, headers: adminHeaders })).json(),
    );
    expect(page2.hasMore).toBe(false);
    const dossiers = [...page1.dongBoHoSo, ...page2.dongBoHoSo];
    const progress = [...page1.capNhatTienDo, ...page2.capNhatTienDo];
    // `a` changed after `b` (province status), so it comes once, last, with its latest status.
    expect(dossiers.map((d) => d.MaHoSo)).toEqual([b.code, a.code]);
    expect(dossiers[1]!.TrangThaiHoSo).toBe('4');
    expect(dossiers[1]!.DonViXuLy).toBe('UBND xã Quảng Phú');
    expect(progress.map((p) => [p.MaHoSo, p.TrangThai])).toEqual([
      [a.code, '2'],
      [a.code, '4'],
    ]);

    // Paging one record at a time yields the same records: no cursor boundary loses one.
    const single: string[] = [];
    let cursor = start;
    for (let more = true; more; ) {
      const page = dvcqgExportResponseSchema.parse(
        (await hub.app.inject({ method: 'GET', url: `/v1/export/dvcqg?since=${cursor}&limit=1`, headers: adminHeaders })).json(),
      );
      expect(page.dongBoHoSo.length + page.capNhatTienDo.length).toBeLessThanOrEqual(1);
      single.push(...page.dongBoHoSo.map((d) => `hs:${d.MaHoSo}`), ...page.capNhatTienDo.map((p) => `td:${p.TrangThai}`));
      cursor = page.cursor;
      more = page.hasMore;
    }
    expect(single).toEqual([`td:2`, `hs:${b.code}`, `hs:${a.code}`, `td:4`]);
  });

  it('holds back a dossier whose field has no MaLinhVuc, and sends it once the province publishes the code', async () => {
    const commune = await newCommune(hub, 'UBND xã Quảng Trạch');
    const counter = await enrollCounter(hub, commune.code);
    const at = async (since: number) =>
      dvcqgExportResponseSchema.parse((await hub.app.inject({ method: 'GET', url: `/v1/export/dvcqg?since=${since}&limit=1000`, headers: adminHeaders })).json());
    const start = (await at(0)).cursor;
    const business = makeDossier(commune.code, { procedureCode: '1.001612', procedureName: 'Đăng ký thành lập hộ kinh doanh', procedureField: 'ho_kinh_doanh' });
    await push(hub, counter, [upsertOp(counter, business), eventOp(counter, makeEvent(business))]);

    const held = await at(start);
    expect(held.dongBoHoSo).toEqual([]);
    expect(held.capNhatTienDo).toEqual([]);
    expect(held.flagged).toEqual([{ MaHoSo: business.code, TenTTHC: business.procedureName, LyDo: ['Chưa có mã lĩnh vực (MaLinhVuc) của thủ tục trong danh mục của tỉnh.'] }]);

    const republished = await hub.app.inject(publishedCatalog({ ...FIELD_CODES, ho_kinh_doanh: 'LV-HKD-TEST' }, 'TH-2026.12b'));
    expect(republished.statusCode).toBe(201);
    expect(republished.json().requeuedForExport).toBe(1);
    const sent = await at(held.cursor);
    expect(sent.flagged).toEqual([]);
    expect(sent.dongBoHoSo.map((d) => [d.MaHoSo, d.MaTTHC, d.MaLinhVuc])).toEqual([[business.code, '1.001612', 'LV-HKD-TEST']]);
    expect(sent.capNhatTienDo.map((p) => p.MaHoSo)).toEqual([business.code]);
  });
});
