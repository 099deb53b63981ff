/** Office settings stored as JSON per key, with defaults for anything never set. */
import { eq } from 'drizzle-orm';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '@shared/rpc/settings';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { setting } from '../db/schema';

export class SettingsService {
  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
  ) {}

  get(): Settings {
    const stored = Object.fromEntries(this.db.select().from(setting).all().map((r) => [r.key, r.value]));
    // Unknown or stale keys are ignored; a bad stored value falls back to its default.
    const merged = { ...DEFAULT_SETTINGS, ...stored };
    const parsed = settingsSchema.safeParse(merged);
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  update(patch: Partial<Settings>): Settings {
    const now = this.clock.now().toISOString();
    this.db.transaction((tx) => {
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        // null (e.g. printer: back to the system default) is the default: drop the stored value.
        if (value === null) {
          tx.delete(setting).where(eq(setting.key, key)).run();
          continue;
        }
        tx.insert(setting)
          .values({ key, value, updatedAt: now })
          .onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: now } })
          .run();
      }
    });
    return this.get();
  }
}
