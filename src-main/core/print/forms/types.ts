/** The contract every printable form module fulfils, and how a form module declares itself. */
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

/**
 * A form from its built-in wording and its layout: its id, title, legal basis and version are the
 * template's, and `build` gets the built-in template unless a replacement is passed.
 */
export function defineForm<T extends FormTemplate>(
  template: T,
  layout: { build(ctx: PrintContext, template: T): TDocumentDefinitions },
): PrintForm<T> {
  return {
    id: template.formId,
    title: template.title,
    legalBasis: template.legalBasis,
    version: template.version,
    template,
    build: (ctx, replacement = template) => layout.build(ctx, replacement),
  };
}
