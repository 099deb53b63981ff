/**
 * Free space on the data folder's disk (fs.statfs), so the app warns ahead of a full disk. The
 * levels: low under 2 GiB, critical under 512 MiB. A busy commune's database grows by tens of
 * megabytes a year and every backup is a full copy, so these leave room for weeks of work and a
 * few backups.
 */
import fs from 'node:fs';
import type { StorageStatus } from '@shared/rpc/storage';

export interface StorageThresholds {
  lowBytes: number;
  criticalBytes: number;
}

export const DEFAULT_STORAGE_THRESHOLDS: StorageThresholds = { lowBytes: 2 * 1024 ** 3, criticalBytes: 512 * 1024 ** 2 };

export function storageStatus(dataDir: string, thresholds: StorageThresholds = DEFAULT_STORAGE_THRESHOLDS): StorageStatus {
  const s = fs.statfsSync(dataDir);
  const freeBytes = s.bavail * s.bsize;
  const totalBytes = s.blocks * s.bsize;
  return { freeBytes, totalBytes, level: freeBytes < thresholds.criticalBytes ? 'critical' : freeBytes < thresholds.lowBytes ? 'low' : 'ok' };
}
