/** One bounded HTTP exchange with a timestamp or revocation server (the link may be down). */
import { AppError } from '@shared/errors';

export const ONLINE_TIMEOUT_MS = 8_000;

export async function postOrGet(url: string, body: Uint8Array | null, contentType: string | null, timeoutMs = ONLINE_TIMEOUT_MS): Promise<Uint8Array<ArrayBuffer>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      headers: contentType ? { 'Content-Type': contentType } : {},
      body: body ? Buffer.from(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new AppError('UNAVAILABLE', `Không kết nối được tới ${new URL(url).host}`);
  }
  if (!res.ok) throw new AppError('UNAVAILABLE', `${new URL(url).host} trả lời lỗi ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
