/**
 * Sending one file of an offline bundle's folder to the hub (PUT OFFLINE_BUNDLE_FILES_PATH/<hash>,
 * the raw bytes): outside the admin API's JSON rows, because the body is the file itself, streamed
 * by the browser from the USB stick rather than read into a JSON string.
 */
import { OFFLINE_BUNDLE_FILES_PATH } from '@shared/sync/offline-bundle';
import { useSession } from '../stores/session';
import { AdminApiError, fetchAdmin } from './client';

export interface BundleFileAnswer {
  sha256: string;
  size: number;
  stored: boolean;
}

export async function sendBundleFile(sha256: string, file: Blob): Promise<BundleFileAnswer> {
  const { session, logout } = useSession.getState();
  if (!session) throw new AdminApiError(401, 'unauthenticated', '');
  try {
    return await fetchAdmin<BundleFileAnswer>(`${OFFLINE_BUNDLE_FILES_PATH}/${sha256}`, {
      method: 'PUT',
      headers: { authorization: session.authorization, accept: 'application/json', 'content-type': 'application/octet-stream' },
      body: file,
    });
  } catch (err) {
    if (err instanceof AdminApiError && err.status === 401) logout();
    throw err;
  }
}
