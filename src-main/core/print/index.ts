/** Public API of printing (core/print); see README.md. */
export { renderForm, buildDocument, FORM_IDS, formIdSchema, PRODUCER } from './render';
export type { RenderOptions, RenderedPdf, FormId } from './render';
export { printContextSchema } from './model';
export type { PrintContext, HandoverEvent, RegisterRow, ReportRow, PrintOffice, PrintProcedure } from './model';
export { FORMS } from './forms';
export type { PrintForm } from './forms/types';
export type { FormTemplate } from './templates/types';
export { qrPayload, lookupUrl, codeFromQrPayload } from './qr/payload';
export { formatPlaceDate } from './format';
export { setFontsDir } from './fonts';
export { createCupsAdapter } from './printers/cups';
export type { PrinterAdapter, PrinterInfo, PrintJob } from './printers/types';
