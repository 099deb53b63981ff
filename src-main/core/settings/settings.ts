/** Office settings stored as JSON per key, with defaults for anything never set. */
import { eq } from 'drizzle-orm';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '@shared/rpc/settings';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { preparedPerConnection } from '../db/prepared';
import { setting } from '../db/schema';

const storedSettings = preparedPerConnection((c) => c.prepare<[], { key: string; value: string }>('SELECT key, value FROM setting ORDER BY key'));

export class SettingsService {
  /** The last rows read and what they parsed to: every receipt reads the settings. */
  private parsed: { raw: string; settings: Settings } | null = null;

  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
  ) {}

  get(): Settings {
    const rows = storedSettings(this.db).all();
    const raw = JSON.stringify(rows);
    if (this.parsed?.raw === raw) return structuredClone(this.parsed.settings);
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    // Unknown or stale keys are ignored; a bad stored value falls back to its default.
    const merged = { ...DEFAULT_SETTINGS, ...stored };
    const parsed = settingsSchema.safeParse(merged);
    const settings = parsed.success ? parsed.data : DEFAULT_SETTINGS;
    this.parsed = { raw, settings };
    return structuredClone(settings);
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
