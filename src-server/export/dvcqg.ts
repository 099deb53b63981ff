/**
 * Renders hub dossiers and timeline events as the national portal's records (DOMAIN.md §6):
 * `DongBoHoSoMC` data items and `CapNhatTienDoHoSoMC` progress items. Every value is a string
 * (the portal's implementations expect strings even for numbers), dates are yyyyMMddHHmmss in
 * Asia/Ho_Chi_Minh, statuses are the national codes 1–10 (§4.3). Pure mapping: no I/O.
 */
import { z } from 'zod';
import { fieldCodeOf, PROCEDURE_FIELDS, type Catalog, type ProcedureField } from '@shared/domain/catalog';
import type { Dossier, DossierEvent, DossierStatus } from '@shared/dossier';
import { DVCQG_TIME_PATTERN, toDvcqgTime, toDvcqgTimeOrEmpty } from './vn-time';

const dvcqgTime = z.string().regex(DVCQG_TIME_PATTERN);
const dvcqgTimeOrEmpty = z.union([z.literal(''), dvcqgTime]);
const statusCode = z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

/** Internal status → TrangThaiHoSo (DOMAIN.md §4.3). Code 1 (online, not yet received) never arises at a counter. */
export const DVCQG_STATUS: Record<DossierStatus, z.infer<typeof statusCode>> = {
  received: '2',
  rejected: '3',
  transferred: '4',
  processing: '4',
  awaiting_supplement: '5',
  awaiting_fee: '6',
  withdrawal_requested: '7',
  stopped: '8',
  result_ready: '9',
  returned: '10',
};

/** NoiDungXuLy when the event carries no note. */
const STATUS_LABEL: Record<DossierStatus, string> = {
  received: 'Tiếp nhận hồ sơ',
  rejected: 'Từ chối tiếp nhận hồ sơ',
  transferred: 'Chuyển hồ sơ đến cơ quan giải quyết',
  processing: 'Đang xử lý hồ sơ',
  awaiting_supplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  awaiting_fee: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  withdrawal_requested: 'Công dân yêu cầu rút hồ sơ',
  stopped: 'Dừng xử lý hồ sơ',
  result_ready: 'Đã xử lý xong hồ sơ',
  returned: 'Đã trả kết quả',
};

/** KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
const CHANNEL: Record<Dossier['channel'], '1' | '2' | '3'> = { direct: '1', online: '2', postal: '3' };
/** HinhThuc (return method): 1 = via postal service (OpenCPS mapping), 0 = at the counter. */
const DELIVERY: Record<Dossier['delivery'], '0' | '1'> = { counter: '0', postal: '1' };

export const dinhDanhSchema = z.object({
  LoaiDinhDanh: z.enum(['1', '2']), // 1 = 12-digit personal ID, 2 = 9-digit CMND
  SoDinhDanh: z.string().regex(/^(\d{12}|\d{9})$/),
});

export const dongBoHoSoMCSchema = z.object({
  MaHoSo: z.string().min(1).max(50),
  MaTTHC: z.string().min(1),
  TenTTHC: z.string().min(1),
  MaLinhVuc: z.string(),
  TenLinhVuc: z.string(),
  SoBienNhan: z.string(),
  ChuHoSo: z.string().min(1),
  LoaiDoiTuong: z.enum(['1', '2', '3', '4']),
  MaDoiTuong: z.string(),
  ThongTinKhac: z.string(),
  Email: z.string(),
  Fax: z.string(),
  SoDienThoai: z.string(),
  TrichYeuHoSo: z.string().max(1000),
  NgayTiepNhan: dvcqgTime,
  NgayHenTra: dvcqgTime,
  TrangThaiHoSo: statusCode,
  NgayTra: dvcqgTimeOrEmpty,
  ThongTinTra: z.string(),
  HinhThuc: z.enum(['0', '1']),
  NgayKetThucXuLy: dvcqgTimeOrEmpty,
  DonViXuLy: z.string().min(1),
  GhiChu: z.string(),
  KenhThucHien: z.enum(['1', '2', '3']),
  NgayNopHoSo: dvcqgTime,
  NgayTuChoi: dvcqgTimeOrEmpty,
  DinhDanhCHS: z.array(dinhDanhSchema),
  TaiLieuNop: z.array(
    z.object({
      TepDinhKemId: z.string(),
      TenTepDinhKem: z.string(),
      IsDeleted: z.enum(['0', '1']),
      MaThanhPhanHoSo: z.string(),
      DuongDanTaiTepTin: z.string(),
    }),
  ),
  DanhSachLePhi: z.array(
    z.object({
      TenPhiLePhi: z.string().min(1),
      MaPhiLePhi: z.string(),
      HinhThucThu: z.string(),
      Gia: z.string().regex(/^\d+$/),
      LoaiPhiLePhi: z.string(),
    }),
  ),
  DanhSachTepDinhKemKhac: z.array(
    z.object({ TenGiayTo: z.string().min(1), SoLuong: z.string().regex(/^\d+$/), LoaiGiayTo: z.string() }),
  ),
  DanhSachHoSoBoSung: z.array(z.record(z.string(), z.string())),
  DanhSachGiayToKetQua: z.array(z.record(z.string(), z.string())),
});
export type DongBoHoSoMC = z.infer<typeof dongBoHoSoMCSchema>;

export const capNhatTienDoHoSoMCSchema = z.object({
  MaHoSo: z.string().min(1).max(50),
  NguoiXuLy: z.string().max(50),
  ChucDanh: z.string(),
  ThoiDiemXuLy: dvcqgTime,
  PhongBanXuLy: z.string(),
  NoiDungXuLy: z.string().min(1),
  TrangThai: statusCode,
  NgayBatDau: dvcqgTime,
  NgayKetThucTheoQuyDinh: dvcqgTime,
});
export type CapNhatTienDoHoSoMC = z.infer<typeof capNhatTienDoHoSoMCSchema>;

/**
 * Local procedure codes carry the province suffix (`1.001193.000.00.00.H56`, DOMAIN.md §3.2);
 * the portal wants the national part (`1.001193`). Other codes pass through unchanged until the
 * province supplies a mapping table.
 */
export function nationalProcedureCode(localCode: string): string {
  return /^(\d\.\d{6})(\.|$)/.exec(localCode)?.[1] ?? localCode;
}

/** The codes the portal needs for a dossier's procedure, from the province's published catalog. */
export interface ExportReference {
  /** MaTTHC; null when the procedure has no national code (a local id is never sent). */
  nationalCode: string | null;
  /** MaLinhVuc; null until the province's catalog gives it. */
  fieldCode: string | null;
  /** TenLinhVuc. */
  fieldName: string;
}

const NATIONAL_CODE = /^(\d\.\d{6})(\.|$)/;

/**
 * Resolves MaTTHC and MaLinhVuc: the national code from the dossier's procedure code when it has
 * one, else from the province's catalog (a procedure coded later); MaLinhVuc from the catalog (the
 * procedure's own, else its field's). What the catalog lacks stays null: the record is then held
 * back and flagged, never sent with a local id or an empty code.
 */
export function resolveReference(dossier: Dossier, catalog: Catalog | null): ExportReference {
  const fromCode = NATIONAL_CODE.exec(dossier.procedureCode)?.[1] ?? null;
  const procedure = catalog?.procedures.find((p) => p.id === dossier.procedureCode || (fromCode !== null && p.code === fromCode)) ?? null;
  const field = (procedure?.field ?? dossier.procedureField) as ProcedureField | undefined;
  const fieldCode = catalog && procedure ? fieldCodeOf(catalog, procedure) : catalog && field ? (catalog.fieldCodes[field] ?? null) : null;
  return {
    nationalCode: fromCode ?? procedure?.code ?? null,
    fieldCode,
    fieldName: field ? (PROCEDURE_FIELDS[field] ?? '') : '',
  };
}

/** Why a record cannot go to the portal yet (Vietnamese, for the province's administrator). */
export function missingReferences(ref: ExportReference): string[] {
  const missing: string[] = [];
  if (!ref.nationalCode) missing.push('Thủ tục chưa có mã TTHC quốc gia (MaTTHC) trong danh mục của tỉnh.');
  if (!ref.fieldCode) missing.push('Chưa có mã lĩnh vực (MaLinhVuc) của thủ tục trong danh mục của tỉnh.');
  return missing;
}

export const flaggedRecordSchema = z.object({ MaHoSo: z.string(), TenTTHC: z.string(), LyDo: z.array(z.string()).min(1) });
export type FlaggedRecord = z.infer<typeof flaggedRecordSchema>;

/**
 * DanhSachHoSoBoSung from the timeline: each supplement pause (entering "chờ bổ sung" → leaving
 * it), whoever recorded it, with the legal due date before and after when the steps carry it.
 * TrangThaiBoSung: '1' supplied, '0' still awaited [?: the portal's value list was not found].
 */
export function supplementRecords(events: readonly DossierEvent[]): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  let open: DossierEvent | null = null;
  const close = (request: DossierEvent, done: DossierEvent | null) =>
    out.push({
      HoSoBoSungId: request.id,
      NguoiYeuCauBoSung: truncate(request.officer, 50),
      NoiDungBoSung: request.note?.trim() || 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
      NgayBoSung: toDvcqgTime(request.at),
      NguoiTiepNhanBoSung: done ? truncate(done.officer, 50) : '',
      ThongTinTiepNhan: done?.note?.trim() ?? '',
      NgayTiepNhanBoSung: done ? toDvcqgTime(done.at) : '',
      TrangThaiBoSung: done ? '1' : '0',
      DanhSachGiayToBoSung: '',
      DanhSachLePhiBoSung: '',
      NgayHenTraTruoc: request.legalDueAt ? toDvcqgTime(request.legalDueAt) : '',
      NgayHenTraMoi: done?.legalDueAt ? toDvcqgTime(done.legalDueAt) : '',
    });
  for (const e of ordered) {
    if (e.toStatus === 'awaiting_supplement' && e.fromStatus !== 'awaiting_supplement') open ??= e;
    else if (e.fromStatus === 'awaiting_supplement' && e.toStatus !== 'awaiting_supplement' && open) {
      close(open, e);
      open = null;
    }
  }
  if (open) close(open, null);
  return out;
}

function dinhDanh(idNumber: string | undefined): z.infer<typeof dinhDanhSchema>[] {
  if (!idNumber) return [];
  if (/^\d{12}$/.test(idNumber)) return [{ LoaiDinhDanh: '1', SoDinhDanh: idNumber }];
  if (/^\d{9}$/.test(idNumber)) return [{ LoaiDinhDanh: '2', SoDinhDanh: idNumber }];
  return []; // passports and other papers have no DinhDanhCHS type
}

const truncate = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max));

/**
 * `communeName` is the receiving unit (DonViXuLy), e.g. "UBND xã Quảng Phú". `ref` comes from
 * resolveReference (callers hold back records it leaves incomplete); `events` are the dossier's
 * timeline, for the supplement list. NgayHenTra is the LEGAL due date: a Mẫu 04 promise is said in
 * GhiChu, never sent as the due date.
 */
export function toDongBoHoSoMC(
  dossier: Dossier,
  communeName: string,
  ref: ExportReference = { nationalCode: nationalProcedureCode(dossier.procedureCode), fieldCode: null, fieldName: '' },
  events: readonly DossierEvent[] = [],
): DongBoHoSoMC {
  const a = dossier.applicant;
  const notes = [
    ...(dossier.dueProvisional ? ['Ngày hẹn trả tạm tính'] : []),
    ...(dossier.extendedDueAt ? [`Đã gửi văn bản xin lỗi, hẹn trả lại ngày ${toDvcqgTime(dossier.extendedDueAt)}`] : []),
  ];
  return {
    MaHoSo: dossier.code,
    MaTTHC: ref.nationalCode ?? nationalProcedureCode(dossier.procedureCode),
    TenTTHC: dossier.procedureName,
    MaLinhVuc: ref.fieldCode ?? '',
    TenLinhVuc: ref.fieldName,
    SoBienNhan: '',
    ChuHoSo: a.fullName,
    LoaiDoiTuong: '1', // counters receive citizens' dossiers; organisations are not modelled yet
    MaDoiTuong: '', // DVCQG account id: online dossiers only
    ThongTinKhac: a.address ?? '',
    Email: a.email ?? '',
    Fax: '',
    SoDienThoai: a.phone ?? '',
    TrichYeuHoSo: truncate(`${dossier.procedureName} - ${a.fullName}`, 1000),
    NgayTiepNhan: toDvcqgTime(dossier.receivedAt),
    NgayHenTra: toDvcqgTime(dossier.dueAt),
    TrangThaiHoSo: DVCQG_STATUS[dossier.status],
    NgayTra: toDvcqgTimeOrEmpty(dossier.returnedAt),
    ThongTinTra: '',
    HinhThuc: DELIVERY[dossier.delivery],
    NgayKetThucXuLy: toDvcqgTimeOrEmpty(dossier.finishedAt),
    DonViXuLy: communeName,
    GhiChu: notes.join('; '),
    KenhThucHien: CHANNEL[dossier.channel],
    // A counter dossier is submitted and received in the same visit.
    NgayNopHoSo: toDvcqgTime(dossier.receivedAt),
    NgayTuChoi: dossier.status === 'rejected' ? toDvcqgTime(dossier.finishedAt ?? dossier.updatedAt) : '',
    DinhDanhCHS: dinhDanh(a.idNumber),
    // Paper documents have no hosted file to point at (DuongDanTaiTepTin); they are listed below.
    TaiLieuNop: [],
    DanhSachLePhi: dossier.fees.map((fee) => ({
      TenPhiLePhi: fee.label,
      MaPhiLePhi: '',
      HinhThucThu: '',
      Gia: String(fee.exemptReason ? 0 : fee.amount),
      LoaiPhiLePhi: '',
    })),
    DanhSachTepDinhKemKhac: dossier.documents.map((doc) => ({
      TenGiayTo: doc.name,
      SoLuong: String(doc.originals + doc.copies),
      LoaiGiayTo: doc.originals > 0 ? 'Bản chính' : 'Bản sao',
    })),
    DanhSachHoSoBoSung: supplementRecords(events),
    DanhSachGiayToKetQua: [],
  };
}

export function toCapNhatTienDoHoSoMC(event: DossierEvent, dossier: Dossier, unitName: string): CapNhatTienDoHoSoMC {
  const status = event.toStatus ?? dossier.status;
  return {
    MaHoSo: dossier.code,
    NguoiXuLy: truncate(event.officer, 50),
    ChucDanh: '',
    ThoiDiemXuLy: toDvcqgTime(event.at),
    PhongBanXuLy: unitName,
    NoiDungXuLy: event.note?.trim() || (event.toStatus ? STATUS_LABEL[event.toStatus] : event.type),
    TrangThai: DVCQG_STATUS[status],
    NgayBatDau: toDvcqgTime(dossier.receivedAt),
    NgayKetThucTheoQuyDinh: toDvcqgTime(dossier.dueAt),
  };
}

export const dvcqgExportResponseSchema = z.object({
  dongBoHoSo: z.array(dongBoHoSoMCSchema),
  capNhatTienDo: z.array(capNhatTienDoHoSoMCSchema),
  /** Records held back until the province's catalog gives their codes (with their progress records). */
  flagged: z.array(flaggedRecordSchema),
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
});
export type DvcqgExportResponse = z.infer<typeof dvcqgExportResponseSchema>;
