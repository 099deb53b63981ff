/** The procedure catalog (danh mục thủ tục hành chính): type-ahead, details, versions, import. */
import { z } from 'zod';
import { catalogSchema, conventionsSchema, deadlineSchema, procedureSchema } from '../domain/catalog';
import { cleanText } from '../domain/text';
import { tokenSchema } from './common';
import { row } from './row';
import { searchText } from './text';

export const procedureSummarySchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  deadlineText: z.string(),
  /** No deadline in the catalog yet: cannot be received until the province or an admin sets one. */
  hasDeadline: z.boolean(),
  interAgency: z.boolean(),
  /** Received on behalf of this agency (which resolves it on its own forms). */
  receivedFor: z.string().nullable(),
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

export const catalogVersionSchema = z.object({
  id: z.number(),
  version: z.string(),
  publishedAt: z.string(),
  source: z.string(),
  origin: z.string(),
  importedAt: z.string(),
  procedures: z.number(),
});

export const catalogRows = {
  'catalog.search': row({
    input: z.strictObject({ query: searchText(200).default(''), limit: z.number().int().min(1).max(200).default(20) }),
    /** With the province's counting rules, which every deadline of the list follows. */
    output: z.object({ items: z.array(procedureSummarySchema), version: z.string(), conventions: conventionsSchema }),
    access: 'signedIn',
  }),
  'catalog.get': row({
    input: z.strictObject({ procedureCode: tokenSchema(60) }),
    output: procedureSchema,
    access: 'signedIn',
  }),
  'catalog.versions': row({
    input: z.strictObject({}),
    output: z.object({ items: z.array(catalogVersionSchema) }),
    access: 'signedIn',
  }),
  'catalog.export': row({
    input: z.strictObject({}),
    output: catalogSchema,
    access: 'signedIn',
  }),
  /** A whole catalog as JSON (the province's distribution format); becomes a new version. */
  'catalog.import': row({
    input: z.strictObject({ catalog: z.unknown() }),
    output: catalogVersionSchema,
    access: ['admin'],
  }),
  /**
   * An administrator enters a procedure's deadline from the province's quyết định công bố (the
   * legal basis is required): a new catalog version, audited with the old and new rule.
   */
  'catalog.setDeadline': row({
    input: z.strictObject({
      procedureId: tokenSchema(100),
      deadline: deadlineSchema.and(z.object({ legalBasis: z.string().transform(cleanText).pipe(z.string().min(3, 'Cần ghi căn cứ (số quyết định công bố của tỉnh)').max(300)) })),
    }),
    output: catalogVersionSchema,
    access: ['admin'],
  }),
  /** One procedure edited by an administrator: a new catalog version, history kept. */
  'catalog.saveProcedure': row({
    input: z.strictObject({ procedure: z.unknown() }),
    output: catalogVersionSchema,
    access: ['admin'],
  }),
} as const;
