/**
 * Fees and charges (phí, lệ phí) of one dossier, from the procedure's fee rules. Integer đồng only.
 * Output lines use the dossier's FeeLine shape (src-shared/dossier.ts), so they are stored as is.
 */
import type { FeeLine } from '../dossier';
import type { Procedure, FeeRule } from './catalog';
import { DomainError } from './errors';
import { formatDong } from './text';

export interface FeeInput {
  /** Pages per copy (số trang của mỗi bản), for per-page rules. */
  pages?: number;
  /** Number of copies (số bản), for per-copy and per-page rules. Default 1. */
  copies?: number;
  channel?: 'direct' | 'postal' | 'online';
  /** Condition flags set by the officer (procedure.conditions ids), e.g. 'registered_late'. */
  conditions?: readonly string[];
  /** Amounts set by the province (HĐND resolution) for 'province_set' rules, by rule id. */
  provinceAmounts?: Readonly<Record<string, number>>;
  /** Exemption applied: a procedure exemption id, or a free-text reason recorded by the officer. */
  exemption?: { id: string } | { reason: string };
  /** Date of receipt 'yyyy-mm-dd', to check time-limited exemptions (e.g. TT 117/2026). */
  onDate?: string;
}

export interface FeeResult {
  lines: FeeLine[];
  total: number;
  /** 'province_set' rules with no amount yet: the officer/administrator must enter one. */
  missingAmounts: { ruleId: string; label: string }[];
}

export class FeeInputError extends DomainError {
  constructor(code: 'INVALID_FEE_INPUT' | 'EXEMPTION_NOT_VALID', message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

function positiveInt(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) throw new FeeInputError('INVALID_FEE_INPUT', `${name} phải là số nguyên dương.`, { [name]: v });
  return v;
}

/** Per-page amount of ONE copy: tiers by page number, then the per-copy cap. */
export function perPageAmount(rule: Extract<FeeRule, { kind: 'per_page' }>, pages: number): number {
  const tiers = [...rule.tiers].sort((a, b) => a.fromPage - b.fromPage);
  let amount = 0;
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i]!;
    const nextFrom = tiers[i + 1]?.fromPage ?? Number.POSITIVE_INFINITY;
    const pagesInTier = Math.max(0, Math.min(pages, nextFrom - 1) - tier.fromPage + 1);
    amount += pagesInTier * tier.amountPerPage;
  }
  return rule.capPerCopy === undefined ? amount : Math.min(amount, rule.capPerCopy);
}

function applies(rule: FeeRule, flags: ReadonlySet<string>): boolean {
  if (rule.when !== undefined && !flags.has(rule.when)) return false;
  if (rule.unless !== undefined && flags.has(rule.unless)) return false;
  return true;
}

function resolveExemptionReason(procedure: Procedure, input: FeeInput): string | undefined {
  if (!input.exemption) return undefined;
  if ('reason' in input.exemption) {
    const reason = input.exemption.reason.normalize('NFC').trim();
    if (!reason) throw new FeeInputError('INVALID_FEE_INPUT', 'Cần ghi rõ lý do miễn phí, lệ phí.');
    return reason;
  }
  const id = input.exemption.id;
  const exemption = procedure.exemptions.find((e) => e.id === id);
  if (!exemption) {
    throw new FeeInputError('EXEMPTION_NOT_VALID', `Thủ tục không có trường hợp miễn "${id}".`, { id });
  }
  const on = input.onDate;
  if ((exemption.validFrom || exemption.validTo) && !on) {
    throw new FeeInputError('INVALID_FEE_INPUT', 'Cần ngày tiếp nhận để áp dụng miễn giảm có thời hạn.', { id });
  }
  if (on && ((exemption.validFrom && on < exemption.validFrom) || (exemption.validTo && on > exemption.validTo))) {
    throw new FeeInputError('EXEMPTION_NOT_VALID', `Trường hợp miễn "${exemption.reason}" không áp dụng vào ngày ${on}.`, {
      id,
      onDate: on,
    });
  }
  return exemption.legalBasis ? `${exemption.reason} (${exemption.legalBasis})` : exemption.reason;
}

/**
 * Fee lines for one dossier. An exemption keeps every line (so the receipt shows what was
 * waived) with amount 0 and the reason recorded.
 */
export function computeFees(procedure: Procedure, input: FeeInput = {}): FeeResult {
  const copies = positiveInt(input.copies, 1, 'copies');
  const flags = new Set(input.conditions ?? []);
  const exemptReason = resolveExemptionReason(procedure, input);
  const lines: FeeLine[] = [];
  const missingAmounts: FeeResult['missingAmounts'] = [];

  for (const rule of procedure.fees) {
    if (!applies(rule, flags)) continue;
    let amount: number;
    let label = rule.label;
    switch (rule.kind) {
      case 'free':
        lines.push({ label, amount: 0, exemptReason: rule.reason });
        continue;
      case 'fixed': {
        const unit = input.channel === 'online' && rule.amountOnline !== undefined ? rule.amountOnline : rule.amount;
        const count = rule.per === 'copy' ? copies : 1;
        amount = unit * count;
        if (count > 1) label = `${label} (${count} bản × ${formatDong(unit)})`;
        break;
      }
      case 'per_page': {
        const pages = positiveInt(input.pages, Number.NaN, 'pages');
        const perCopy = perPageAmount(rule, pages);
        amount = perCopy * copies;
        label = `${label} (${pages} trang × ${copies} bản)`;
        break;
      }
      case 'province_set': {
        const set = input.provinceAmounts?.[rule.id] ?? rule.amount;
        if (set === null || set === undefined) {
          missingAmounts.push({ ruleId: rule.id, label: rule.label });
          continue;
        }
        if (!Number.isInteger(set) || set < 0) {
          throw new FeeInputError('INVALID_FEE_INPUT', `Mức thu "${rule.label}" phải là số nguyên đồng không âm.`);
        }
        const count = rule.per === 'copy' ? copies : 1;
        amount = set * count;
        if (count > 1) label = `${label} (${count} bản × ${formatDong(set)})`;
        break;
      }
    }
    lines.push(exemptReason ? { label, amount: 0, exemptReason } : { label, amount });
  }
  return { lines, total: lines.reduce((sum, l) => sum + l.amount, 0), missingAmounts };
}
