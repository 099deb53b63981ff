/** Catalog, calendar and agency-list versions published by the province to every counter. */
import { z } from 'zod';
import type { PublicationPayload } from '@shared/sync/protocol';
import { appendChange } from '../db/feed';
import type { HubDb } from '../db/types';

export const publicationInputSchema = z.object({
  kind: z.enum(['catalog', 'calendar', 'agency']),
  version: z.string().trim().min(1).max(100),
  data: z.json(),
});
export type PublicationInput = z.infer<typeof publicationInputSchema>;

export async function publish(db: HubDb, input: PublicationInput, now: Date) {
  const payload: PublicationPayload = { version: input.version, publishedAt: now.toISOString(), data: input.data };
  const seq = await db.transaction((tx) => appendChange(tx, 'province', input.kind, payload));
  return { seq, ...payload };
}
