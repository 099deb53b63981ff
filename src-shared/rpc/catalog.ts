/** The procedure catalog (danh mục thủ tục hành chính): type-ahead, details, versions, import. */
import { z } from 'zod';
import { catalogSchema, procedureSchema } from '../domain/catalog';
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
  interAgency: z.boolean(),
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
    output: z.object({ items: z.array(procedureSummarySchema), version: z.string() }),
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
  /** One procedure edited by an administrator: a new catalog version, history kept. */
  'catalog.saveProcedure': row({
    input: z.strictObject({ procedure: z.unknown() }),
    output: catalogVersionSchema,
    access: ['admin'],
  }),
} as const;
