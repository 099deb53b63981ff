/** Helpers the dossier forms share: required parts of the context, the header, the code line. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError } from '../../../../src-shared/errors';
import type { Dossier } from '../../../../src-shared/dossier';
import { BLANK, formatPlaceDate } from '../format';
import { DEFAULT_STYLE, officialHeader, PAGE_MARGINS, pageNumberHeader, STYLES } from '../layout';
import type { FormId, PrintContext, PrintProcedure } from '../model';
import { qrPayload } from '../qr/payload';

/** Form names as the officer knows them, for error messages. */
const FORM_NAMES: Record<FormId, string> = {
  mau01: 'Mẫu 01',
  mau02: 'Mẫu 02',
  mau03: 'Mẫu 03',
  mau04: 'Mẫu 04',
  mau05: 'Mẫu 05',
  mau06: 'Mẫu 06',
  mau07: 'Mẫu 07',
  ticket: 'phiếu hẹn',
  report_ii06a: 'Biểu II.06a',
};

/** A missing part of the context is a caller bug surfaced to the officer as INVALID_INPUT. */
export function required<T>(value: T | undefined, formId: FormId, what: string): T {
  if (value === undefined) {
    throw new AppError('INVALID_INPUT', `Thiếu ${what} để in ${FORM_NAMES[formId]}.`, { formId, missing: what });
  }
  return value;
}

export function requireDossier(ctx: PrintContext, formId: FormId): { dossier: Dossier; procedure: PrintProcedure } {
  return {
    dossier: required(ctx.dossier, formId, 'thông tin hồ sơ'),
    procedure: required(ctx.procedure, formId, 'thông tin thủ tục hành chính'),
  };
}

/** "Số: 15/HDHS", or the hand-fill dots when the number is not allocated yet. */
export function numberLine(docNumber: string | undefined, suffix: string): string {
  return `Số: ${docNumber && docNumber.trim() !== '' ? docNumber : BLANK}/${suffix}`;
}

/** The header as the one-stop unit issues it (Mẫu 01–03, 06, 07). */
export function counterHeader(
  ctx: PrintContext,
  formNumber: string,
  extra: { numberLine?: string; orientation?: 'portrait' | 'landscape' } = {},
): Content[] {
  return officialHeader({
    parent: ctx.office.governingBody,
    unit: ctx.office.name,
    placeDate: formatPlaceDate(ctx.office.place, ctx.printedAt),
    formNumber,
    ...extra,
  });
}

/**
 * The QR of a form. Only the Mẫu 01 receipt asks for the lookup key: it is what the citizen
 * keeps, and the key must not travel on every letter.
 */
export function dossierQr(ctx: PrintContext, dossier: Dossier, opts: { withLookupKey?: boolean } = {}): string {
  return qrPayload(dossier.code, ctx.office.hubUrl, opts.withLookupKey ? ctx.lookupKey : undefined);
}

/** The document shell every A4 form uses. */
export function a4Document(
  content: Content[],
  orientation: 'portrait' | 'landscape' = 'portrait',
  pageNumbers = true,
): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: PAGE_MARGINS,
    ...(pageNumbers ? { header: (currentPage: number) => pageNumberHeader(currentPage) } : {}),
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    content,
  };
}

/** Capitalise the first letter: "ngày 05 …" → "Ngày 05 …" at a sentence start. */
export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi-VN') + s.slice(1);
}
