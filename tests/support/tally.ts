/**
 * What a campaign test did (kills, fuzz cases, violations), written beside the test artifacts so
 * `npm run bench -- reliability` can report it after running the same suites.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './web-host';

export const TALLY_DIR = path.join(REPO_ROOT, 'tests', 'artifacts', 'tallies');

export function recordTally(name: string, data: object): void {
  fs.mkdirSync(TALLY_DIR, { recursive: true });
  fs.writeFileSync(path.join(TALLY_DIR, `${name}.json`), JSON.stringify({ at: new Date().toISOString(), ...data }, null, 2));
}

export function readTally<T>(name: string): T | null {
  const file = path.join(TALLY_DIR, `${name}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : null;
}
