/** Catalog, calendar and agency-list versions published by the province to every counter. */
import { z } from 'zod';
import type { PublicationPayload } from '@shared/sync/protocol';
import { appendChange } from '../db/feed';
import type { HubDb } from '../db/types';
import { publishedCatalog } from '../export/dvcqg-feed';
import { requeueNewlyExportable } from '../export/requeue';

export const publicationInputSchema = z.object({
  kind: z.enum(['catalog', 'calendar', 'agency']),
  version: z.string().trim().min(1).max(100),
  data: z.json(),
});
export type PublicationInput = z.infer<typeof publicationInputSchema>;

export async function publish(db: HubDb, input: PublicationInput, now: Date) {
  const payload: PublicationPayload = { version: input.version, publishedAt: now.toISOString(), data: input.data };
  const { seq, requeued } = await db.transaction(async (tx) => {
    const before = input.kind === 'catalog' ? await publishedCatalog(tx) : null;
    const appended = await appendChange(tx, 'province', input.kind, payload);
    // Dossiers held back from the DVCQG export for want of a code go out once the catalog has it.
    const requeuedCount = input.kind === 'catalog' ? await requeueNewlyExportable(tx, before, await publishedCatalog(tx)) : 0;
    return { seq: appended, requeued: requeuedCount };
  });
  return { seq, ...payload, ...(input.kind === 'catalog' ? { requeuedForExport: requeued } : {}) };
}
