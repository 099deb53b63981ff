/**
 * The stored files (core/files: scans, signed copies) in the backups, incrementally: the
 * store is content-addressed and never rewrites a file, so a backup only has to add the hashes it
 * does not hold yet — a daily backup of a counter with gigabytes of scans adds today's pages and
 * nothing else. On the same drive a file is hard-linked (no second copy of the bytes, and a file
 * deleted from the store by mistake survives in the backup); on another drive it is copied.
 * Restoring puts back every file the store lacks, each checked against its name first.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const HASH_DIR = /^[0-9a-f]{2}$/;
const HASH_REST = /^[0-9a-f]{62}$/;

export const BACKUP_FILES_DIR = 'files';

function* storedFiles(root: string): Generator<{ dir: string; name: string }> {
  if (!fs.existsSync(root)) return;
  for (const dir of fs.readdirSync(root)) {
    if (!HASH_DIR.test(dir)) continue;
    for (const name of fs.readdirSync(path.join(root, dir))) if (HASH_REST.test(name)) yield { dir, name };
  }
}

/** Adds to `mirrorDir` the files of `storeDir` it lacks; answers how many were added and how many it already held. */
export function mirrorFiles(storeDir: string, mirrorDir: string): { added: number; kept: number } {
  let added = 0;
  let kept = 0;
  for (const { dir, name } of storedFiles(storeDir)) {
    const target = path.join(mirrorDir, dir, name);
    if (fs.existsSync(target)) {
      kept++;
      continue;
    }
    fs.mkdirSync(path.join(mirrorDir, dir), { recursive: true });
    const source = path.join(storeDir, dir, name);
    try {
      fs.linkSync(source, target);
    } catch (err) {
      // Another drive (EXDEV) or a file system without hard links: a real copy, renamed into place whole.
      if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
      fs.copyFileSync(source, `${target}.tmp`);
      fs.renameSync(`${target}.tmp`, target);
    }
    added++;
  }
  return { added, kept };
}

/** Puts back into the store every file of the backup it lacks; a backup file whose bytes no longer match its name is skipped and counted. */
export function restoreFiles(mirrorDir: string, storeDir: string): { restored: number; damaged: string[] } {
  let restored = 0;
  const damaged: string[] = [];
  for (const { dir, name } of storedFiles(mirrorDir)) {
    const target = path.join(storeDir, dir, name);
    if (fs.existsSync(target)) continue;
    const bytes = fs.readFileSync(path.join(mirrorDir, dir, name));
    if (createHash('sha256').update(bytes).digest('hex') !== dir + name) {
      damaged.push(dir + name);
      continue;
    }
    fs.mkdirSync(path.join(storeDir, dir), { recursive: true });
    fs.writeFileSync(`${target}.tmp`, bytes, { mode: 0o600 });
    fs.renameSync(`${target}.tmp`, target);
    restored++;
  }
  return { restored, damaged };
}
