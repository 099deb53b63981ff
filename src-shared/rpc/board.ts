/**
 * The public procedure board (công khai thủ tục hành chính, issue #18 item 5): every procedure the
 * commune receives, from the catalog in force, with its papers, fees, deadline and the forms to
 * fill, searched without diacritics, on a screen in the waiting room (or on the ticket kiosk).
 * Read-only, and nothing in it is personal.
 */
import { z } from 'zod';
import { procedureSchema } from '../domain/catalog';
import { procedureSummarySchema } from './catalog';
import { tokenSchema } from './common';
import { row } from './row';
import { searchText } from './text';

/** A QR's modules, drawn by the page: `size` per side, `dark` one '1' or '0' per module, row by row. */
export const qrModulesSchema = z.object({ size: z.number().int().positive(), dark: z.string() });
export type QrModules = z.infer<typeof qrModulesSchema>;

export const boardProcedureSchema = z.object({
  procedure: procedureSchema,
  fieldLabel: z.string(),
  deadlineText: z.string(),
  /**
   * The procedure on Cổng Dịch vụ công quốc gia and the QR the citizen scans: the address of its
   * page there when the province's catalog gives one (`url`, keyed by the portal's own number, so
   * never derived from the code), otherwise its national code to search for on the portal.
   */
  portal: z.object({ code: z.string().nullable(), url: z.string().nullable(), qr: qrModulesSchema }).nullable(),
});
export type BoardProcedure = z.infer<typeof boardProcedureSchema>;

const boardDevices = { device: ['board', 'kiosk', 'lookup'] } as const;

export const boardRows = {
  'board.search': row({
    input: z.strictObject({ query: searchText(200).default('') }),
    output: z.object({ items: z.array(procedureSummarySchema) }),
    access: boardDevices,
  }),
  'board.procedure': row({
    input: z.strictObject({ id: tokenSchema(100) }),
    output: boardProcedureSchema,
    access: boardDevices,
  }),
} as const;
