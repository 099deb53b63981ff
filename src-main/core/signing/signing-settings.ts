/**
 * The signing settings (module path, timestamp authority, the seal's file hash), kept as rows of
 * the office `setting` table under their own keys; the general settings form ignores them.
 */
import { eq, inArray } from 'drizzle-orm';
import type { SigningSettings } from '@shared/rpc/signing';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { setting } from '../db/schema';

const KEYS = { modulePath: 'signing.modulePath', tsaUrl: 'signing.tsaUrl', sealSha256: 'signing.sealSha256' } as const;
type Key = keyof typeof KEYS;

export class SigningSettingsStore {
  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
  ) {}

  get(): SigningSettings {
    const rows = this.db.select().from(setting).where(inArray(setting.key, Object.values(KEYS))).all();
    const value = (k: Key) => {
      const v = rows.find((r) => r.key === KEYS[k])?.value;
      return typeof v === 'string' && v.length > 0 ? v : null;
    };
    return { modulePath: value('modulePath'), tsaUrl: value('tsaUrl'), sealSha256: value('sealSha256') };
  }

  update(patch: Partial<SigningSettings>): SigningSettings {
    const now = this.clock.now().toISOString();
    this.db.transaction((tx) => {
      for (const k of Object.keys(patch) as Key[]) {
        const v = patch[k];
        if (v === undefined) continue;
        if (v === null) tx.delete(setting).where(eq(setting.key, KEYS[k])).run();
        else tx.insert(setting).values({ key: KEYS[k], value: v, updatedAt: now }).onConflictDoUpdate({ target: setting.key, set: { value: v, updatedAt: now } }).run();
      }
    });
    return this.get();
  }
}
