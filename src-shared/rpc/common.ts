/** Small schemas several rows share. */
import { z } from 'zod';

/** An instant with an explicit offset, e.g. 2026-11-23T08:00:00+07:00 or …Z. */
export const instantSchema = z.iso.datetime({ offset: true });

/** A calendar date yyyy-mm-dd. */
export const ymdSchema = z.iso.date();

export const emptyInput = z.strictObject({});
