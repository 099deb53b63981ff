/** Settings an office can change (cài đặt). */
import { z } from 'zod';
import { row } from './row';

export const settingsSchema = z.object({
  /** Minutes of inactivity before the screen locks (khóa màn hình); 0 disables the lock. */
  idleLockMinutes: z.number().int().min(0).max(240),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 10 };

export const settingsRows = {
  'settings.get': row({
    input: z.strictObject({}),
    output: settingsSchema,
    access: 'signedIn',
  }),
  'settings.update': row({
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
    access: ['admin'],
  }),
} as const;
