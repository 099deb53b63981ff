/**
 * The backups folder: file names carry the kind and the date, so listing and rotation need no
 * index that could disagree with the disk.
 *   daily-2026-11-22.sqlite    one per day (Vietnam date), newest 7 kept
 *   weekly-2026-W47.sqlite     the first daily copy of each ISO week, newest 4 kept
 *   manual-2026-11-22T01-18-00-000Z.sqlite    taken by an administrator, newest 10 kept
 *   pre-restore-….sqlite / pre-migration-….sqlite   safety copies, newest 5 of each kept
 */
import fs from 'node:fs';
import path from 'node:path';
import { vnYmd } from '@shared/domain/vn-time';

export const BACKUP_KINDS = ['daily', 'weekly', 'manual', 'pre-restore', 'pre-migration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const KEEP: Record<BackupKind, number> = { daily: 7, weekly: 4, manual: 10, 'pre-restore': 5, 'pre-migration': 5 };

/** Names an administrator can pick; anything else (paths, ../, other files) is refused. */
export const BACKUP_NAME = /^(daily|weekly|manual|pre-restore|pre-migration)-[0-9A-Za-z-]{4,40}\.sqlite$/;

export interface BackupFile {
  name: string;
  kind: BackupKind;
  sizeBytes: number;
  createdAt: string;
}

export function fileStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** ISO 8601 week of a yyyy-mm-dd date: "2026-W47". */
export function isoWeek(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function dailyName(now: Date): string {
  return `daily-${vnYmd(now)}.sqlite`;
}

export function weeklyName(now: Date): string {
  return `weekly-${isoWeek(vnYmd(now))}.sqlite`;
}

export function kindOf(name: string): BackupKind | null {
  if (!BACKUP_NAME.test(name)) return null;
  return BACKUP_KINDS.find((k) => name.startsWith(`${k}-`)) ?? null;
}

export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    const kind = kindOf(name);
    if (!kind) continue;
    const st = fs.statSync(path.join(dir, name));
    out.push({ name, kind, sizeBytes: st.size, createdAt: st.mtime.toISOString() });
  }
  // Names sort by date within a kind; across kinds the newest file comes first.
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Deletes the oldest files of each kind beyond its quota; returns what was removed. */
export function rotate(dir: string): string[] {
  const removed: string[] = [];
  const byKind = new Map<BackupKind, string[]>();
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const kind = kindOf(name);
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  }
  for (const [kind, names] of byKind) {
    const excess = names.sort().reverse().slice(KEEP[kind]);
    for (const name of excess) {
      fs.rmSync(path.join(dir, name), { force: true });
      fs.rmSync(path.join(dir, `${name}-wal`), { force: true });
      removed.push(name);
    }
  }
  return removed;
}
