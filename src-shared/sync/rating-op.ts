/**
 * A citizen's answered rating as it travels to the province (issue #18, item 3): tied to the
 * dossier, the counter event, the officer and the counter; the hub keeps it once per id and only
 * from the dossier's own commune.
 */
import { z } from 'zod';
import { SATISFACTION_LEVELS } from '../domain/satisfaction';

const level = z.enum(SATISFACTION_LEVELS);
const instant = z.string().datetime({ offset: true });

export const ratingAnswerSchema = z.object({
  id: z.uuid(),
  agencyCode: z.string().min(1).max(50),
  dossierId: z.uuid(),
  dossierCode: z.string().min(1).max(60),
  event: z.enum(['received', 'returned']),
  officerId: z.string().min(1).max(64),
  officerName: z.string().max(120),
  counterNo: z.number().int().min(1).max(99),
  procedureField: z.string().min(1).max(60),
  sheetVersion: z.string().min(1).max(60),
  level,
  criteria: z.array(z.object({ no: z.number().int().min(1).max(9), level })).max(9),
  comment: z.string().max(500),
  openedAt: instant,
  submittedAt: instant,
});
export type RatingAnswer = z.infer<typeof ratingAnswerSchema>;
