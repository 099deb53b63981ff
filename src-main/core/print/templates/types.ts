/**
 * The shape of a form's wording (mẫu biểu). Titles and fixed sentences are data, dated and
 * sourced, so a province can swap the wording (e.g. after diffing against the official
 * TT 03/2025/TT-VPCP Phụ lục I) without touching layout code: pass a replacement template to
 * `renderForm(id, ctx, { template })`. A printed PDF's record keeps `version` (DOMAIN.md §2.1).
 *
 * Placeholders in sentences are `{name}`; each form documents which names it fills.
 */
import type { FormId } from '../model';

export interface FormTemplate<T extends object = Record<string, unknown>> {
  formId: FormId;
  /** "Mẫu số 01", printed in the top-right corner as forms annexed to a circular are. */
  formNumber: string;
  /** Document title as printed (uppercase). */
  title: string;
  /** Which instrument the wording comes from, and how sure we are of it. */
  legalBasis: string;
  /** yyyy-mm-dd: first day this wording applies. */
  effectiveFrom: string;
  /** Where the wording was taken from (DOMAIN.md section and references). */
  source: string;
  /** Template version stored with each print record. */
  version: string;
  texts: T;
}

/** Fill `{name}` placeholders; an unknown name is a template bug, so it throws. */
export function fill(sentence: string, values: Record<string, string>): string {
  return sentence.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`Template placeholder {${name}} has no value`);
    return v;
  });
}
