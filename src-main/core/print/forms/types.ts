/** The contract every printable form module fulfils. */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FormId, PrintContext } from '../model';
import type { FormTemplate } from '../templates/types';

export interface PrintForm<T extends FormTemplate = FormTemplate> {
  id: FormId;
  title: string;
  legalBasis: string;
  /** Template version, stored with each print record. */
  version: string;
  /** The built-in wording; a province may pass a replacement of the same shape to build(). */
  template: T;
  /** The pdfmake document (without fonts or metadata: render.ts adds those). Pure. */
  build(ctx: PrintContext, template?: T): TDocumentDefinitions;
}
