/**
 * The audit log in an official's words: the action as a Vietnamese phrase and the recorded facts
 * as "Nhãn: giá trị" lines. The log itself keeps its codes, ids and hashes (the hash chain covers
 * them); the screen shows only what an administrator reads, and never a code or raw JSON.
 */
import { STATUS_LABELS } from '@shared/domain/lifecycle';
import { DEADLINE_UNIT_LABELS, type DeadlineUnit } from '@shared/domain/deadline';
import { formatDateTimeVi } from '@shared/domain/text';
import { vi } from '../../i18n/vi';

const t = vi.audit;

export function auditActionText(action: string): string {
  return t.actions[action] ?? t.unknownAction;
}

/** The family ("dossier.") an action belongs to, for the filter. */
export function auditFamilies(): { value: string; label: string }[] {
  return Object.entries(t.families).map(([value, label]) => ({ value, label }));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Ids (uuid), hashes and fingerprints: kept in the log for the record, meaningless on screen. */
const MACHINE_TEXT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,})$/i;

function isStatus(v: unknown): v is keyof typeof STATUS_LABELS {
  return typeof v === 'string' && v in STATUS_LABELS;
}

function deadlineText(v: { amount?: unknown; unit?: unknown }): string | null {
  const unit = v.unit as DeadlineUnit;
  if (!(unit in DEADLINE_UNIT_LABELS)) return null;
  return unit === 'same_day' ? DEADLINE_UNIT_LABELS.same_day : `${String(v.amount)} ${DEADLINE_UNIT_LABELS[unit]}`;
}

function valueText(key: string, v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (key === 'from' || key === 'to') return isStatus(v) ? STATUS_LABELS[v] : null;
  if (key === 'form' && typeof v === 'string') return (vi.print.titles as Record<string, string>)[v] ?? null;
  if ((key === 'size' || key === 'sizeBytes') && typeof v === 'number') return t.kilobytes(Math.max(1, Math.round(v / 1024)).toLocaleString('vi-VN'));
  if (key === 'clockOffsetMs' && typeof v === 'number') return t.seconds(Math.round(v / 1000).toLocaleString('vi-VN'));
  if (key === 'keys' && Array.isArray(v)) return v.map((k) => t.settingNames[String(k)] ?? null).filter(Boolean).join(', ') || null;
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (typeof v === 'number') return v.toLocaleString('vi-VN');
  if (typeof v === 'string') {
    if (t.detailValues[v]) return t.detailValues[v];
    if (ISO_INSTANT.test(v)) return formatDateTimeVi(v);
    if (MACHINE_TEXT.test(v)) return null;
    return v;
  }
  if (typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if ('unit' in o) return deadlineText(o);
    if (typeof o.kind === 'string') return t.detailValues[o.kind] ?? null;
  }
  return null;
}

/** Readable lines of a row's details; facts without a label (ids, hashes, counters) are left out. */
export function auditDetailLines(action: string, details: unknown): string[] {
  if (details === null || details === undefined) return [];
  if (typeof details !== 'object' || Array.isArray(details)) {
    const text = valueText('', details);
    return text ? [text] : [];
  }
  const family = action.slice(0, action.indexOf('.'));
  const lines: string[] = [];
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    const label = t.detailLabels[`${family}.${key}`] ?? t.detailLabels[key];
    if (!label) continue;
    const text = valueText(key, value);
    if (text) lines.push(`${label}: ${text}`);
  }
  return lines;
}

/** The row's subject as shown: a dossier code, a user name, a year; never an id or a hash. */
export function auditTargetText(target: string | null): string {
  return target && !MACHINE_TEXT.test(target) ? target : '';
}
