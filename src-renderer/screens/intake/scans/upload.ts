/**
 * Sends a file to core the way src-shared/rpc/scans.ts asks: 1 MiB parts in order
 * (`scans.uploadPart`), then `scans.addUpload` normalises and stores it. The parts travel as
 * base64 because both transports (HTTP and Electron IPC) carry JSON.
 */
import { MAX_SCAN_FILE_BYTES, UPLOAD_PART_BYTES, type ScanPage } from '@shared/rpc/scans';
import { vi } from '../../../i18n/vi';
import { call } from '../../../rpc/client';
import type { ScanTarget } from './target';

/** The types the panel offers; core decides by the bytes, this only filters the picker. */
export const ACCEPTED_FILES = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff';

function base64Of(bytes: Uint8Array): string {
  let text = '';
  // In slices: String.fromCharCode over a whole MiB would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function uploadId(): string {
  return `up-${crypto.randomUUID()}`;
}

/** What the officer sees while a file travels: the share sent, then core's normalising. */
export type UploadProgress = { phase: 'sending'; percent: number } | { phase: 'storing' };

export async function uploadFile(blob: Blob, target: ScanTarget, source: 'upload' | 'camera', onProgress: (p: UploadProgress) => void): Promise<ScanPage[]> {
  // Said here before a byte is read: core would refuse it too, after the officer waited for the parts.
  if (blob.size > MAX_SCAN_FILE_BYTES) throw new Error(vi.scans.tooBig(Math.round(MAX_SCAN_FILE_BYTES / 1024 / 1024)));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const id = uploadId();
  let offset = 0;
  do {
    onProgress({ phase: 'sending', percent: bytes.length ? Math.round((offset / bytes.length) * 100) : 0 });
    const part = bytes.subarray(offset, offset + UPLOAD_PART_BYTES);
    await call('scans.uploadPart', { uploadId: id, offset, data: base64Of(part) });
    offset += part.length;
  } while (offset < bytes.length);
  onProgress({ phase: 'storing' });
  const { pages } = await call('scans.addUpload', { ...target, uploadId: id, source, color: false });
  return pages;
}
