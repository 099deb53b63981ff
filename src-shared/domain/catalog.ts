/**
 * Procedure catalogue (danh mục thủ tục hành chính) schema. Every legal number is data with its
 * confidence tag from DOMAIN.md §0 ([C] confirmed, [S] secondary, [M] memory, [X] computed,
 * [?] uncertain), because the province's "quyết định công bố" is the authority and the seed is
 * only a starting point the administrator confirms (DOMAIN §8).
 */
import { z } from 'zod';
import { DEADLINE_UNITS, WORKING_DAY_COUNTINGS } from './deadline';
import { DomainError } from './errors';
import { parseYmd } from './vn-time';

const ymd = z.string().refine((s) => parseYmd(s) !== null, 'Ngày phải có dạng yyyy-mm-dd');
const text = z.string().min(1).transform((s) => s.normalize('NFC'));

export const CONFIDENCE_TAGS = ['C', 'S', 'M', 'X', '?'] as const;
export const confidenceSchema = z.enum(CONFIDENCE_TAGS);
export type Confidence = z.infer<typeof confidenceSchema>;

/** Lĩnh vực. */
export const PROCEDURE_FIELDS = {
  chung_thuc: 'Chứng thực',
  ho_tich: 'Hộ tịch',
  ho_kinh_doanh: 'Thành lập và hoạt động của hộ kinh doanh',
  bao_tro_xa_hoi: 'Bảo trợ xã hội',
  cu_tru: 'Đăng ký, quản lý cư trú',
  dat_dai: 'Đất đai',
} as const;
export type ProcedureField = keyof typeof PROCEDURE_FIELDS;
const fieldSchema = z.enum(Object.keys(PROCEDURE_FIELDS) as [ProcedureField, ...ProcedureField[]]);

/**
 * The longer statutory limit when the officer records that verification is needed (trường hợp cần
 * xác minh). A total counted from receipt, not an addition: "kết hôn … cần xác minh thì không quá
 * 05 ngày làm việc" (Luật Hộ tịch Điều 18).
 */
export const verifyingLimitSchema = z.object({
  amount: z.number().positive(),
  unit: z.enum(DEADLINE_UNITS),
  /** The 15:00 rule of the main limit does not carry over unless the text says so. */
  cutoff15: z.boolean().default(false),
  legalBasis: z.string().min(1).optional(),
  confidence: confidenceSchema.optional(),
});
export type VerifyingLimit = z.infer<typeof verifyingLimitSchema>;

export const deadlineSchema = z
  .object({
    amount: z.number().nonnegative(),
    unit: z.enum(DEADLINE_UNITS),
    /**
     * The 15:00 rule, per procedure: "trong ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ"
     * (NĐ 23/2015 Điều 7 for chứng thực; the DVCQG pages of kết hôn, khai sinh, khai tử).
     */
    cutoff15: z.boolean(),
    whenVerifying: verifyingLimitSchema.optional(),
    /**
     * Where the statute states a range ("17–20 ngày làm việc"): the engine uses `amount`, which must
     * lie in the range; the range is shown so the province can see what it chose.
     */
    range: z.object({ min: z.number().positive(), max: z.number().positive() }).optional(),
    /** The text this rule comes from (article, decision), printed in the catalog and explanations. */
    legalBasis: z.string().min(1).optional(),
    confidence: confidenceSchema,
    note: text.optional(),
  })
  .refine((d) => !d.range || (d.range.min <= d.amount && d.amount <= d.range.max), {
    message: 'Thời hạn áp dụng phải nằm trong khoảng quy định',
    path: ['amount'],
  });
export type ProcedureDeadline = z.infer<typeof deadlineSchema>;

/**
 * Province-wide counting rules, published with the catalog (provinces' systems differ, DOMAIN §4.5).
 */
export const conventionsSchema = z.object({
  workingDayCounting: z
    .object({ counting: z.enum(WORKING_DAY_COUNTINGS), legalBasis: z.string().min(1), confidence: confidenceSchema })
    .default({ counting: 'hours', legalBasis: 'cách tính của hệ thống một cửa cấp tỉnh (1 ngày làm việc = 8 giờ)', confidence: 'S' }),
  /** Mẫu 04 is due this many working days before the legal due date. */
  extensionNotice: z
    .object({ workingDays: z.number().int().min(0).max(10), legalBasis: z.string().min(1), confidence: confidenceSchema })
    .default({ workingDays: 1, legalBasis: 'gửi văn bản xin lỗi chậm nhất 01 ngày trước ngày hết hạn', confidence: 'M' }),
});
export type Conventions = z.infer<typeof conventionsSchema>;

/**
 * A procedure the one-stop counter receives on behalf of another agency that resolves it on its
 * own forms (cư trú: Công an cấp xã, TT 66/2023/TT-BCA). TT 03/2025 counter forms are never printed
 * for it.
 */
export const receivedForSchema = z.object({
  agency: text,
  /** What the citizen gets instead of Mẫu 01, e.g. "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)". */
  ownForms: text,
  legalBasis: z.string().min(1),
  confidence: confidenceSchema,
});
export type ReceivedFor = z.infer<typeof receivedForSchema>;

const feeBase = {
  /** Stable within the procedure; used for province amounts and fee-line provenance. */
  id: z.string().min(1),
  label: text,
  confidence: confidenceSchema,
  /** The rule applies only when the named condition flag is set … */
  when: z.string().optional(),
  /** … or only when it is not set. */
  unless: z.string().optional(),
  legalBasis: z.string().optional(),
  note: text.optional(),
};

/** Fixed amount per case (trường hợp), per copy (bản) or per contract/document. */
const fixedFee = z.object({
  ...feeBase,
  kind: z.literal('fixed'),
  amount: z.number().int().nonnegative(),
  /** Reduced amount for online submission (e.g. TT 75/2022 cư trú fees). */
  amountOnline: z.number().int().nonnegative().optional(),
  per: z.enum(['case', 'copy']),
});

/** Per page with tiers and a cap per copy (chứng thực bản sao, TT 226/2016/TT-BTC). */
const perPageFee = z.object({
  ...feeBase,
  kind: z.literal('per_page'),
  tiers: z
    .array(z.object({ fromPage: z.number().int().min(1), amountPerPage: z.number().int().nonnegative() }))
    .min(1),
  capPerCopy: z.number().int().positive().optional(),
});

/** No fee (miễn / không thu), with the reason printed on the fee line. */
const freeFee = z.object({ ...feeBase, kind: z.literal('free'), reason: text });

/** "Theo HĐND": the province sets the amount; the administrator enters it (null until then). */
const provinceSetFee = z.object({
  ...feeBase,
  kind: z.literal('province_set'),
  amount: z.number().int().nonnegative().nullable(),
  per: z.enum(['case', 'copy']),
});

export const feeRuleSchema = z.discriminatedUnion('kind', [fixedFee, perPageFee, freeFee, provinceSetFee]);
export type FeeRule = z.infer<typeof feeRuleSchema>;

export const exemptionSchema = z.object({
  id: z.string().min(1),
  reason: text,
  legalBasis: z.string().optional(),
  validFrom: ymd.optional(),
  validTo: ymd.optional(),
  confidence: confidenceSchema,
});
export type Exemption = z.infer<typeof exemptionSchema>;

export const requiredDocumentSchema = z.object({
  name: text,
  /** original = bản chính; copy = bản sao/bản chụp; original_or_copy; present = xuất trình (not kept). */
  form: z.enum(['original', 'copy', 'original_or_copy', 'present']),
  count: z.number().int().min(1),
  optional: z.boolean().default(false),
  note: text.optional(),
});
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

/**
 * https on Cổng Dịch vụ công quốc gia or one of its own subdomains (thutuc., csdl.), with no user,
 * password or port before the path, then printable ASCII only (what a QR and a phone read alike).
 * A pattern rather than URL(): src-shared runs without the DOM's or Node's globals.
 */
const NATIONAL_PORTAL_PAGE = /^https:\/\/(?:[a-z0-9-]+\.)*dichvucong\.gov\.vn(?:[/?#][\x21-\x7e]*)?$/i;

/**
 * The address of the procedure's own page on Cổng Dịch vụ công quốc gia, which the public board
 * turns into the QR a citizen scans. It is data, not derived from the national code: the portal's
 * detail page (…/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=…) is keyed by the portal's
 * own internal number, which only the province can look up and publish in its catalog. A citizen's
 * phone follows it, so only an https page of the portal itself is accepted. The shipped seed
 * carries none: no sourced portal numbers.
 */
export const portalUrlSchema = z
  .string()
  .trim()
  // The portal's addresses are under 100 characters; a longer one makes a QR too dense to scan.
  .max(200, 'Địa chỉ trang thủ tục quá dài (tối đa 200 ký tự)')
  .regex(NATIONAL_PORTAL_PAGE, 'Địa chỉ trang thủ tục phải là trang https của Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)');

export const procedureSchema = z.object({
  /** Local key, stable even when the national code is unknown or re-issued. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** National procedure code (mã TTHC, e.g. "2.000815"); null where DOMAIN has none [?]. */
  code: z.string().regex(/^\d\.\d{6}$/).nullable(),
  /** Other codes seen for the same procedure (conflicting sources). */
  alternativeCodes: z.array(z.string()).default([]),
  name: text,
  field: fieldSchema,
  /** null: DOMAIN gives no deadline; the administrator must enter it from the quyết định công bố. */
  deadline: deadlineSchema.nullable(),
  fees: z.array(feeRuleSchema),
  /** Condition flags the officer can tick (e.g. "registered_late"), referenced by fee rules. */
  conditions: z.array(z.object({ id: z.string().min(1), label: text })).default([]),
  exemptions: z.array(exemptionSchema).default([]),
  documents: z.array(requiredDocumentSchema),
  resolvingAgency: text,
  interAgency: z.boolean(),
  receivedFor: receivedForSchema.optional(),
  /** MaLinhVuc of the procedure on Cổng DVCQG (service LayThuTuc); null until the province gives it. */
  fieldCode: z.string().min(1).max(60).nullable().default(null),
  /** The procedure's page on Cổng DVCQG (portalUrlSchema); absent until the province gives it. */
  portalUrl: portalUrlSchema.optional(),
  legalBasis: z.array(z.string()),
  confidence: z.object({ code: confidenceSchema, deadline: confidenceSchema, fee: confidenceSchema }),
  sources: z.array(z.string()).default([]),
  effectiveFrom: ymd,
  effectiveTo: ymd.nullable(),
  notes: z.array(text).default([]),
});
export type Procedure = z.infer<typeof procedureSchema>;

export const catalogSchema = z
  .object({
    version: z.string().min(1),
    publishedAt: ymd,
    source: z.string().min(1),
    conventions: conventionsSchema.default(conventionsSchema.parse({})),
    /** MaLinhVuc per field when every procedure of the field shares it; a procedure's own code wins. */
    fieldCodes: z.record(z.string(), z.string().min(1).max(60)).default({}),
    procedures: z.array(procedureSchema),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    for (const p of c.procedures) {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', message: `Trùng mã nội bộ thủ tục: ${p.id}` });
      ids.add(p.id);
      const feeIds = new Set(p.fees.map((f) => f.id));
      if (feeIds.size !== p.fees.length) ctx.addIssue({ code: 'custom', message: `Trùng mã quy tắc phí trong ${p.id}` });
      const conditionIds = new Set(p.conditions.map((c2) => c2.id));
      for (const f of p.fees) {
        for (const flag of [f.when, f.unless]) {
          if (flag !== undefined && !conditionIds.has(flag)) {
            ctx.addIssue({ code: 'custom', message: `${p.id}: điều kiện "${flag}" chưa được khai báo` });
          }
        }
      }
    }
  });
export type Catalog = z.infer<typeof catalogSchema>;

export class CatalogInvalidError extends DomainError {
  constructor(issues: string[]) {
    super('CATALOG_INVALID', `Danh mục thủ tục không hợp lệ: ${issues.slice(0, 5).join('; ')}`, { issues });
  }
}

/** Validate parsed catalogue JSON (seed, admin import or hub download). No I/O here. */
export function loadCatalog(json: unknown): Catalog {
  const parsed = catalogSchema.safeParse(json);
  if (!parsed.success) {
    throw new CatalogInvalidError(parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`));
  }
  return parsed.data;
}

/** MaLinhVuc of a procedure: its own code, else its field's, else null (not known yet). */
export function fieldCodeOf(catalog: Pick<Catalog, 'fieldCodes'>, p: Pick<Procedure, 'fieldCode' | 'field'>): string | null {
  return p.fieldCode ?? catalog.fieldCodes[p.field] ?? null;
}

/** Procedures in force on a date ('yyyy-mm-dd'), for the counter's picker. */
export function proceduresInForce(catalog: Catalog, onDate: string): Procedure[] {
  return catalog.procedures.filter(
    (p) => p.effectiveFrom <= onDate && (p.effectiveTo === null || onDate <= p.effectiveTo),
  );
}

/**
 * Why a procedure cannot be received yet, in the officer's words; null when it can. A procedure
 * without a deadline has no appointment date to print: it becomes receivable as soon as the
 * province publishes one or an administrator enters it from the quyết định công bố.
 */
export function notReceivableReason(procedure: Pick<Procedure, 'name' | 'deadline'>): string | null {
  if (procedure.deadline) return null;
  return `Thủ tục "${procedure.name}" chưa có thời hạn giải quyết trong danh mục, nên chưa tính được ngày hẹn trả. Hồ sơ sẽ tiếp nhận được ngay khi tỉnh ban hành danh mục có thời hạn, hoặc quản trị viên nhập thời hạn theo quyết định công bố thủ tục của tỉnh (Danh mục thủ tục → chọn thủ tục → Nhập thời hạn).`;
}

/** The limit a dossier is graded against: the procedure's, or its verification limit once recorded. */
export function limitInForce(
  deadline: ProcedureDeadline,
  verifying: boolean,
): { amount: number; unit: ProcedureDeadline['unit']; cutoff15: boolean; legalBasis?: string } {
  if (verifying) {
    const v = deadline.whenVerifying;
    if (!v) throw new DomainError('NO_VERIFICATION_LIMIT', 'Thủ tục này không có thời hạn riêng cho trường hợp cần xác minh.');
    return { amount: v.amount, unit: v.unit, cutoff15: v.cutoff15, ...(v.legalBasis ? { legalBasis: v.legalBasis } : {}) };
  }
  return { amount: deadline.amount, unit: deadline.unit, cutoff15: deadline.cutoff15, ...(deadline.legalBasis ? { legalBasis: deadline.legalBasis } : {}) };
}
