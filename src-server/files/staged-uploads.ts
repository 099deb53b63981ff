/**
 * The staging folder of tus uploads (`<files>/incoming`, @tus/file-store's layout: `<id>` holds
 * the bytes received so far, `<id>.json` the upload's declared size and metadata).
 *
 * An upload a counter started and never finished (the dossier deleted before it was sent, the PC
 * replaced) would stay there forever. Those are removed once nothing has arrived for `maxAgeMs`,
 * reckoned by the hub's clock. A complete staged file is never removed here, whatever its age: it
 * may be waiting for the object storage to come back, and it is the only copy the hub has.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const DEFAULT_STAGED_MAX_AGE_MS = 7 * 24 * 3600_000;

const stagedInfoSchema = z.object({ id: z.string().min(1), size: z.number().int().nonnegative() });

export interface StagedCleanupResult {
  removed: string[];
  /** Sidecar files this hub cannot read: kept, and named so a person can look. */
  unreadable: string[];
}

export async function removeAbandonedUploads(stagingDir: string, now: Date, maxAgeMs: number): Promise<StagedCleanupResult> {
  const result: StagedCleanupResult = { removed: [], unreadable: [] };
  let names: string[];
  try {
    names = await fs.readdir(stagingDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return result; // no upload yet
    throw err;
  }
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const infoPath = path.join(stagingDir, name);
    const info = await readJson(infoPath);
    if (info === undefined) continue; // finished and released while this pass ran
    const parsed = stagedInfoSchema.safeParse(info);
    if (!parsed.success || `${parsed.data.id}.json` !== name) {
      result.unreadable.push(name);
      continue;
    }
    const dataPath = path.join(stagingDir, parsed.data.id);
    const data = await statOrNull(dataPath);
    // Last activity: the last byte written, or the creation for an upload that never got one.
    const lastActivity = data?.mtimeMs ?? (await statOrNull(infoPath))?.mtimeMs;
    if (lastActivity === undefined) continue;
    if (data && data.size >= parsed.data.size) continue; // complete: never touched
    if (now.getTime() - lastActivity < maxAgeMs) continue;
    await fs.rm(dataPath, { force: true });
    await fs.rm(infoPath, { force: true });
    result.removed.push(parsed.data.id);
  }
  return result;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    if (err instanceof SyntaxError) return null;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function statOrNull(file: string) {
  try {
    return await fs.stat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
