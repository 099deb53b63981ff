/**
 * Procedure catalogue (danh mục thủ tục hành chính) schema. Every legal number is data with its
 * confidence tag from DOMAIN.md §0 ([C] confirmed, [S] secondary, [M] memory, [X] computed,
 * [?] uncertain), because the province's "quyết định công bố" is the authority and the seed is
 * only a starting point the administrator confirms (DOMAIN §8).
 */
import { z } from 'zod';
import { DEADLINE_UNITS } from './deadline';
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

export const deadlineSchema = z.object({
  amount: z.number().nonnegative(),
  unit: z.enum(DEADLINE_UNITS),
  /** 15:00 rule (NĐ 23/2015 Điều 7): received after 15:00 → next working day. */
  cutoff15: z.boolean(),
  /** Total limit (not an addition) when verification is needed (trường hợp cần xác minh). */
  whenVerifying: z.object({ amount: z.number().positive(), unit: z.enum(DEADLINE_UNITS) }).optional(),
  confidence: confidenceSchema,
  note: text.optional(),
});
export type ProcedureDeadline = z.infer<typeof deadlineSchema>;

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

/** Procedures in force on a date ('yyyy-mm-dd'), for the counter's picker. */
export function proceduresInForce(catalog: Catalog, onDate: string): Procedure[] {
  return catalog.procedures.filter(
    (p) => p.effectiveFrom <= onDate && (p.effectiveTo === null || onDate <= p.effectiveTo),
  );
}
