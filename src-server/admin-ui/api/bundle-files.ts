/**
 * Sending one file of an offline bundle's folder to the hub (PUT OFFLINE_BUNDLE_FILES_PATH/<hash>,
 * the raw bytes): outside the admin API's JSON rows, because the body is the file itself, streamed
 * by the browser from the USB stick rather than read into a JSON string.
 */
import { isFetchFailure } from '@shared/errors';
import { OFFLINE_BUNDLE_FILES_PATH } from '@shared/sync/offline-bundle';
import { vi } from '../i18n/vi';
import { useSession } from '../stores/session';
import { AdminApiError } from './client';

export interface BundleFileAnswer {
  sha256: string;
  size: number;
  stored: boolean;
}

export async function sendBundleFile(sha256: string, file: Blob): Promise<BundleFileAnswer> {
  const { session, logout } = useSession.getState();
  if (!session) throw new AdminApiError(401, 'unauthenticated', '');
  let response: Response;
  try {
    response = await fetch(`${OFFLINE_BUNDLE_FILES_PATH}/${sha256}`, {
      method: 'PUT',
      headers: { authorization: session.authorization, accept: 'application/json', 'content-type': 'application/octet-stream' },
      body: file,
    });
  } catch (err) {
    if (!isFetchFailure(err)) throw err;
    throw new AdminApiError(0, 'network', vi.errors.network);
  }
  const payload = (await response.json().catch((err: unknown) => {
    if (!(err instanceof SyntaxError)) throw err; // a proxy's error page is not JSON
    return null;
  })) as (BundleFileAnswer & { error?: { code: string; message: string } }) | null;
  if (!response.ok) {
    if (response.status === 401) logout();
    throw new AdminApiError(response.status, payload?.error?.code ?? 'http_error', payload?.error?.message ?? vi.errors.unexpected);
  }
  return payload as BundleFileAnswer;
}
